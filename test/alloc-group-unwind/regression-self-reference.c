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

// An object that points to itself one member down (`new->obj.prev = new`,
// libucl ucl_object_new_userdata) is still a constructor: the store is
// into its own member, not an escape, so callers own what it returns.
struct obj { struct obj *next, *prev; int type; };
struct userdata { struct obj obj; void (*dtor)(void *); };
struct stack { struct obj *obj; struct stack *next; };
struct obj *obj_new_userdata(void) {
  struct userdata *new = malloc(sizeof(*new));
  if (new == NULL)
    return NULL;
  new->obj.prev = (struct obj *)new;
  new->obj.next = NULL;
  return (struct obj *)new;
}
struct stack *push_object(struct stack *top) {
  struct obj *o = obj_new_userdata();
  if (o == NULL)
    return NULL;
  struct stack *st = malloc(sizeof(struct stack)); /* alloc: stored -- the parser's stack */
  if (st == NULL)
    return NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'o' leaks when allocation of 'st' fails; {{.*}} [alloc-group-unwind]{{$}}
  st->obj = o;
  st->next = top;
  return st;
}
