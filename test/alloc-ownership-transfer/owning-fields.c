// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A function that stores its argument into a field holds it only when
// something frees that field: a back-pointer or a walker's context is a
// borrow, and the caller still frees its object.
#include <stdlib.h>

struct info { int n; };
struct clause { struct info *owner; int n; };
void clause_init(struct clause *c, struct info *owner) {
  c->owner = owner;
  c->n = 0;
}

struct walker { int (*cb)(struct walker *); union { struct info *info; int i; } u; };
int walk(struct walker *w);
int analyse(struct info *info) {
  struct walker w;
  w.cb = 0;
  w.u.info = info;
  return walk(&w);
}

int borrowers(void) {
  struct info *in = malloc(sizeof *in);
  if (!in)
    return -1;
  struct clause c;
  clause_init(&c, in);
  analyse(in);
  analyse(in);
  free(in);
  return 0;
}

// A field its destroy function frees owns what is stored in it: freeing
// the argument after the setter is a double free.
struct msg { char *method; };
void msg_set_method(struct msg *m, char *s) { m->method = s; }
void msg_free(struct msg *m) {
  free(m->method);
  free(m);
}
int setter(struct msg *m) {
  char *s = malloc(4);
  if (!s)
    return -1;
  msg_set_method(m, s);
  free(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 's' is freed after 'msg_set_method' took ownership of it at line [[@LINE-2]] ({{.*}}: holds its argument); the new owner releases it too: remove this free [alloc-ownership-transfer]{{$}}
  return 0;
}

// Intrusive list: the list's clear function frees the elements it walks
// through `first` and `next`, so inserting hands the element over.
struct elem { struct elem *next; };
struct list { struct elem *first; };
void list_push(struct list *l, struct elem *e) {
  e->next = l->first;
  l->first = e;
}
void list_clear(struct list *l) {
  struct elem *e = l->first;
  while (e) {
    struct elem *next = e->next;
    free(e);
    e = next;
  }
}
int pusher(struct list *l) {
  struct elem *e = malloc(sizeof *e);
  if (!e)
    return -1;
  list_push(l, e);
  free(e);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'e' is freed after 'list_push' took ownership of it at line [[@LINE-2]] ({{.*}}: holds its argument); the new owner releases it too: remove this free [alloc-ownership-transfer]{{$}}
  return 0;
}
