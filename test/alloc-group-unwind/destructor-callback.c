// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A list that frees its values through the destructor callback it was
// created with (c-ares ares_llist: `list->destruct(node->data)`): the node's
// value field may own what it holds, so inserting hands the value over even
// though the insertion can fail before storing it.  Near miss: a list that
// only ever hands its values to a const reader keeps views, and the value
// is still the caller's at the success exit.
#include <stdlib.h>
#include <string.h>

struct node { struct node *next; void *data; };
struct list { struct node *head; void (*destruct)(void *); };

struct node *list_insert(struct list *l, void *val) {
  struct node *n = malloc(sizeof *n);
  if (n == NULL)
    return NULL;
  n->data = val;
  n->next = l->head;
  l->head = n;
  return n;
}
void list_destroy(struct list *l) {
  struct node *n = l->head, *next;
  for (; n; n = next) {
    next = n->next;
    if (l->destruct)
      l->destruct(n->data);
    free(n);
  }
  free(l);
}

struct entry { char *name; };
int add_entry(struct list *l, const char *name) {
  struct entry *e = calloc(1, sizeof *e);
  if (e == NULL)
    return -1;
  e->name = strdup(name);
  if (e->name == NULL)
    goto fail;
  if (list_insert(l, e) == NULL)
    goto fail;
  return 0;
fail:
  free(e->name);
  free(e);
  return -1;
}

// Near miss.
struct vnode { struct vnode *next; void *data; };
struct vlist { struct vnode *head; void (*show)(const void *); };
struct vnode *vlist_insert(struct vlist *l, void *val) {
  struct vnode *n = malloc(sizeof *n);
  if (n == NULL)
    return NULL;
  n->data = val;
  n->next = l->head;
  l->head = n;
  return n;
}
void vlist_show(struct vlist *l) {
  for (struct vnode *n = l->head; n; n = n->next)
    l->show(n->data);
}
int add_view(struct vlist *l, const char *name) {
  char *copy = strdup(name);
  if (copy == NULL)
    return -1;
  if (vlist_insert(l, copy) == NULL)
    goto fail;
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'copy' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]{{$}}
fail:
  free(copy);
  return -1;
}
