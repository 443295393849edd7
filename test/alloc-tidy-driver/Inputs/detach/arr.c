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
