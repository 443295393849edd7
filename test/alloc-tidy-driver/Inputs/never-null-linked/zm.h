#include <stddef.h>
__attribute__((malloc)) void *zmalloc(size_t size);
__attribute__((malloc)) void *ztrymalloc(size_t size);
