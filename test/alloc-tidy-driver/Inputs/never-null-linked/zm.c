#include <stdlib.h>
#include "zm.h"
static void oom(size_t size) {
  (void)size;
  abort();
}
static void (*oom_handler)(size_t) = oom;
void *zmalloc(size_t size) {
  void *p = malloc(size);
  if (!p)
    oom_handler(size);
  return p;
}
void *ztrymalloc(size_t size) { return malloc(size); }
