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
