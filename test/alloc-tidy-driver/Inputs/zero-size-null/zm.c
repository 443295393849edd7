#include <stdlib.h>
#include "zm.h"
static void oom(size_t size) {
  (void)size;
  abort();
}
static void (*oom_handler)(size_t) = oom;
void zfree(void *ptr) { free(ptr); }
void *extend_to_usable(void *ptr, size_t size) {
  (void)size;
  return ptr;
}
void *zmalloc(size_t size) {
  void *p = malloc(size);
  if (!p)
    oom_handler(size);
  return p;
}
void *zmalloc_usable(size_t size, size_t *usable) {
  void *p = malloc(size);
  if (!p)
    oom_handler(size);
  p = extend_to_usable(p, size);
  if (usable)
    *usable = size;
  return p;
}
/* NULL for a zero size (the block is freed), and when realloc fails. */
void *ztryrealloc(void *ptr, size_t size) {
  void *n;
  if (size == 0 && ptr != NULL) {
    zfree(ptr);
    return NULL;
  }
  n = realloc(ptr, size);
  if (n == NULL)
    return NULL;
  return n;
}
/* NULL only for a zero size: a failure of any other size aborts. */
void *zrealloc(void *ptr, size_t size) {
  ptr = ztryrealloc(ptr, size);
  if (!ptr && size != 0)
    oom_handler(size);
  return ptr;
}
