// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// Two setters, two conventions, no majority: both are reported.
#include <stdlib.h>
#include <string.h>

struct conn { char *name; char *peer; };

void conn_set_name(struct conn *c, const char *name) {
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: 'conn_set_name' copies 'name' (duplicated by 'strdup'), and the 'conn_set_' family has no single convention for its arguments: callers will free or leak them by mistake; make the family agree, or declare this contract with '/* alloc: copies(name) */' [alloc-ownership-inconsistent]{{$}}
  c->name = strdup(name); // alloc: stored -- owned by the connection
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'c->name' may still own memory: 'conn_set_name' is a setter, {{.*}} [alloc-ownership-inconsistent]{{$}}
}

void conn_set_peer(struct conn *c, char *peer) {
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'conn_set_peer' takes ownership of 'peer' (stored into 'c->peer'), and the 'conn_set_' family has no single convention {{.*}} [alloc-ownership-inconsistent]{{$}}
  c->peer = peer;
}

// A 'void *' kept in a field is a context pointer handed back to callbacks:
// storing it is not taking it, so this family agrees (all keep with the
// caller).
struct ctx { void *user; char *label; };
void ctx_set_user(struct ctx *c, void *user) { c->user = user; }
void ctx_set_label(struct ctx *c, const char *label) { c->label = strdup(label); } // alloc: stored -- owned by c
void ctx_set_other(struct ctx *c, const char *label) { (void)c; (void)label; }

// A function alone in its family is never reported.
struct timer { char *label; };
void timer_set_label(struct timer *t, char *label) { t->label = label; }

// The connection's destroy function: 'c->peer' is an owning field.
void conn_free(struct conn *c) {
  free(c->name);
  free(c->peer);
  free(c);
}

// Near miss: a field nothing frees (a back-pointer, the current item of a
// walk) does not own what is stored into it: storing is borrowing, and the
// family agrees.
struct walk { char *label; const char *current; };
void walk_set_label(struct walk *w, const char *label) { w->label = strdup(label); } // alloc: stored -- freed by walk_end
// CHECK-MESSAGES: :[[@LINE-1]]:67: warning: 'w->label' may still own memory: 'walk_set_label' is a setter, {{.*}} [alloc-ownership-inconsistent]{{$}}
void walk_set_current(struct walk *w, char *item) { w->current = item; }
void walk_end(struct walk *w) { free(w->label); free(w); }
