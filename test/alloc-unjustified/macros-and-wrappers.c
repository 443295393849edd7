// RUN: %check_alloc_tidy %s alloc-unjustified %t

// Allocations resolved through the AST: macros (reported at the expansion),
// user wrappers declared with allocator attributes, allocators whose address
// is taken, and the ALLOC_JUSTIFIED macro.
#include <alloc_tidy.h>
#include <stdlib.h>

#define NEW(T) ((T *)malloc(sizeof(T)))
#define DUP_BUF(n) NEW_BYTES(n)
#define NEW_BYTES(n) malloc(n)

struct msg { int len; char *body; };

void through_macros(size_t n) {
  struct msg *m = NEW(struct msg);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'malloc' (through macro 'NEW') allocates heap memory without a justification; {{.*}} [alloc-unjustified]{{$}}
  char *b = DUP_BUF(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'malloc' (through macro 'NEW_BYTES') allocates {{.*}} [alloc-unjustified]{{$}}
  struct msg *s = SYS_NEW(struct msg);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'malloc' (through macro 'SYS_NEW') allocates {{.*}} [alloc-unjustified]{{$}}
  struct msg *j = NEW(struct msg); // alloc: scoped -- freed below
  free(m); free(b); free(s); free(j);
}

// User allocators recognised by their declaration alone.
void *pool_take(size_t n) __attribute__((malloc));
void *sized_get(size_t n) __attribute__((alloc_size(1)));
void *owned_get(size_t n) __attribute__((ownership_returns(pool)));
void pool_put(void *p) __attribute__((ownership_takes(pool, 1)));

void wrappers(void) {
  void *a = pool_take(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'pool_take' allocates heap memory without {{.*}} [alloc-unjustified]{{$}}
  void *b = sized_get(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'sized_get' allocates {{.*}} [alloc-unjustified]{{$}}
  void *c = owned_get(8);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'owned_get' allocates {{.*}} [alloc-unjustified]{{$}}
  void *d = pool_take(8); // alloc: transaction -- released when the request ends
  pool_put(a); pool_put(b); pool_put(c); pool_put(d);
}

// A wrapper's own body allocates too, and is justified as 'returned'.
__attribute__((malloc)) void *xalloc(size_t n) {
  void *p = malloc(n); // alloc: returned -- xalloc is an allocator
  if (!p)
    abort();
  return p;
}

void *checked_alloc(size_t n) {
  return malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
}

// Taking an allocator's address is a site: calls through the pointer cannot
// be seen.  Calling through explicit '*' or '&' is an ordinary call.
typedef void *(*alloc_fn)(size_t);
struct allocator { alloc_fn alloc; void (*release)(void *); };
void use_allocator(alloc_fn f);

void address_taken(void) {
  alloc_fn f = malloc;
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: address of allocator 'malloc' is taken, so calls through it allocate unseen; justify it or call 'malloc' directly [alloc-unjustified]{{$}}
  struct allocator a = {calloc == 0 ? 0 : pool_take, free};
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: address of allocator 'calloc' is taken, {{.*}} [alloc-unjustified]{{$}}
  // CHECK-MESSAGES: :[[@LINE-2]]:43: warning: address of allocator 'pool_take' is taken, {{.*}} [alloc-unjustified]{{$}}
  use_allocator(&malloc);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: address of allocator 'malloc' is taken, {{.*}} [alloc-unjustified]{{$}}
  alloc_fn g = malloc; // alloc: permanent -- hook table filled once at start-up
  void *p = (*malloc)(4);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  // The address of a deallocator, or of a non-allocator, is not a site.
  void (*rel)(void *) = free;
  (void)f; (void)a; (void)g; (void)p; (void)rel;
}

// ALLOC_JUSTIFIED(lifetime, "reason", expr) justifies the allocation in expr.
void macro_justified(struct msg *m, size_t n) {
  m->body = ALLOC_JUSTIFIED(stored, "body lives as long as the message", malloc(n));
  char *tmp = ALLOC_JUSTIFIED(scoped, "scratch", NEW_BYTES(n));
  char *other = malloc(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  free(tmp); free(other);
}

// Allocations inside system headers are never reported, even when the
// header's function is called from user code.
void system_helpers(void) {
  void *p = sys_helper_alloc(4);
  free(p);
}
