// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// A family's members agree on the arguments of one type.  A setter of an
// object that takes it beside a setter of a string that copies it is how
// JSON libraries are built (parson json_array_replace_value and
// json_array_replace_string): callers expect each type's convention.  Two
// setters of strings that disagree are the seeds' oSIP bug.
#include <stdlib.h>
#include <string.h>

struct value {
  char *s;
};
struct obj {
  struct value *v;
  char *name;
  char *title;
};
void value_free(struct value *v) {
  free(v->s);
  free(v);
}
void obj_free(struct obj *o) {
  value_free(o->v);
  free(o->name);
  free(o->title);
  free(o);
}

// Near miss: the object is taken, the string copied.
void obj_put_value(struct obj *o, struct value *v) {
  value_free(o->v);
  o->v = v;
}
void obj_put_string(struct obj *o, const char *s) {
  struct value *v = malloc(sizeof *v); // alloc: stored -- freed by obj_free
  if (!v)
    return;
  v->s = strdup(s); // alloc: stored -- freed by value_free
  value_free(o->v);
  o->v = v;
}

// Two setters of strings: one keeps its argument, the other copies it.
void obj_set_name(struct obj *o, char *name) {
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'obj_set_name' takes ownership of 'name' (stored into 'o->name'), and the 'obj_set_' family has no single convention {{.*}} [alloc-ownership-inconsistent]{{$}}
  free(o->name);
  o->name = name;
}
void obj_set_title(struct obj *o, const char *title) {
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'obj_set_title' copies 'title' (duplicated by 'strdup'), and the 'obj_set_' family has no single convention {{.*}} [alloc-ownership-inconsistent]{{$}}
  free(o->title);
  o->title = strdup(title); // alloc: stored -- freed by obj_free
}
