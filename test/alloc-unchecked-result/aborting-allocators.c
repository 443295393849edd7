// RUN: %check_alloc_tidy %s alloc-unchecked-result %t

// Allocators that abort instead of returning NULL: declared malloc-like by
// an attribute, known never to return NULL from returns_nonnull or from
// their own body.
#include <stdlib.h>
#include <string.h>

__attribute__((malloc, returns_nonnull)) void *xmalloc_nn(size_t n);

__attribute__((malloc)) void *xmalloc_body(size_t n);
__attribute__((malloc)) void *xmalloc_body(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}

__attribute__((malloc)) void *may_fail(size_t n);

int users(void) {
  char *a = xmalloc_nn(4);
  a[0] = 0;
  char *b = xmalloc_body(4);
  b[0] = 0;
  char *c = may_fail(4);
  c[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'c' from 'may_fail' at line [[@LINE-2]] is indexed without a NULL check; {{.*}} [alloc-unchecked-result]{{$}}
  free(a);
  free(b);
  free(c);
  return 0;
}
