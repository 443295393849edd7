// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/json-rules.yaml'}]}"

// Each iteration parses when the item has no tree, frees the parsed tree
// at the end of the iteration, and restarts the scan with goto (Ioto
// dbRemoveExpired): the block freed in one iteration is not the one used
// or freed in the next.
#include <stddef.h>

typedef struct json json_t;
json_t *parse(const char *text); // rules: allocates, family json
void json_free(json_t *j);       // rules: frees 0
const char *get(json_t *j, const char *key);
struct item { json_t *json; const char *value; struct item *next; };

int expire(struct item *items) {
  int count = 0;
  json_t *alloc, *json;
again:
  for (struct item *it = items; it; it = it->next) {
    alloc = 0;
    json = it->json ? it->json : (alloc = parse(it->value));
    if (get(json, "expired")) {
      count++;
      if (alloc)
        json_free(alloc);
      goto again;
    }
    if (alloc)
      json_free(alloc);
  }
  return count;
}

// Near miss: freed twice in the same iteration.
int expire_twice(struct item *items) {
  int count = 0;
  for (struct item *it = items; it; it = it->next) {
    json_t *alloc = parse(it->value);
    if (!alloc)
      continue;
    count += get(alloc, "expired") != NULL;
    json_free(alloc);
    json_free(alloc);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'alloc' is freed after it was freed by 'json_free' at line [[@LINE-2]]; release it once [alloc-ownership-transfer]
  }
  return count;
}

// Near miss: the earlier iteration's block was taken by a list, which still
// holds it when the next iteration frees it (IoTivity
// BuildActionSetFromString).
struct list;
void list_add(struct list *l, json_t *j); // rules: holds 1

int keep_then_free(struct item *items, struct list *l) {
  json_t *last = NULL;
  for (struct item *it = items; it; it = it->next) {
    if (last)
      json_free(last);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'last' is freed after 'list_add' took ownership of it at line [[@LINE+4]] {{.*}} [alloc-ownership-transfer]
    last = parse(it->value);
    if (!last)
      return -1;
    list_add(l, last);
  }
  return 0;
}
