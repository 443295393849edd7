#include <stddef.h>

void *lib_malloc(size_t n);
void lib_free(void *p);

struct arr { char **v; size_t n; size_t offset; };
int arr_move(struct arr *a);

/* Hands out the array's storage and frees the array (ares_array_finish). */
char **arr_finish(struct arr *a, size_t *n) {
  char **ptr;
  if (a == NULL || n == NULL)
    return NULL;
  if (a->offset != 0 && arr_move(a) != 0)
    return NULL;
  ptr = a->v;
  *n = a->n;
  lib_free(a);
  return ptr;
}

/* The array's destroy function frees its storage: the field detached by
   arr_finish is one the array owns. */
void arr_destroy(struct arr *a) {
  if (a == NULL)
    return;
  lib_free(a->v);
  lib_free(a);
}

/* Near miss (c-ares ares_llist_node_claim): a list node only refers to its
   data (its destroy hands it to a callback), so handing back node->data as
   the node goes is no allocation of the caller's. */
struct node { void *data; struct node *next; void (*destruct)(void *); };
void *node_claim(struct node *node) {
  void *val;
  if (node == NULL)
    return NULL;
  val = node->data;
  lib_free(node);
  return val;
}
void node_destroy(struct node *node) {
  void (*destruct)(void *) = node->destruct;
  void *val = node_claim(node);
  if (val != NULL && destruct != NULL)
    destruct(val);
}
