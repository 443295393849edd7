#include "conf.h"

struct topic *topic_parse(const char *r, const char *l, const char *p) {
  struct topic *t = calloc(1, sizeof *t);
  if (!t)
    return NULL;
  t->remote = dup_str(r);
  t->local = dup_str(l);
  if (p) {
    if (t->prefix)
      free(t->prefix);
    t->prefix = dup_str(p);
  }
  t->suffix = dup_str(p);
  t->label = dup_str(r);
  log_topic("label", t->label);
  t->owner = dup_str(l);
  keep_owner(t->owner);
  t->tags = calloc(2, sizeof(char *));
  t->alts = calloc(2, sizeof(char *));
  if (t->tags && t->alts) {
    t->tags[0] = dup_str(p);
    t->alts[0] = dup_str(p);
  }
  t->auth.user = dup_str(r);
  t->backup.user = dup_str(r);
  auth_init(&t->auth);
  return t;
}
