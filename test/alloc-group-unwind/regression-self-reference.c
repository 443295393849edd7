// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Regression: objects that hold each other (or themselves) sent the release
// of an object's contents into endless recursion (found on sqlite3.c).
#include <stdlib.h>

struct node { struct node *next; struct node *prev; char *data; };
void publish(struct node *n) __attribute__((ownership_takes(malloc, 1)));

int ring(void) {
  struct node *a = malloc(sizeof *a); /* alloc: stored -- published */
  if (!a)
    return -1;
  struct node *b = malloc(sizeof *b); /* alloc: stored -- published */
  if (!b)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'a' leaks when allocation of 'b' fails; {{.*}} [alloc-group-unwind]{{$}}
  a->next = b;
  b->next = a;
  a->prev = a;
  b->data = malloc(8); /* alloc: stored -- published */
  publish(a);
  return 0;
}
