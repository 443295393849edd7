// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t -- \
// RUN:   --config="{CheckOptions: [{key: SummaryFile, value: '%S/Inputs/linked-summaries.yaml'}]}"

// A parameter stored into a field and handed to a function of another
// unit: this unit's own summary cannot tell whether that function keeps
// it, the project's linked summaries (the SummaryFile) can (libevent
// evhttp_connection_set_base and bufferevent_base_set).  The check reads
// the linked contract: a borrow, so the family agrees.  (Members compare
// their arguments of one type: the name setters copy a string, whatever
// the base setters do with a base.)
#include <stdlib.h>
#include <string.h>

struct base;
void base_watch(struct base *b); // defined in another unit
struct conn { struct base *base; char *name; int same; };

void conn_set_base(struct conn *c, struct base *b) {
  c->base = b;
  base_watch(b);
}
void conn_set_peer(struct conn *c, struct base *b) { c->same = c->base == b; }
void conn_set_name(struct conn *c, const char *name) {
  free(c->name);
  c->name = strdup(name); // alloc: stored -- freed by conn_free
}
void conn_free(struct conn *c) {
  free(c->base);
  free(c->name);
  free(c);
}

// Near miss: the same shape, with no linked summary for it: the store into
// a field the unit frees through is a take.
struct sock { struct base *base; char *name; int same; };
void sock_set_base(struct sock *s, struct base *b) {
  // CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'sock_set_base' takes ownership of 'b' (stored into 's->base'), and the 'sock_set_' family has no single convention {{.*}} [alloc-ownership-inconsistent]{{$}}
  s->base = b;
  base_watch(b);
}
void sock_set_peer(struct sock *s, struct base *b) { s->same = s->base == b; }
// CHECK-MESSAGES: :[[@LINE-1]]:49: warning: 'sock_set_peer' only borrows 'b', and the 'sock_set_' family has no single convention {{.*}} [alloc-ownership-inconsistent]{{$}}
void sock_set_name(struct sock *s, const char *name) {
  free(s->name);
  s->name = strdup(name); // alloc: stored -- freed with the socket
}
void sock_free(struct sock *s) {
  free(s->base);
  free(s->name);
  free(s);
}

// Near miss: the same shape into a field nothing frees through (lwIP
// snmp_pbuf_stream_init's view of a pbuf): storing there takes nothing,
// with or without a linked summary, so the family agrees.
struct view { struct base *base; int n; };
void view_set_base(struct view *v, struct base *b) {
  v->base = b;
  base_watch(b);
}
int view_is(struct view *v, const struct base *b) { return v->base == b; }
int view_has(struct view *v, const struct base *b) { return v->base == b; }
