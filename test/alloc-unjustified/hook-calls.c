// RUN: %check_alloc_tidy %s alloc-unjustified %t

// A call through an allocator hook (a global function pointer, or a field of
// a global structure, initialised with an allocator: libuv's
// `uv__allocator.local_malloc(size)`, c-ares' `ares_malloc(n)`) allocates:
// it is a site like a call of the allocator, as the driver's inventory has
// always counted it.  A call through a hook nothing allocating initialises
// is no site.
#include <stdlib.h>

struct allocator {
  void *(*local_malloc)(size_t);
  void (*local_free)(void *);
};
static struct allocator hooks = {
    malloc, // alloc: permanent -- the default allocator, replaceable at start-up
    free,
};
void *(*my_malloc)(size_t) = malloc; // alloc: permanent -- the hook's default

void *wrap_malloc(size_t n) {
  return hooks.local_malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'hooks.local_malloc' (through 'malloc', {{.*}}hook-calls.c{{.*}}:15) allocates heap memory without a justification; add '// alloc: <lifetime> -- <reason>' [alloc-unjustified]
}

void *wrap_justified(size_t n) {
  return my_malloc(n); // alloc: returned -- the caller owns the block
}

// Near miss: a hook no allocator initialises.
static int (*counter)(void);
int count(void) { return counter ? counter() : 0; }
