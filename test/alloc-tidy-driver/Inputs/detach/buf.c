#include <stddef.h>

void *lib_malloc(size_t n);
void lib_free(void *p);

struct buf { const char *data; size_t len; };

struct buf *buf_create(void) {
  struct buf *b = lib_malloc(sizeof *b);
  if (b == NULL)
    return NULL;
  b->data = NULL;
  b->len = 0;
  return b;
}

/* A wrapper of this unit's wrapper: its family is the hooks'. */
struct buf *buf_create_const(const char *data, size_t len) {
  struct buf *b = buf_create();
  if (b == NULL)
    return NULL;
  b->data = data;
  b->len = len;
  return b;
}

void buf_destroy(struct buf *b) { lib_free(b); }
