// RUN: %check_alloc_tidy %s alloc-unjustified %t

// A call through a member of a hooks structure reached through a copy of
// the unit's one modifiable global of that type (cJSON keeps
// `global_hooks` and copies it into each print buffer: `p->hooks.allocate
// (n)`, `hooks->allocate(n)`) is a call of that global's hook.
#include <stdlib.h>

typedef struct internal_hooks {
  void *(*allocate)(size_t size);
  void (*deallocate)(void *pointer);
} internal_hooks;
static void *internal_malloc(size_t size) {
  return malloc(size); // alloc: returned -- the hook's default, for its callers
}
static void internal_free(void *pointer) { free(pointer); }
static internal_hooks global_hooks = {internal_malloc, internal_free}; // alloc: permanent -- the default hooks

typedef struct printbuffer {
  unsigned char *buffer;
  internal_hooks hooks;
} printbuffer;

void *new_item(const internal_hooks *const hooks) {
  return hooks->allocate(32);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'global_hooks.allocate' (through 'internal_malloc', {{.*}}hook-struct-copies.c{{.*}}:17) allocates heap memory without a justification; add '// alloc: <lifetime> -- <reason>' [alloc-unjustified]
}

int grow(printbuffer *p, size_t n) {
  unsigned char *b = p->hooks.allocate(n); // alloc: stored -- p->buffer, freed by print's caller
  if (!b)
    return 0;
  p->hooks.deallocate(p->buffer);
  p->buffer = b;
  return 1;
}

// Near miss: a table of operations is constant: a call through one of its
// members is whichever table the object points to.
struct ops {
  void *(*open)(size_t size);
};
static void *tcp_open(size_t size) {
  return malloc(size); // alloc: returned -- a connection, for the caller
}
static const struct ops tcp_ops = {tcp_open}; // alloc: permanent -- the TCP table
void *open_conn(const struct ops *o) { return o->open(16); }

// Near miss: two modifiable globals of one type: no one answer.
struct pool_hooks {
  void *(*get)(size_t size);
};
static struct pool_hooks small_pool = {internal_malloc}; // alloc: permanent -- the pool's default
static struct pool_hooks large_pool = {internal_malloc}; // alloc: permanent -- the pool's default
void *pool_get(struct pool_hooks *h) { return h->get(64); }
void *use_pools(void) {
  return small_pool.get(8) ? large_pool.get(8) : NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'small_pool.get' (through 'internal_malloc', {{.*}}hook-struct-copies.c{{.*}}:53) allocates heap memory without a justification; add '// alloc: <lifetime> -- <reason>' [alloc-unjustified]
  // CHECK-MESSAGES: :[[@LINE-2]]:30: warning: 'large_pool.get' (through 'internal_malloc', {{.*}}hook-struct-copies.c{{.*}}:54) allocates heap memory without a justification; add '// alloc: <lifetime> -- <reason>' [alloc-unjustified]
}
