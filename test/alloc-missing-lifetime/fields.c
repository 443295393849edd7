// RUN: %check_alloc_tidy %s alloc-missing-lifetime %t
// RUN: %clang -fsyntax-only -Wall -Werror %hermetic_cflags %t.c

// RUN: %check_alloc_tidy -check-suffix=UNJUSTIFIED %s alloc-unjustified %t-unjustified

// A struct field that receives owned allocations states their lifetime in a
// comment on its declaration.  No fix-it: a placeholder comment would be
// reported as a malformed justification on the next run (the second RUN
// line: after --fix, alloc-unjustified finds nothing to report).
#include <stdlib.h>

struct conn {
  char *rx;
  // CHECK-NOTES: :[[@LINE-1]]:9: warning: field 'rx' holds heap memory but does not say who frees it; add '// alloc: stored -- <who frees it>' [alloc-missing-lifetime]{{$}}
  // CHECK-NOTES: :[[@LINE+8]]:11: note: allocated here, in 'conn_open'
  // CHECK-FIXES: char *rx;
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
