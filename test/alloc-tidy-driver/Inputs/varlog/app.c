#include <stddef.h>

void *track_malloc(const char *file, int line, size_t n);
void track_free(const char *file, int line, void *p);
#define xmalloc(n) track_malloc(__FILE__, __LINE__, (n))
#define xfree(p) track_free(__FILE__, __LINE__, (p))

struct pair { char *a; char *b; };
int keep(struct pair *p);

int pair_new(size_t n) {
  struct pair *p = xmalloc(sizeof *p);
  if (p == NULL)
    return -1;
  if ((p->a = xmalloc(n)) == NULL) {
    xfree(p);
    return -1;
  }
  if ((p->b = xmalloc(n)) == NULL) {
    xfree(p);
    return -1;
  }
  return keep(p);
}

int pair_new_fixed(size_t n) {
  struct pair *p = xmalloc(sizeof *p);
  if (p == NULL)
    return -1;
  if ((p->a = xmalloc(n)) == NULL) {
    xfree(p);
    return -1;
  }
  if ((p->b = xmalloc(n)) == NULL) {
    xfree(p->a);
    xfree(p);
    return -1;
  }
  return keep(p);
}
