#include <stdlib.h>

int check(const char *s);

struct bufs {
  char *p, *q, *r, *t;
};

// Four optional buffers, each with its flag: the contexts that keep the
// flags apart are what the analysis spends its budget on.
int setup(const char *s, int a, int b, int c, int d, struct bufs *out) {
  char *p = NULL, *q = NULL, *r = NULL, *t = NULL;
  int fp = 0, fq = 0, fr = 0, ft = 0;
  if (a) {
    p = malloc(16);
    if (!p)
      return -1;
    fp = 1;
  }
  if (b) {
    q = malloc(16);
    if (!q)
      goto fail;
    fq = 1;
  }
  if (c) {
    r = malloc(16);
    if (!r)
      goto fail;
    fr = 1;
  }
  if (d) {
    t = malloc(16);
    if (!t)
      goto fail;
    ft = 1;
  }
  if (check(s))
    return -1;
  out->p = p;
  out->q = q;
  out->r = r;
  out->t = t;
  return 0;
fail:
  if (fp)
    free(p);
  if (fq)
    free(q);
  if (fr)
    free(r);
  if (ft)
    free(t);
  return -1;
}
