// RUN: %check_alloc_tidy %s alloc-missing-lifetime %t
// RUN: %clang -fsyntax-only %hermetic_cflags %t.c

// A struct field that receives owned allocations states their lifetime in a
// comment on its declaration; the fix-it adds the stub to fill in (its
// placeholder is reported by alloc-unjustified until someone does).
#include <stdlib.h>

struct conn {
  char *rx;
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: field 'rx' holds heap memory (allocated in 'conn_open') but its declaration does not say who frees it and when; add '/* alloc: <lifetime> -- <who frees it, and when> */' with its lifetime and reason [alloc-missing-lifetime]{{$}}
  // CHECK-FIXES: char *rx; /* alloc: <lifetime> -- <who frees it, and when> */
  char *tx; /* alloc: stored -- freed by conn_close() with the connection */
  char *name;
  int fd;
};

int conn_open(struct conn *c) {
  c->rx = malloc(512); /* alloc: stored -- per-connection buffer */
  c->tx = malloc(512); /* alloc: stored -- per-connection buffer */
  c->name = NULL;      // not an allocation: no comment needed
  return c->rx && c->tx ? 0 : -1;
}
