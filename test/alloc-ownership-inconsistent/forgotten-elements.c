// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// A destroy function that frees a field's array but not what its elements
// point to, where the code stores new memory into the elements and never
// frees them anywhere (NanoNNG rule_free before 713e80829 freed
// `r->filter`, never the strings the rule parser stored in `r->filter[i]`).
// The structures are this file's own, so no other unit frees them.
#include <stdlib.h>
#include <string.h>

struct rule {
  char *topic;
  char **filter; // elements allocated, freed nowhere: reported
  char **as;     // elements freed by the destroy function
  char **alias;  // elements freed elsewhere, through a local
  char **extra;  // array handed to a function that may free its elements
  char *sel[4];  // an array field: elements freed by another function
  char **keys;   // elements hold literals too: not only owned memory
};

void strv_release(char **v);

struct rule *rule_new(const char *t, const char *f, int i) {
  struct rule *r = calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->topic = strdup(t);
  r->filter = calloc(8, sizeof(char *));
  r->as = calloc(8, sizeof(char *));
  r->alias = calloc(8, sizeof(char *));
  r->extra = calloc(8, sizeof(char *));
  r->keys = calloc(8, sizeof(char *));
  if (!r->filter || !r->as || !r->alias || !r->extra || !r->keys)
    return r;
  r->filter[i] = strdup(f);
  r->as[i] = strdup(f);
  r->alias[i] = strdup(f);
  r->extra[i] = strdup(f);
  r->sel[i & 3] = strdup(f);
  r->keys[i] = strdup(f);
  r->keys[i + 1] = "none";
  return r;
}

int rule_match(const struct rule *r, const char *s) {
  return r->filter[0] && strcmp(r->filter[0], s) == 0;
}

void rule_drop_aliases(struct rule *r) {
  char **v = r->alias;
  for (int i = 0; i < 8; i++)
    free(v[i]);
}

void rule_drop_extra(struct rule *r) { strv_release(r->extra); }

void rule_clear_sel(struct rule *r) {
  for (int i = 0; i < 4; i++) {
    free(r->sel[i]);
    r->sel[i] = NULL;
  }
}

void rule_free(struct rule *r) {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'rule_free' releases the fields of 'rule' but not the elements of 'filter', which hold memory allocated at forgotten-elements.c{{.*}}:[[@LINE-30]] (strdup) that no code frees; free each element before the array [alloc-ownership-inconsistent]{{$}}
  // CHECK-MESSAGES: :[[@LINE-31]]:16: note: an element of 'filter' is allocated here{{$}}
  if (!r)
    return;
  free(r->topic);
  for (int i = 0; i < 8; i++)
    free(r->as[i]);
  free(r->filter);
  free(r->as);
  free(r->alias);
  free(r->extra);
  free(r->keys);
  free(r);
}

// Near miss: the same destroy function for a structure whose elements it
// frees (the fix).
struct list {
  char *name;
  char **items;
};

struct list *list_new(const char *n, const char *v) {
  struct list *l = calloc(1, sizeof *l);
  if (!l)
    return NULL;
  l->name = strdup(n);
  l->items = calloc(4, sizeof(char *));
  if (l->items)
    l->items[0] = strdup(v);
  return l;
}

void list_free(struct list *l) {
  free(l->name);
  for (int i = 0; i < 4; i++)
    free(l->items[i]);
  free(l->items);
  free(l);
}
