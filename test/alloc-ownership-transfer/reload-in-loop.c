// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/reload-rules.yaml'}]}"

// A variable reloaded through an out-parameter in each iteration (siproxd
// sip_rewrite_contact): the element freed in one iteration is not the one
// handed to the list, nor the one reloaded in the next.
#include <stddef.h>

typedef struct item { char *url; } item_t;
typedef struct list list_t;
int list_get(list_t *l, int pos, item_t **out); // no rules: fills *out
int list_remove(list_t *l, int pos);
int item_init(item_t **it);   // rules: allocates arg0, status nonzero
void item_free(item_t *it);   // rules: frees 0
int list_add(list_t *l, void *el, int pos); // rules: holds 1

void rewrite(list_t *l) {
  item_t *it;
  for (int j = 0;; j++) {
    list_get(l, j, &it);
    if (it == NULL)
      break;
    list_remove(l, j);
    item_free(it);
    if (item_init(&it) != 0)
      return;
    list_add(l, it, j);
  }
}

// Near miss: the new element is freed after the list took it.
void rewrite_twice(list_t *l) {
  item_t *it;
  for (int j = 0;; j++) {
    list_get(l, j, &it);
    if (it == NULL)
      break;
    list_remove(l, j);
    item_free(it);
    if (item_init(&it) != 0)
      return;
    list_add(l, it, j);
    item_free(it);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'it' is freed after 'list_add' took ownership of it at line [[@LINE-2]] {{.*}} [alloc-ownership-transfer]
  }
}
