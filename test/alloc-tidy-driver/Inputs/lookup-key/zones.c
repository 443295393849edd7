// The zones (unbound services/localzone.c and services/rpz.c): a lookup
// that puts the name into a key on the stack, a recursive function that
// copies the name and walks it with a cursor of another unit, and a
// function returning nothing that frees or keeps the name on every path
// but one (rpz_insert_qname_trigger before 6289806f4).
#include <stdlib.h>

struct region;
struct tree;
struct zone {
  struct region *region;
  struct tree *data;
  unsigned char *name;
  int labs;
};
struct key {
  void *self;
  unsigned char *name;
  size_t len;
};
struct node {
  unsigned char *name;
};
void remove_label(unsigned char **name, size_t *len);
void *region_copy(struct region *r, const void *init, size_t n);
void *tree_search(struct tree *t, const void *key);
void *region_alloc(struct region *r, size_t n);
int tree_insert(struct tree *t, struct node *n);
void log_skip(int type);

struct node *zone_find(struct zone *z, unsigned char *name, size_t len) {
  struct key key;
  key.self = &key;
  key.name = name;
  key.len = len;
  return (struct node *)tree_search(z->data, &key);
}

static int find_create(struct zone *z, unsigned char *nm, size_t len,
                       int labs, struct node **res) {
  struct node *n = zone_find(z, nm, len);
  if (!n) {
    n = region_alloc(z->region, sizeof(*n));
    if (!n)
      return 0;
    n->name = region_copy(z->region, nm, len);
    if (!n->name)
      return 0;
    tree_insert(z->data, n);
    if (labs > z->labs) {
      remove_label(&nm, &len);
      if (!find_create(z, nm, len, labs - 1, res))
        return 0;
    }
  }
  *res = n;
  return 1;
}

int zone_enter(struct zone *z, unsigned char *nm, size_t len, int labs) {
  struct node *n;
  return find_create(z, nm, len, labs, &n);
}

static void insert_trigger(struct zone *z, unsigned char *dname, size_t len,
                           int type, int action) {
  if (action == 0) {
    if (type == 6)
      return;
    log_skip(type);
    free(dname);
    return;
  }
  if (zone_find(z, dname, len)) {
    free(dname);
    return;
  }
  zone_enter(z, dname, len, 1);
  free(dname);
}

void insert_rr(struct zone *z, unsigned char *dname, size_t len, int type) {
  insert_trigger(z, dname, len, type, type & 1);
}
