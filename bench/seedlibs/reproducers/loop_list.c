#include <stdlib.h>
struct node { struct node *next; int v; };
void free_list(struct node *n);

/* A list built in a loop: each iteration allocates cur->next, tests it,
   and moves cur to it.  Correct code. */
struct node *build(int n) {
  struct node *head = calloc(1, sizeof *head); // alloc: returned -- the caller frees the list
  if (!head)
    return NULL;
  struct node *cur = head;
  for (int i = 1; i < n; i++) {
    cur->next = calloc(1, sizeof *cur->next); // alloc: returned -- part of the list
    if (!cur->next) {
      free_list(head);
      return NULL;
    }
    cur = cur->next;
  }
  return head;
}
