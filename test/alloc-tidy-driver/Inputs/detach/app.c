#include <stddef.h>

struct arr;
struct buf;
char **arr_finish(struct arr *a, size_t *n);
struct buf *buf_create_const(const char *data, size_t len);
void buf_destroy(struct buf *b);
void lib_free(void *p);
int parse(struct buf *b);
int use(char **v, size_t n);

int load(struct arr *a) {
  size_t n = 0;
  char **v = arr_finish(a, &n);
  if (v == NULL)
    return -1;
  if (n == 0)
    return -1;
  use(v, n);
  lib_free(v);
  return 0;
}

int read_text(const char *text, size_t len) {
  struct buf *b = buf_create_const(text, len);
  if (b == NULL)
    return -1;
  int r = parse(b);
  buf_destroy(b);
  return r;
}
