// RUN: %check_alloc_tidy %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'libc;xmalloc'}]}"

// `obj->names = realloc(obj->names, n)`: where realloc fails it returns
// NULL and leaves the old block, whose only pointer the assignment just
// overwrote (parson json_object_add before ee9be98).  A field, `*out`, an
// array element or a global: nothing else holds the old block.
#include <stdlib.h>

void *xrealloc(void *p, size_t n);

struct obj {
  char **names;
  size_t cap;
};
char *global_buf;

int grow_field(struct obj *o) {
  o->names = realloc(o->names, 2 * o->cap * sizeof(char *));
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'o->names' loses its old block when 'realloc' fails: the assignment overwrites the only pointer to it; assign the result to a temporary and replace 'o->names' once it is not NULL [alloc-group-unwind]
  if (o->names == NULL)
    return -1;
  o->cap *= 2;
  return 0;
}

int grow_out(char **out, size_t n) {
  *out = realloc(*out, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: '*out' loses its old block when 'realloc' fails: {{.*}} [alloc-group-unwind]
  return *out ? 0 : -1;
}

int grow_global(size_t n) {
  global_buf = realloc(global_buf, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'global_buf' loses its old block when 'realloc' fails: {{.*}} [alloc-group-unwind]
  return global_buf ? 0 : -1;
}

int grow_element(char **slots, int i, size_t n) {
  slots[i] = realloc(slots[i], n);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'slots[i]' loses its old block when 'realloc' fails: {{.*}} [alloc-group-unwind]
  return slots[i] ? 0 : -1;
}

// Near miss: the result goes to a temporary first (the fix).
int grow_field_fixed(struct obj *o) {
  char **n = realloc(o->names, 2 * o->cap * sizeof(char *));
  if (n == NULL)
    return -1;
  o->names = n;
  o->cap *= 2;
  return 0;
}

// Near miss: a wrapper that never returns NULL.
void grow_checked(struct obj *o) {
  o->names = xrealloc(o->names, 2 * o->cap * sizeof(char *));
  o->cap *= 2;
}

// Near miss: a parameter reassigned is a copy of the caller's pointer, which
// still holds the old block.
char *grow_copy(char *buf, size_t n) {
  buf = realloc(buf, n);
  return buf;
}

// Near miss: another place than the argument.
int grow_other(struct obj *o, char **spare) {
  o->names = realloc(spare[0], 2 * o->cap * sizeof(char *));
  return o->names ? 0 : -1;
}
