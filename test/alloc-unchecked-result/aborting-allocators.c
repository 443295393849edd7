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

// redis zmalloc: the block comes from a helper that asks its usable size
// (malloc_usable_size keeps nothing), and a failure goes to an out-of-memory
// hook initialised with a function that aborts.
size_t malloc_usable_size(void *p); // glibc <malloc.h>
#include <stdio.h>

static void default_oom(size_t n) {
  fprintf(stderr, "out of memory (%zu bytes)\n", n);
  abort();
}
static void (*oom_handler)(size_t) = default_oom;

static void *try_alloc(size_t n, size_t *usable) {
  void *p = malloc(n);
  if (!p)
    return NULL;
  if (usable)
    *usable = malloc_usable_size(p);
  return p;
}

__attribute__((malloc)) void *zmalloc(size_t n);
__attribute__((malloc)) void *zmalloc(size_t n) {
  void *p = try_alloc(n, NULL);
  if (!p)
    oom_handler(n);
  return p;
}

// Near miss: the helper that may fail, used directly.
int zusers(void) {
  char *a = zmalloc(4);
  a[0] = 0;
  char *b = try_alloc(4, NULL);
  b[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'b' from 'try_alloc' at line [[@LINE-2]] is indexed without a NULL check; {{.*}} [alloc-unchecked-result]{{$}}
  free(a);
  free(b);
  return 0;
}

// A reallocator whose NULL comes only with a zero size (redis zrealloc:
// any other failure aborts) does not fail.  Near miss: one that returns
// NULL when realloc fails, whatever the size.
static void *zrealloc(void *p, size_t n) {
  if (n == 0 && p != NULL) {
    free(p);
    return NULL;
  }
  void *q = realloc(p, n);
  if (!q && n != 0)
    oom_handler(n);
  return q;
}
static void *ztryrealloc(void *p, size_t n) {
  if (n == 0 && p != NULL) {
    free(p);
    return NULL;
  }
  return realloc(p, n);
}
int grow(int **v, int **w, int n) {
  int *a = zrealloc(*v, sizeof(int) * (n + 1));
  a[n] = 0;
  *v = a;
  int *b = ztryrealloc(*w, sizeof(int) * (n + 1));
  b[n] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'b' from 'ztryrealloc' at line [[@LINE-2]] is indexed without a NULL check; {{.*}} [alloc-unchecked-result]{{$}}
  *w = b;
  return 0;
}
