#include <stdlib.h>
#include <string.h>
#include "lib.h"

struct hooks lib_hooks = { malloc, free };

struct buf *buf_new(size_t n) {
  struct buf *b = malloc(sizeof *b);
  if (b != NULL) {
    b->data = NULL;
    b->len = n;
  }
  return b;
}

void buf_free(struct buf *b) {
  if (!b)
    return;
  free(b->data);
  free(b);
}

int buf_fill(struct buf *b, const char *s) {
  return s && strlen(s) < b->len ? 0 : -1;
}
