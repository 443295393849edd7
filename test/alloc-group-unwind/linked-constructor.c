// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A constructor that links its new node into its parent's list (curl
// tool_mime_new): the parent's tree owns the node, and the tree's destroy
// function frees it, so a caller that fails after creating it leaks
// nothing of its own.
#include <stdlib.h>
#include <string.h>

struct node {
  struct node *parent;
  struct node *children;
  struct node *next;
  char *name;
};

void node_free(struct node *n) {
  if (!n)
    return;
  node_free(n->children);
  node_free(n->next);
  free(n->name);
  free(n);
}

static struct node *node_new(struct node *parent) {
  struct node *n = calloc(1, sizeof *n);
  if (n) {
    n->parent = parent;
    if (parent) {
      n->next = parent->children;
      parent->children = n;
    }
  }
  return n;
}

int add_named(struct node *parent, const char *name) {
  struct node *n = node_new(parent);
  if (!n)
    return -1;
  n->name = strdup(name);
  if (!n->name)
    return -1;
  return 0;
}

// Near miss: a constructor that records its new item in a field nothing
// frees (the list's last item, a view) still hands the caller its own item.
struct item {
  char *name;
};
struct list {
  struct item *last;
};

static struct item *item_new(struct list *l) {
  struct item *it = calloc(1, sizeof *it);
  if (it && l)
    l->last = it;
  return it;
}

struct item *add_item(struct list *l, const char *name) {
  struct item *it = item_new(l);
  if (!it)
    return NULL;
  it->name = strdup(name);
  if (!it->name)
    return NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'it' leaks when allocation of 'it->name' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  return it;
}
