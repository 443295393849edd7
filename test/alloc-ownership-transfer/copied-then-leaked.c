// RUN: %check_alloc_tidy %s alloc-ownership-transfer,alloc-group-unwind %t

// "Copied by the callee and never freed afterwards" is said of a leak on a
// path that went through the copying call.  A key that leaks at an error
// return before the call (parson's parse_object_value before d485b06) is
// an error-path leak, not a copy left behind: in a loop, the block of a
// later iteration is not the one an earlier iteration handed over and freed.
#include <stdlib.h>
#include <string.h>

struct obj {
  char **names;
  int count;
};

static char *dup_key(const char *s) {
  size_t n = strlen(s);
  char *c = (char *)malloc(n + 1); // alloc: returned -- the caller's key
  if (!c)
    return NULL;
  memcpy(c, s, n + 1);
  return c;
}

static int obj_add(struct obj *o, const char *name) {
  o->names[o->count] = dup_key(name); // alloc: stored -- the object's name
  if (!o->names[o->count])
    return -1;
  o->count++;
  return 0;
}

void obj_free(struct obj *);

// The key leaks at the error return before the copy, every iteration frees
// the one it handed over: one finding, the error-path leak.
int parse_loop(struct obj *o, const char **s) {
  char *key = NULL;
  while (**s != '\0') {
    key = dup_key(*s); // alloc: scoped -- freed after obj_add copies it
    if (key == NULL || **s != ':') {
      obj_free(o);
      return -1;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'key' leaks when 'parse_loop' fails here; free it before returning [alloc-group-unwind]
    }
    if (obj_add(o, key) == -1) {
      free(key);
      return -1;
    }
    free(key);
    if (**s != ',')
      break;
    (*s)++;
  }
  return 0;
}

// The same leak without a loop.
int parse_once(struct obj *o, const char *s) {
  char *key = dup_key(s); // alloc: scoped -- freed after obj_add copies it
  if (key == NULL)
    return -1;
  if (*s != ':')
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'key' leaks when 'parse_once' fails here; free it before returning [alloc-group-unwind]
  if (obj_add(o, key) == -1) {
    free(key);
    return -1;
  }
  free(key);
  return 0;
}

// Copied, then never freed: the finding this check makes.
int add_leaks(struct obj *o, const char *s) {
  char *key = dup_key(s); // alloc: scoped -- the caller forgot to free it
  if (key == NULL)
    return -1;
  if (obj_add(o, key) == -1) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'key' is passed to 'obj_add', which copies it ({{.*}}:25: copies argument 2 'name'), and is never freed afterwards: the caller still owns it; free it after the call [alloc-ownership-transfer]
    free(key);
    return -1;
  }
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'key' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]
}

// In a loop, copied and leaked at the end of each iteration.
int add_loop_leaks(struct obj *o, const char **names, int n) {
  for (int i = 0; i < n; i++) {
    char *key = dup_key(names[i]); // alloc: scoped -- never freed
    if (key == NULL)
      return -1;
    obj_add(o, key);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'key' is passed to 'obj_add', which copies it ({{.*}}: copies argument 2 'name'), and is never freed afterwards: the caller still owns it; free it after the call [alloc-ownership-transfer]
  }
  return 0;
}
