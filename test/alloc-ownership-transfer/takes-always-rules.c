// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'libc;%S/Inputs/takes-always.yaml'}]}"

// Declared in a rules file (or read back from a summaries file): a function
// that takes its argument whatever it returns (takes-always), beside one
// that takes it only on success (takes-on-success).
#include <stdlib.h>
#include <string.h>

struct list;
int list_insert_always(struct list *l, char *item);
int list_insert_on_success(struct list *l, char *item);

int add(struct list *l, const char *s) {
  char *item = strdup(s);
  if (!item)
    return -1;
  if (!list_insert_always(l, item)) {
    free(item);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'item' is freed after 'list_insert_always' failed at line 18, but 'list_insert_always' frees it itself where it fails ({{.*}}takes-always.yaml{{.*}}); remove this free [alloc-ownership-transfer]
    return -1;
  }
  return 0;
}

// Near miss: taken only on success, so the caller frees it where it failed.
int add_on_success(struct list *l, const char *s) {
  char *item = strdup(s);
  if (!item)
    return -1;
  if (!list_insert_on_success(l, item)) {
    free(item);
    return -1;
  }
  return 0;
}
