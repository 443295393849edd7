#include <stdlib.h>
typedef struct item { char *url; } item_t;
typedef struct list list_t;
int list_get(list_t *l, int pos, item_t **out); /* no rules: fills *out */
int list_remove(list_t *l, int pos);
int item_init(item_t **it);   /* rules: allocates arg0, status nonzero */
void item_free(item_t *it);   /* rules: frees 0 */
int list_add(list_t *l, void *el, int pos); /* rules: holds 1 */

/* siproxd's sip_rewrite_contact (sip_utils.c): each iteration reloads
   'it' through list_get(&it), replaces the element, and hands the new one
   to the list.  Correct code. */
void rewrite(list_t *l) {
  item_t *it;
  for (int j = 0;; j++) {
    list_get(l, j, &it);
    if (it == NULL)
      break;
    list_remove(l, j);
    item_free(it);
    if (item_init(&it) != 0) // alloc: stored -- the list keeps it
      return;
    list_add(l, it, j);
  }
}
