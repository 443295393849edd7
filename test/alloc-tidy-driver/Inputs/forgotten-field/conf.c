#include "conf.h"

static char *kept;

char *dup_str(const char *s) { return strdup(s); }

void log_topic(const char *what, const char *s) { (void)what; (void)s; }

void keep_owner(char *s) { kept = s; }

void topic_reset(struct topic *t) {
  char *s = t->suffix;
  t->suffix = NULL;
  free(s);
}

void topic_destroy(struct topic *t) {
  free(t->remote);
  free(t->local);
  free(t->tags);
  free(t->alts);
  free(t);
}

void topic_clear(struct topic *t) {
  for (int i = 0; i < 2; i++)
    free(t->alts[i]);
  auth_destroy(&t->backup);
}

void auth_destroy(struct auth *a) {
  free(a->user);
  free(a->pass);
}

void auth_init(struct auth *a) { a->pass = NULL; }
