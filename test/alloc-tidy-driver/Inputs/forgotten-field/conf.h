#include <stdlib.h>
#include <string.h>

struct auth {
  char *user;
  char *pass;
};

struct topic {
  char *remote; /* freed by topic_destroy */
  char *local;  /* freed by topic_destroy */
  char *prefix; /* allocated by the parser, freed nowhere */
  char *suffix; /* allocated by the parser, freed by topic_reset */
  char *label;  /* allocated by the parser, printed by log_topic */
  char *owner;  /* allocated by the parser, handed to keep_owner */
  char **tags;  /* elements allocated by the parser, freed nowhere */
  char **alts;  /* elements allocated by the parser, freed by topic_clear */
  struct auth auth;   /* filled by the parser, torn down nowhere */
  struct auth backup; /* filled by the parser, torn down by topic_clear */
};

char *dup_str(const char *s);
void log_topic(const char *what, const char *s);
void keep_owner(char *s);
void topic_reset(struct topic *t);
void topic_destroy(struct topic *t);
void topic_clear(struct topic *t);
void auth_destroy(struct auth *a);
void auth_init(struct auth *a);
struct topic *topic_parse(const char *r, const char *l, const char *p);
