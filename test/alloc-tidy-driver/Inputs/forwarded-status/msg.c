#include <stdlib.h>

struct chunk { size_t len; char *buf; };
struct msg { struct chunk body; int refs; };

int chunk_grow(struct chunk *c, size_t n);

/* Fails with 12 or with chunk_grow's status, which is not 0 there. */
int msg_alloc_inner(struct msg **mp, size_t n) {
  struct msg *m;
  int rv;
  if ((m = calloc(1, sizeof *m)) == NULL)
    return 12;
  rv = chunk_grow(&m->body, n);
  if (rv != 0) {
    free(m);
    return rv;
  }
  m->refs = 1;
  *mp = m;
  return 0;
}

/* Returns a status no test decides where it returns it: not known to
   fail there, so not an out-parameter allocator. */
int msg_alloc_loose(struct msg **mp, size_t n) {
  struct msg *m;
  int rv;
  if ((m = calloc(1, sizeof *m)) == NULL)
    return 12;
  rv = chunk_grow(&m->body, n);
  if (rv > 100) {
    free(m);
    return rv;
  }
  *mp = m;
  return 0;
}

void msg_free(struct msg *m) {
  free(m->body.buf);
  free(m);
}
