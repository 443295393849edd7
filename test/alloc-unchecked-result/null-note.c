// RUN: %check_alloc_tidy %s alloc-unchecked-result %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/null-note-rules.yaml'}]}"
// RUN: %check_alloc_tidy -check-suffix=MAY %s alloc-unchecked-result %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/null-note-rules.yaml;%S/Inputs/null-may-rules.yaml'}]}"

// 'null: never' with a 'null-note' (the condition it holds under) loads and
// exempts the allocator like plain 'null: never'.  A project whose handler
// returns overrides the rule with 'null: may' (-MAY): the same code is then
// reported.
#include <stddef.h>
void *pool_get(size_t n);

void fill(void) {
  char *p = pool_get(8);
  p[0] = 0;
  // CHECK-MESSAGES-MAY: :[[@LINE-1]]:3: warning: {{.*}} [alloc-unchecked-result]{{$}}
}
