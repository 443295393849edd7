// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// A setter is called again with the same object by design: one that stores
// a new block into a field that owns what it holds (the code frees it
// elsewhere) without freeing the old one leaks it on the second call
// (libstrophe xmpp_conn_set_cafile before 977ef75; _conn_reset frees
// conn->tls_cafile).
#include <stdlib.h>
#include <string.h>

struct conn {
  int ref;
  char *cafile;
  char *capath;
  char *name;
  char *label;
  const char *view;
};

static void conn_reset(struct conn *c) {
  // The destroy function frees every field the code frees but 'label',
  // which the setter below fills and nothing frees (NanoNNG
  // conf_bridge_node_destroy before 3312ccd02).
  // CHECK-MESSAGES: :[[@LINE-4]]:13: warning: 'conn_reset' releases the fields of 'conn' but not 'label', which holds memory allocated at {{.*}}.c:65 (strdup) that no code frees; free it here [alloc-ownership-inconsistent]
  free(c->cafile);
  c->cafile = NULL;
  free(c->capath);
  c->capath = NULL;
  free(c->name);
  c->name = NULL;
}
int conn_release(struct conn *c) {
  if (--c->ref > 0)
    return 0;
  conn_reset(c);
  free(c);
  return 1;
}

void conn_set_cafile(struct conn *c, const char *path) {
  c->cafile = strdup(path); // alloc: stored -- freed by conn_reset
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'c->cafile' may still own memory: 'conn_set_cafile' is a setter, and a second call overwrites the block the first one stored; free it first, or test that it is NULL [alloc-ownership-inconsistent]
}

void connSetCapath(struct conn *c, const char *path) {
  c->capath = strdup(path); // alloc: stored -- freed by conn_reset
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'c->capath' may still own memory: 'connSetCapath' is a setter, {{.*}} [alloc-ownership-inconsistent]
}

// Near miss: the setter frees the old value first (the fix).
void conn_set_name(struct conn *c, const char *name) {
  free(c->name);
  c->name = strdup(name); // alloc: stored -- freed by conn_reset
}

// Near miss: a setter that tests the field first.
void conn_set_name_once(struct conn *c, const char *name) {
  if (c->name == NULL)
    c->name = strdup(name); // alloc: stored -- freed by conn_reset
}

// Near miss: nothing frees 'label' (a field that does not own), and
// 'view' is never given a block of its own.
void conn_set_label(struct conn *c, const char *label) {
  c->label = strdup(label); // alloc: stored -- kept for the process
}

// Near miss: not a setter by its name (an initialiser of a new object).
void conn_init(struct conn *c, const char *path) {
  c->ref = 1;
  c->cafile = strdup(path); // alloc: stored -- freed by conn_reset
}
