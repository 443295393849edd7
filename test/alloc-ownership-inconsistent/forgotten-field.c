// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t -- -- -I %S/Inputs/forgotten-field

// A destroy function that releases a structure's fields but forgets one
// that the code allocates and never frees anywhere (NanoNNG
// conf_bridge_node_destroy before 3312ccd02, which freed a forward's topics
// but not its prefix and suffix).  The structure is this file's own, so no
// other unit can free the field.
#include <stdlib.h>
#include <string.h>
#include "shared.h"

struct conn {
  char *host;
  char *user;   // allocated, freed nowhere: reported
  char *token;  // replaced by its setter, freed nowhere: reported
  char *label;  // holds a literal too: not only owned memory
  char *alias;  // freed by another function
  char *peer;   // read into a local that is freed
  char *note;   // handed to a function that may keep it
  char *cache;  // never allocated
};

void keep(char *p);

struct conn *conn_new(const char *h, const char *u) {
  struct conn *c = calloc(1, sizeof *c);
  if (!c)
    return NULL;
  c->host = strdup(h);
  c->user = strdup(u);
  c->label = "none";
  c->alias = strdup(h);
  c->peer = strdup(h);
  c->note = strdup(u);
  c->cache = NULL;
  if (c->user && strlen(c->user) > 8)
    c->user[8] = '\0';
  return c;
}

void conn_set_token(struct conn *c, const char *t) {
  if (c->token)
    free(c->token);
  c->token = strdup(t);
}

void conn_set_label(struct conn *c, const char *l) { c->label = strdup(l); }

void conn_drop_alias(struct conn *c) {
  free(c->alias);
  c->alias = NULL;
}

void conn_forget_peer(struct conn *c) {
  char *p = c->peer;
  c->peer = NULL;
  free(p);
}

void conn_share(struct conn *c) { keep(c->note); }

void conn_destroy(struct conn *c) {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'conn_destroy' releases the fields of 'conn' but not 'token', which holds memory allocated at {{.*}}.c:44 (strdup) that no code frees; free it here [alloc-ownership-inconsistent]{{$}}
  // CHECK-MESSAGES: :44:12: note: 'token' is allocated here
  // CHECK-MESSAGES: :[[@LINE-3]]:6: warning: 'conn_destroy' releases the fields of 'conn' but not 'user', which holds memory allocated at {{.*}}.c:30 (strdup) that no code frees; free it here [alloc-ownership-inconsistent]{{$}}
  // CHECK-MESSAGES: :30:11: note: 'user' is allocated here
  free(c->host);
  free(c);
}

// Near miss: the destroy function names every field it owns.
struct pair {
  char *a;
  char *b;
};

struct pair *pair_new(void) {
  struct pair *p = malloc(sizeof *p);
  if (!p)
    return NULL;
  p->a = strdup("a");
  p->b = strdup("b");
  return p;
}

void pair_free(struct pair *p) {
  free(p->a);
  if (p->b)
    free(p->b);
  free(p);
}

// Near miss: a structure of a header, whose fields other units may free:
// without the project's summaries, nothing is known of them.
struct shared *shared_new(void) {
  struct shared *s = malloc(sizeof *s);
  if (!s)
    return NULL;
  s->name = strdup("n");
  s->path = strdup("p");
  return s;
}

void shared_free(struct shared *s) {
  free(s->name);
  free(s);
}

// Near miss: a function that frees the fields of its own struct variable
// (a parser's error path, NanoNNG rule_sql_parse after 5324b6a9f) is no
// destroy function of the struct.
struct opts {
  char *name;
  char *path;
  char *extra;
};

static void opts_fill(struct opts *o, const char *s) {
  o->name = strdup(s);
  o->path = strdup(s);
  o->extra = strdup(s);
}

int opts_check(const char *s) {
  struct opts tmp;
  opts_fill(&tmp, s);
  if (!tmp.name || !tmp.path) {
    free(tmp.name);
    free(tmp.path);
    return -1;
  }
  return 0;
}

// Near miss: the fields of a permanent object (reached from a global) are
// filled once for the program's life (redis `server.db[j].defrag_later`),
// and a global struct's own fields are no object a destroy function is
// handed (redis freeReplicationBacklog's `server.repl_backlog`).
struct db {
  char *dict;
  char *later;
};
static struct db *dbs;
static struct settings {
  char *motd;
  char *banner;
  char *name;
} settings;

void dbs_init(int n) {
  dbs = calloc(n, sizeof *dbs);
  for (int i = 0; dbs && i < n; i++) {
    dbs[i].dict = strdup("d");
    dbs[i].later = strdup("l");
  }
  settings.motd = strdup("m");
  settings.banner = strdup("b");
  settings.name = strdup("n");
}

void db_discard(struct db *d) {
  free(d->dict);
  free(d);
}

void settings_drop(void) {
  free(settings.motd);
  free(settings.banner);
}

// Near miss: a new value stored into the field and also handed to a
// function that may keep it (ioto `rAddName(web->uploads, .., upload)`
// and `web->upload = upload`) is not the field's alone.
void table_add(char **table, char *v);
struct entry {
  char *key;
  char *cur;
};
struct entry *entry_new(const char *k) {
  struct entry *e = malloc(sizeof *e);
  if (!e)
    return NULL;
  e->key = strdup(k);
  e->cur = NULL;
  return e;
}
void entry_pick(struct entry *e, char **table, const char *k) {
  char *v = strdup(k);
  table_add(table, v);
  e->cur = v;
}
void entry_free(struct entry *e) {
  free(e->key);
  free(e);
}
