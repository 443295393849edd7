#include "zm.h"
struct vec { int *items; int n; };
void push(struct vec *v, int x) {
  int *items = zrealloc(v->items, sizeof(int) * (v->n + 1));
  items[v->n] = x;
  v->items = items;
  v->n++;
}
int *fresh(void) {
  size_t usable;
  int *p = zmalloc_usable(sizeof(int), &usable);
  p[0] = (int)usable;
  return p;
}
void try_push(struct vec *v, int x) {
  int *items = ztryrealloc(v->items, sizeof(int) * (v->n + 1));
  items[v->n] = x;
  v->items = items;
  v->n++;
}
/* Grown through the reallocator of another unit: the list it returns is
   the caller's, once the units are linked. */
int *make_list(int n) {
  int *l = zmalloc(sizeof(int));
  for (int i = 1; i < n; i++) {
    int *m = zrealloc(l, sizeof(int) * (i + 1));
    l = m;
  }
  return l;
}
