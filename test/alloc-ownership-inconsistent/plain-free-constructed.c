// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// A local variable that only ever holds what one of the project's
// constructors built, released with the plain deallocator (here through
// the library's replaceable hook, which starts as free): the destroy
// function also releases what the fields own (parson parse_object_value
// before 20ad63f: `parson_free(new_value)` where json_value_free was due).
#include <stdlib.h>
#include <string.h>

typedef void *(*malloc_fn)(size_t);
typedef void (*free_fn)(void *);
static malloc_fn lib_malloc = malloc;
static free_fn lib_free = free;
void set_allocator(malloc_fn m, free_fn f) {
  lib_malloc = m;
  lib_free = f;
}

typedef struct value {
  int type;
  char *s;
} value;

value *value_new(const char *s) {
  value *v = lib_malloc(sizeof *v); // alloc: returned -- the caller's value
  if (!v)
    return NULL;
  v->type = 1;
  v->s = strdup(s); // alloc: stored -- freed by value_free
  if (!v->s) {
    lib_free(v);
    return NULL;
  }
  return v;
}
void value_free(value *v) {
  lib_free(v->s);
  lib_free(v);
}

int list_add(value **list, int n, value *v);

int parse(value **list, int n, const char *s) {
  value *v = NULL;
  v = value_new(s);
  if (!v)
    return -1;
  if (list_add(list, n, v) == -1) {
    lib_free(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'v' is released with 'lib_free', which leaks what its fields own: 'value_free' is the destroy function of its struct; release it with 'value_free' [alloc-ownership-inconsistent]
    return -1;
  }
  return 0;
}

// Near miss: a block of the raw allocator, whose fields are not set yet.
int parse_raw(value **list, int n) {
  value *v = lib_malloc(sizeof *v); // alloc: scoped -- a shell
  if (!v)
    return -1;
  if (list_add(list, n, v) == -1) {
    lib_free(v);
    return -1;
  }
  return 0;
}

// Near miss: the variable holds a constructed value or a raw block.
int parse_either(value **list, int n, const char *s) {
  value *v = s ? value_new(s) : NULL;
  if (!s)
    v = lib_malloc(sizeof *v); // alloc: scoped -- a shell
  if (!v)
    return -1;
  if (list_add(list, n, v) == -1) {
    lib_free(v);
    return -1;
  }
  return 0;
}

// Near miss: the function cleans the fields by hand before the free.
int parse_by_hand(value **list, int n, const char *s) {
  value *v = value_new(s);
  if (!v)
    return -1;
  if (list_add(list, n, v) == -1) {
    lib_free(v->s);
    lib_free(v);
    return -1;
  }
  return 0;
}
