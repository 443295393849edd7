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

/* The element list_append returns is the list's (list_empty frees it
   through the debugging heap's free macro): discarding it leaks nothing. */
struct list;
void *list_append(struct list *l, void *content);
int register_pair(struct list *l, struct pair *q, size_t n) {
  list_append(l, q);
  char *scratch = xmalloc(n);
  if (scratch == NULL)
    return -1;
  xfree(scratch);
  return 0;
}
