#include <stdlib.h>

void log_msg(int level, const char *fmt, ...);

/* A debugging allocator: it logs the block it hands out. */
void *track_malloc(const char *file, int line, size_t n) {
  void *p = malloc(n);
  if (p == NULL)
    return NULL;
  log_msg(2, "%s:%d: %zu bytes at %p", file, line, n, p);
  return p;
}

void track_free(const char *file, int line, void *p) {
  log_msg(2, "%s:%d: free %p", file, line, p);
  free(p);
}
