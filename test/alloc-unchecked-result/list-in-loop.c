// RUN: %check_alloc_tidy %s alloc-unchecked-result,alloc-group-unwind %t

// A list built in a loop: each iteration allocates cur->next from the same
// call, tests it, and moves cur to it (IoTivity OCRepPayloadValueClone,
// CloneOCStringLL, OCCopyResource).  'cur' holds the earlier iteration's
// block, never the one the statement allocates.
#include <stdlib.h>

struct node { struct node *next; int v; };
void free_list(struct node *n);

struct node *build(int n) {
  struct node *head = calloc(1, sizeof *head);
  if (!head)
    return NULL;
  struct node *cur = head;
  for (int i = 1; i < n; i++) {
    cur->next = calloc(1, sizeof *cur->next);
    if (!cur->next) {
      free_list(head);
      return NULL;
    }
    cur = cur->next;
    cur->v = i;
  }
  return head;
}

// Near miss: the same loop without the test.
struct node *build_unchecked(int n) {
  struct node *head = calloc(1, sizeof *head);
  if (!head)
    return NULL;
  struct node *cur = head;
  for (int i = 1; i < n; i++) {
    cur->next = calloc(1, sizeof *cur->next);
    cur->next->v = i;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'cur->next' from 'calloc' at line [[@LINE-2]] is dereferenced without a NULL check{{.*}} [alloc-unchecked-result]
    cur = cur->next;
  }
  return head;
}
