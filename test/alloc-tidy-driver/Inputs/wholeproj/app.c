#include "lib.h"

/* Leaks the buffer when filling fails: buf_new (lib.c) allocates. */
int app_load(const char *s) {
  struct buf *b = buf_new(16);
  if (!b)
    return -1;
  if (buf_fill(b, s) != 0)
    return -2;
  buf_free(b);
  return 0;
}

/* Near miss: buf_free (lib.c) releases it on the failing path. */
int app_load_ok(const char *s) {
  struct buf *b = buf_new(16);
  if (!b)
    return -1;
  if (buf_fill(b, s) != 0) {
    buf_free(b);
    return -2;
  }
  buf_free(b);
  return 0;
}

/* An allocator hook defined in lib.c: the scratch block leaks. */
int app_scratch(const char *s) {
  char *tmp = lib_hooks.alloc(32);
  if (!tmp)
    return -1;
  if (!s)
    return -2;
  lib_hooks.release(tmp);
  return 0;
}
