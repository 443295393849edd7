// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// Allocator hooks the program may replace (c-ares' ares_malloc/ares_free,
// set by ares_library_init_mem) are a family of their own, even while they
// start as malloc and free: memory from the hooks freed with plain free()
// breaks as soon as an application installs its allocator (c-ares
// ares_create_query, fixed in 1f68472a).
#include <stdlib.h>

void *(*lib_malloc)(size_t size) = malloc;
void (*lib_free)(void *ptr) = free;

struct hooks {
  void *(*alloc)(size_t);
  void (*release)(void *);
};
struct hooks lib_hooks = { malloc, free };

// Not replaceable: a const hook is the function it names.
void *(*const fixed_malloc)(size_t size) = malloc;

int bad_name(const char *name) {
  char *buf = lib_malloc(64); /* alloc: scoped */
  if (!buf)
    return -1;
  if (*name == '.') {
    free(buf);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'buf' is allocated by 'lib_malloc' (family hooks of replaceable-hooks.c{{[^,]*}}, replaceable-hooks.c{{.*}}:10) but freed by 'free' (family libc, rules/libc.yaml); release it with 'lib_free' [alloc-ownership-transfer]
    return -1;
  }
  lib_free(buf);
  return 0;
}

int struct_hooks(void) {
  char *p = lib_hooks.alloc(16); /* alloc: scoped */
  if (!p)
    return -1;
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is allocated by 'lib_hooks.alloc' (family lib_hooks, replaceable-hooks.c{{.*}}:17) but freed by 'free' (family libc, rules/libc.yaml); release it with 'lib_hooks.release' [alloc-ownership-transfer]
  return 0;
}

// Near misses: released through the hooks; a const hook is malloc itself.
int good(const char *name) {
  char *buf = lib_malloc(64); /* alloc: scoped */
  if (!buf)
    return -1;
  char *q = lib_hooks.alloc(8); /* alloc: scoped */
  if (!q) {
    lib_free(buf);
    return -1;
  }
  char *r = fixed_malloc(8); /* alloc: scoped */
  if (r)
    free(r);
  lib_hooks.release(q);
  lib_free(buf);
  return *name;
}
