// RUN: %check_alloc_tidy %s alloc-unjustified %t

// Each lifetime is accepted, and a justification counts only where the
// grammar puts it: on the allocation's line or on its own line(s) directly
// above the statement.
#include <stdlib.h>

struct conn { char *rx; };
static char *table;

char *each_lifetime(struct conn *c, size_t n) {
  table = malloc(4096); /* alloc: permanent -- lookup table built at start-up */
  char *tmp = malloc(n); // alloc: scoped -- freed before return
  char *req = malloc(n); // alloc: transaction -- freed when the request completes
  c->rx = malloc(n); // alloc: stored -- lives as long as the connection
  char *out = malloc(n); // alloc: returned -- the caller owns the reply
  free(tmp);
  free(req);
  return out;
}

void placement(size_t n) {
  /* alloc: scoped -- a block comment on the line above */
  char *a = malloc(n);

  /*
   * alloc: scoped -- a multi-line block comment
   * whose reason continues here
   */
  char *b = malloc(n);

  /// alloc: scoped -- a doc-style line comment
  char *c = malloc(n);

  /* alloc: scoped -- covers a statement spread over lines */
  char *d =
      malloc(n);

  /* alloc: scoped -- a leading comment on the same line */ char *e = malloc(n);

  // alloc: scoped -- covers every allocation on the line below
  char *f = malloc(n); char *g = malloc(n);

  free(a); free(b); free(c); free(d); free(e); free(f); free(g);
}

void misplaced(size_t n) {
  // alloc: scoped -- separated by a blank line: not directly above

  char *a = malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'malloc' allocates heap memory without a justification; {{.*}} [alloc-unjustified]{{$}}

  char *b = malloc(n); // alloc: scoped -- covers b only
  char *c = malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}

  // alloc: scoped -- covers the next statement, not the one after it
  free(a);
  char *d = malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}

  // A comment that only mentions allocation is not a justification.
  char *e = malloc(n); // allocates the scratch buffer
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}

  /* "alloc: scoped -- inside a string is not a comment" */
  const char *s = "// alloc: scoped -- not a comment"; char *f = malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:66: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  (void)s;
  free(b); free(c); free(d); free(e); free(f);
}
