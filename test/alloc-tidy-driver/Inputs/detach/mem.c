#include <stdlib.h>

/* c-ares' replaceable allocator: static hooks behind wrapper functions. */
static void *default_malloc(size_t n) { return n ? malloc(n) : NULL; }
static void default_free(void *p) { free(p); }
static void *(*lib_malloc_hook)(size_t) = default_malloc;
static void (*lib_free_hook)(void *) = default_free;

void *lib_malloc(size_t n) { return lib_malloc_hook(n); }
void lib_free(void *p) { lib_free_hook(p); }

void free_array(char **v, size_t n) {
  if (v == NULL)
    return;
  for (size_t i = 0; i < n; i++)
    lib_free(v[i]);
  lib_free(v);
}
