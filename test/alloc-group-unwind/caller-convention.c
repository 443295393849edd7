// RUN: %check_alloc_tidy %s alloc-group-unwind,alloc-ownership-transfer %t

// A function that keeps a pointer argument where it succeeds and returns a
// failure elsewhere leaves the argument to someone on the failing paths.
// Where its callers in the unit hand the argument over for good, that is
// the function itself, and a failing return that neither frees nor keeps
// the argument leaks it.
#include <stdlib.h>
#include <string.h>

struct item {
  char *str;
  struct item *next;
};
struct list {
  struct item *first, *last;
};
void list_delete(struct list *l) {
  struct item *i = l->first, *n;
  for (; i; i = n) {
    n = i->next;
    free(i->str);
    free(i);
  }
}

// unbound cfg_strlist_append before 75b8b8c: its callers give it
// `strdup(...)` and keep no name for the copy.
int list_append(struct list *list, char *str) {
  struct item *s;
  if (!str || !list)
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'str' is neither freed nor kept at this return, though 'list_append' frees or hands it on along its other paths, and its callers leave it to 'list_append' when it fails: free it here too [alloc-group-unwind]
  s = calloc(1, sizeof *s); // alloc: stored -- an element of the list
  if (!s)
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'str' is neither freed nor kept at this return, though 'list_append' frees or hands it on along its other paths, and its callers leave it to 'list_append' when it fails: free it here too [alloc-group-unwind]
  s->str = str;
  if (list->last)
    list->last->next = s;
  else
    list->first = s;
  list->last = s;
  return 1;
}
int add_option(struct list *l, const char *val) {
  return list_append(l, strdup(val)); // alloc: stored -- the option list
}
int add_line(struct list *l, const char *line) {
  if (!list_append(l, strdup(line))) // alloc: stored -- the option list
    return 0;
  return 1;
}

// The fix: freed where it fails; nothing to say.
int list_append_fixed(struct list *list, char *str) {
  struct item *s;
  if (!str || !list) {
    free(str);
    return 0;
  }
  s = calloc(1, sizeof *s); // alloc: stored -- an element of the list
  if (!s) {
    free(str);
    return 0;
  }
  s->str = str;
  s->next = list->first;
  list->first = s;
  return 1;
}
int add_option_fixed(struct list *l, const char *val) {
  return list_append_fixed(l, strdup(val)); // alloc: stored -- the option list
}

// unbound lz_enter_zone_dname before 455a681: a constructor adopts the name
// where it succeeds; its callers return without freeing the name when the
// function fails.
struct zone {
  char *name;
  struct zone *next;
};
struct zones {
  struct zone *head;
};
int zone_known(struct zones *zs, struct zone *z);
static struct zone *zone_create(char *name) {
  struct zone *z = calloc(1, sizeof *z); // alloc: returned -- a new zone
  if (!z)
    return NULL;
  z->name = name;
  return z;
}
static void zone_delete(struct zone *z) {
  if (!z)
    return;
  free(z->name);
  free(z);
}
static struct zone *enter_zone(struct zones *zs, char *nm) {
  struct zone *z = zone_create(nm);
  if (!z)
    return NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'nm' is neither freed nor kept at this return, though 'enter_zone' frees or hands it on along its other paths, and its callers leave it to 'enter_zone' when it fails: free it here too [alloc-group-unwind]
  if (zone_known(zs, z)) {
    zone_delete(z);
    return NULL;
  }
  z->next = zs->head;
  zs->head = z;
  return z;
}
int enter_named(struct zones *zs, const char *s) {
  char *nm = strdup(s); // alloc: stored -- the zone's name
  struct zone *z;
  if (!nm)
    return 0;
  z = enter_zone(zs, nm);
  if (z == NULL)
    return 0;
  return 1;
}

// Near miss: a caller frees the argument where the call fails, so the
// function's contract is "taken on success" and its failing return right;
// the other caller's leak is its own.
static struct zone *enter_zone2(struct zones *zs, char *nm) {
  struct zone *z = zone_create(nm);
  if (!z)
    return NULL;
  if (zone_known(zs, z)) {
    zone_delete(z);
    return NULL;
  }
  z->next = zs->head;
  zs->head = z;
  return z;
}
int enter_named2(struct zones *zs, const char *s) {
  char *nm = strdup(s); // alloc: stored -- the zone's name
  if (!nm)
    return 0;
  if (!enter_zone2(zs, nm)) {
    free(nm);
    return 0;
  }
  return 1;
}
int enter_named3(struct zones *zs, char *nm) {
  if (!enter_zone2(zs, nm))
    return 0;
  return 1;
}

// Near miss: the caller's failure branch jumps to a label that frees it.
static struct zone *enter_zone3(struct zones *zs, char *nm) {
  struct zone *z = zone_create(nm);
  if (!z)
    return NULL;
  z->next = zs->head;
  zs->head = z;
  return z;
}
int enter_named4(struct zones *zs, const char *s) {
  char *nm = strdup(s); // alloc: scoped -- freed below when not kept
  if (!nm)
    return 0;
  if (!enter_zone3(zs, nm))
    goto fail;
  return 1;
fail:
  free(nm);
  return 0;
}

// The same failure returned where the function freed the argument and
// where it left it: no caller can tell the two apart.
static int keep_unique(struct zones *zs, char *nm) {
  struct zone *z;
  if (zs->head && strcmp(zs->head->name, "x") == 0) {
    free(nm);
    return -1;
  }
  z = zone_create(nm);
  if (!z)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'nm' is neither freed nor kept at this return, though 'keep_unique' frees or hands it on along its other paths, and returns the same failure where it freed it, so its callers cannot tell: free it here too [alloc-group-unwind]
  z->next = zs->head;
  zs->head = z;
  return 0;
}
void use_keep_unique(struct zones *zs, char *nm) { keep_unique(zs, nm); }

// Near miss: the return's test reads the parameter for more than NULL
// (a reference count, a refusal): not a failure that leaves it.
struct obj {
  int refs;
  char *data;
};
static int hold_data(struct list *l, struct obj *o, char *data) {
  struct item *s;
  if (o->refs > 0 && data[0] == 0)
    return 0;
  s = calloc(1, sizeof *s); // alloc: stored -- an element of the list
  if (!s) {
    free(data);
    return 0;
  }
  s->str = data;
  s->next = l->first;
  l->first = s;
  return 1;
}
int use_hold(struct list *l, struct obj *o, const char *d) {
  return hold_data(l, o, strdup(d)); // alloc: stored -- kept by the list
}

// Near miss: a reallocator frees its block for a size of 0 and returns
// NULL, and leaves it where realloc() fails, returning NULL too (redis
// ztryrealloc_usable): realloc()'s own contract, which its callers know.
void *try_realloc(void *p, size_t n) {
  void *q;
  if (n == 0 && p != NULL) {
    free(p);
    return NULL;
  }
  q = realloc(p, n); // alloc: returned -- the caller's resized block
  if (q == NULL)
    return NULL;
  return q;
}

// Near miss: the only caller hands on its own parameter, which it may only
// borrow (ioto dbCreate gives its `props` to setup): no convention.
static struct zone *enter_zone4(struct zones *zs, char *nm) {
  struct zone *z = zone_create(nm);
  if (!z)
    return NULL;
  if (zone_known(zs, z)) {
    zone_delete(z);
    return NULL;
  }
  z->next = zs->head;
  zs->head = z;
  return z;
}
int enter_given(struct zones *zs, char *nm) {
  if (!enter_zone4(zs, nm))
    return 0;
  return 1;
}

// Near miss: 0 is returned where the call was released and where it was
// not (eXosip _eXosip_release_aborted_calls): a success either way, not a
// failure callers cannot read.
struct call {
  int state;
  struct call *next;
};
static int release_if_done(struct zones *zs, struct call *c, int dialogs) {
  if (dialogs > 0)
    return 0;
  if (c->state == 3) {
    free(c);
    return 0;
  }
  return -1;
}
void release_calls(struct zones *zs, struct call *c) {
  release_if_done(zs, c, 0);
}
