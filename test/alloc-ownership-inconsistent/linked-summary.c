// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t -- \
// RUN:   --config="{CheckOptions: [{key: SummaryFile, value: '%S/Inputs/linked-summaries.yaml'}]}"

// A parameter stored into a field nothing frees and handed to a function
// of another unit: this unit's own summary cannot tell whether that
// function keeps it, the project's linked summaries (the SummaryFile) can
// (libevent evhttp_connection_set_base and bufferevent_base_set).  The
// check reads the linked contract: a borrow, so the family agrees.
#include <stdlib.h>
#include <string.h>

struct base;
void base_watch(struct base *b); // defined in another unit
struct conn { struct base *base; char *name; };

void conn_set_base(struct conn *c, struct base *b) {
  c->base = b;
  base_watch(b);
}
void conn_set_name(struct conn *c, const char *name) {
  free(c->name);
  c->name = strdup(name); // alloc: stored -- freed by conn_free
}
void conn_free(struct conn *c) {
  free(c->name);
  free(c);
}

// Near miss: the same shape, with no linked summary for it: the store is
// still taken for a take.
struct sock { struct base *base; char *name; };
void sock_set_base(struct sock *s, struct base *b) {
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'sock_set_base' takes ownership of 'b' (stored into 's->base'), and the 'sock_set_' family has no single convention {{.*}} [alloc-ownership-inconsistent]{{$}}
  s->base = b;
  base_watch(b);
}
void sock_set_name(struct sock *s, const char *name) {
  // CHECK-MESSAGES: :[[@LINE-1]]:48: warning: 'sock_set_name' copies 'name' (duplicated by 'strdup'), and the 'sock_set_' family has no single convention {{.*}} [alloc-ownership-inconsistent]{{$}}
  free(s->name);
  s->name = strdup(name); // alloc: stored -- freed with the socket
}
