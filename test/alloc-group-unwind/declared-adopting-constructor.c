// RUN: %check_alloc_tidy %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'libc;%S/Inputs/adopting-constructor.yaml'}]}"

// `takes-on-success` with `status: null`, declared for a function returning
// a pointer: where the caller's test (or the NULL it returns as it is) says
// the call failed, the argument is the caller's again.
#include <stdlib.h>
#include <string.h>

typedef struct node node;
node *node_adopt(char *payload);

node *node_from(const char *s) {
  char *p = strdup(s); // alloc: returned -- adopted by the node
  if (!p)
    return NULL;
  return node_adopt(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' leaks when 'node_from' fails here; free it before returning [alloc-group-unwind]
}

node *node_from_tested(const char *s) {
  char *p = strdup(s); // alloc: returned -- adopted by the node
  node *n;
  if (!p)
    return NULL;
  n = node_adopt(p);
  if (n == NULL)
    return NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' leaks when 'node_from_tested' fails here; free it before returning [alloc-group-unwind]
  return n;
}

// Near miss: released where the constructor failed.
node *node_from_fixed(const char *s) {
  char *p = strdup(s); // alloc: returned -- adopted by the node
  node *n;
  if (!p)
    return NULL;
  n = node_adopt(p);
  if (n == NULL)
    free(p);
  return n;
}
