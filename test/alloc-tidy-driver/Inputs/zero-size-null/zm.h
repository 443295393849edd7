#include <stddef.h>
/* As redis zmalloc.h: alloc_size on functions that take a pointer. */
__attribute__((malloc, alloc_size(1))) void *zmalloc(size_t size);
__attribute__((alloc_size(2))) void *zrealloc(void *ptr, size_t size);
__attribute__((alloc_size(2))) void *ztryrealloc(void *ptr, size_t size);
/* Returns its argument: "a conduit for the alloc_size attribute". */
__attribute__((alloc_size(2), noinline)) void *extend_to_usable(void *ptr, size_t size);
void *zmalloc_usable(size_t size, size_t *usable);
void zfree(void *ptr);
