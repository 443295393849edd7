// RUN: %check_alloc_tidy %s alloc-unjustified %t

// Every allocator of rules/libc.yaml: unjustified (flagged) and justified
// (silent), one pair each.
#include <stdlib.h>

void unjustified(void **out, void *old, size_t n) {
  void *a = malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'malloc' allocates heap memory without a justification; add '// alloc: <lifetime> -- <reason>' [alloc-unjustified]{{$}}
  void *b = calloc(n, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'calloc' allocates heap memory without a justification; {{.*}} [alloc-unjustified]{{$}}
  void *c = realloc(old, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'realloc' reallocates heap memory without a justification; {{.*}} [alloc-unjustified]{{$}}
  void *d = realloc(NULL, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'realloc' reallocates heap memory without {{.*}} [alloc-unjustified]{{$}}
  void *e = reallocarray(old, n, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'reallocarray' reallocates heap memory without {{.*}} [alloc-unjustified]{{$}}
  void *f = aligned_alloc(64, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'aligned_alloc' allocates heap memory without {{.*}} [alloc-unjustified]{{$}}
  posix_memalign(out, 64, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'posix_memalign' allocates heap memory without {{.*}} [alloc-unjustified]{{$}}
  void *g = memalign(64, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'memalign' allocates heap memory without {{.*}} [alloc-unjustified]{{$}}
  void *h = valloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'valloc' allocates heap memory without {{.*}} [alloc-unjustified]{{$}}
  void *i = pvalloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'pvalloc' allocates heap memory without {{.*}} [alloc-unjustified]{{$}}
  free(a); free(b); free(c); free(d); free(e); free(f); free(g); free(h); free(i);
}

void justified(void **out, void *old, size_t n) {
  void *a = malloc(n); /* alloc: scoped -- freed below */
  void *b = calloc(n, 4); // alloc: scoped -- freed below
  /* alloc: scoped -- freed below */
  void *c = realloc(old, n);
  // alloc: scoped -- freed below
  void *d = realloc(NULL, n);
  void *e = reallocarray(old, n, 8); // alloc: scoped -- freed below
  void *f = aligned_alloc(64, n); // alloc: scoped -- freed below
  posix_memalign(out, 64, n); // alloc: returned -- the caller frees *out
  void *g = memalign(64, n); // alloc: scoped -- freed below
  void *h = valloc(n); // alloc: scoped -- freed below
  void *i = pvalloc(n); // alloc: scoped -- freed below
  free(a); free(b); free(c); free(d); free(e); free(f); free(g); free(h); free(i);
}

// Near misses that must stay silent: freeing is not allocating, nor is
// merely declaring or mentioning an allocator in sizeof-free code, nor a
// call to a function whose name only contains "alloc".
void *my_allocate_nothing(size_t n);
void near_misses(void *p) {
  free(p);
  free(NULL);
  my_allocate_nothing(4);
}
