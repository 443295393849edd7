#include <stdlib.h>

char *mk_buf(size_t n);

int use(int n) {
  char *buf = mk_buf(64); // alloc: scoped -- freed below
  if (!buf)
    return -1;
  if (n > 64)
    return -1;
  buf[n - 1] = 0;
  free(buf);
  return 0;
}
