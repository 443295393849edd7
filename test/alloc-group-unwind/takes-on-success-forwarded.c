// RUN: %check_alloc_tidy %s alloc-group-unwind,alloc-ownership-transfer %t

// A setter that takes its argument only on success, reached through
// functions that return its status unchanged (parson json_object_set_value
// -> json_object_add -> json_object_addn, which stores the value into the
// object's array after its failing returns, one of them a NULL guard on the
// value itself).  A caller that returns that status directly leaks what it
// handed over where the call fails (parson json_object_set_string before
// 9e1de50: `return json_object_set_value(o, name,
// json_value_init_string(s));`).
#include <stdlib.h>
#include <string.h>

typedef struct value {
  struct value *parent;
  char *s;
} value;
typedef struct object {
  value **values;
  char **names;
  int count, cap;
} object;

value *value_new_string(const char *s) {
  value *v = malloc(sizeof *v); // alloc: returned -- the caller's value
  if (!v)
    return NULL;
  v->parent = NULL;
  v->s = strdup(s); // alloc: stored -- the value's string
  if (!v->s) {
    free(v);
    return NULL;
  }
  return v;
}
void value_free(value *v) {
  free(v->s);
  free(v);
}
void object_free(object *o) {
  for (int i = 0; i < o->count; i++) {
    free(o->names[i]);
    value_free(o->values[i]);
  }
  free(o->names);
  free(o->values);
  free(o);
}

static int object_addn(object *o, const char *name, value *v) {
  if (o == NULL || name == NULL || v == NULL)
    return -1;
  if (o->count >= o->cap)
    return -1;
  o->names[o->count] = strdup(name); // alloc: stored -- the object's name
  if (o->names[o->count] == NULL)
    return -1;
  o->values[o->count] = v;
  o->count++;
  return 0;
}
static int object_add(object *o, const char *name, value *v) {
  if (name == NULL)
    return -1;
  return object_addn(o, name, v);
}
int object_set_value(object *o, const char *name, value *v) {
  if (o == NULL || v->parent != NULL)
    return -1;
  return object_add(o, name, v);
}

int object_set_string(object *o, const char *name, const char *s) {
  return object_set_value(o, name, value_new_string(s)); // alloc: scoped -- handed to the object
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the result of 'value_new_string' leaks when 'object_set_string' fails here; free it before returning [alloc-group-unwind]
}

int object_set_string_var(object *o, const char *name, const char *s) {
  value *v = value_new_string(s); // alloc: scoped -- handed to the object
  return object_set_value(o, name, v);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' leaks when 'object_set_string_var' fails here; free it before returning [alloc-group-unwind]
}

// Near miss: released where the setter failed (the fix).
int object_set_string_fixed(object *o, const char *name, const char *s) {
  value *v = value_new_string(s); // alloc: scoped -- handed to the object
  int status = object_set_value(o, name, v);
  if (status == -1)
    value_free(v);
  return status;
}

// Near miss: a setter that releases its argument when it fails takes it on
// every path; returning its status leaks nothing.
int object_put(object *o, const char *name, value *v) {
  if (object_add(o, name, v) == -1) {
    value_free(v);
    return -1;
  }
  return 0;
}
int object_put_string(object *o, const char *name, const char *s) {
  return object_put(o, name, value_new_string(s)); // alloc: scoped -- handed to the object
}

// Near miss: a function that stores its argument into an array nothing
// frees the elements of keeps a view, not the value: no hand-over to undo.
typedef struct view {
  value **seen;
  int n;
} view;
static int view_add(view *w, value *v) {
  if (w->n >= 8)
    return -1;
  w->seen[w->n++] = v;
  return 0;
}
int view_add_string(view *w, const char *s) {
  return view_add(w, value_new_string(s)); // alloc: scoped -- a view keeps it
}

// A constructor that adopts its argument into the object it returns, or
// returns NULL first and leaves it to the caller (parson
// json_value_init_string_no_copy): a caller returning its result as it is
// leaks the argument where it fails (json_value_init_string before
// 717e551).
value *value_adopt(char *string) {
  value *v = malloc(sizeof *v); // alloc: returned -- the caller's value
  if (!v)
    return NULL;
  v->parent = NULL;
  v->s = string;
  return v;
}
value *value_from_copy(const char *s) {
  char *copy = strdup(s); // alloc: returned -- adopted by the value
  if (copy == NULL)
    return NULL;
  return value_adopt(copy);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'copy' leaks when 'value_from_copy' fails here; free it before returning [alloc-group-unwind]
}

// Near misses: released where the constructor failed, tested either way.
value *value_from_copy_fixed(const char *s) {
  char *copy = strdup(s); // alloc: returned -- adopted by the value
  value *v;
  if (copy == NULL)
    return NULL;
  v = value_adopt(copy);
  if (v == NULL)
    free(copy);
  return v;
}
value *value_from_copy_fixed2(const char *s) {
  char *copy = strdup(s); // alloc: returned -- adopted by the value
  value *v;
  if (copy == NULL)
    return NULL;
  if (!(v = value_adopt(copy))) {
    free(copy);
    return NULL;
  }
  return v;
}

// Near miss: a constructor that reads through its argument and keeps it in
// its object uses it as its input (SQLite sqlite3WhereBegin's pTabList),
// even where some other code frees that field: the caller still owns it
// and may use and free it after the call.
typedef struct scan {
  char *src;
  int pos;
} scan;
scan *scan_begin(char *src) {
  scan *w;
  if (src[0] == 0)
    return NULL;
  w = malloc(sizeof *w); // alloc: returned -- the caller's scan
  if (!w)
    return NULL;
  w->src = src;
  w->pos = src[0];
  return w;
}
void scan_end(scan *w) { free(w); }
void scan_end_owned(scan *w) {
  free(w->src);
  free(w);
}
int scan_copy(const char *s) {
  char *src = strdup(s); // alloc: scoped -- freed below
  scan *w;
  if (!src)
    return -1;
  w = scan_begin(src);
  if (!w) {
    free(src);
    return -1;
  }
  scan_end(w);
  src[0] = 0;
  free(src);
  return 0;
}
