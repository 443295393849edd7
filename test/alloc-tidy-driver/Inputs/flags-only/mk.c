#include <stdlib.h>

/* A project allocator: a wrapper of malloc defined in another file. */
char *mk_buf(size_t n) {
  return malloc(n); // alloc: returned -- the caller owns the buffer
}
