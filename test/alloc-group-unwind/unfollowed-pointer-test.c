// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A pointer set to NULL and then, in a loop, given a value the analysis
// does not follow (a field of a list element) may be non-NULL after the
// loop: the path where the test finds it set is feasible, and what happens
// there counts (wakaama lwm2m_json_parse before f7a7ccf drops the last
// pointer to the parsed array on that path).
#include <stdlib.h>

struct node {
  int key;
  struct node *next;
  struct node *child;
};

int find_child(struct node *list, int k) {
  char *scratch = malloc(16);
  struct node *hit = NULL;
  struct node *n;
  if (!scratch)
    return -1;
  for (n = list; n && hit == NULL; n = n->next)
    if (n->key == k)
      hit = n->child;
  if (hit == NULL) {
    free(scratch);
    return -1;
  }
  scratch = NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'scratch' is lost here: the assignment overwrites its only pointer; free it first, or keep it elsewhere [alloc-group-unwind]{{$}}
  return hit->key;
}

// The fix: freed on that path too.
int find_child_fixed(struct node *list, int k) {
  char *scratch = malloc(16);
  struct node *hit = NULL;
  struct node *n;
  if (!scratch)
    return -1;
  for (n = list; n && hit == NULL; n = n->next)
    if (n->key == k)
      hit = n->child;
  if (hit == NULL) {
    free(scratch);
    return -1;
  }
  free(scratch);
  scratch = NULL;
  return hit->key;
}
