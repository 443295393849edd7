// The name library (unbound util/data/dname.c, util/regional.c, util/rbtree.c):
// a cursor that steps past a label, a copy into a region, a lookup by key.
#include <stdlib.h>
#include <string.h>

struct region;
struct tree;

void remove_label(unsigned char **name, size_t *len) {
  size_t lab = (*name)[0];
  if (lab == 0)
    return;
  *len -= lab + 1;
  *name += lab + 1;
}

void *region_alloc(struct region *r, size_t n);
void *region_copy(struct region *r, const void *init, size_t n) {
  void *s = region_alloc(r, n);
  if (!s)
    return NULL;
  memcpy(s, init, n);
  return s;
}

void *tree_search(struct tree *t, const void *key);
