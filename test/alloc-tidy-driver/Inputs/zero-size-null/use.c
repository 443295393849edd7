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
