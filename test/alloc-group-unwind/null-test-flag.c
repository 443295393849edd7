// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A flag set from a NULL test of a pointer, then tested, tests that pointer
// (redis _dictResize: `*malloc_failed = new_ht_table == NULL; if
// (*malloc_failed) return DICT_ERR;`).  Only when the flag is set in the
// block that tests it and nothing in between may change it.
#include <stdlib.h>

struct dict {
  void **table;
};
int may_fail(int *flag);

int resize(struct dict *d, unsigned long n, int *malloc_failed) {
  void **t;
  void *extra = malloc(16);
  if (!extra)
    return 1;
  t = calloc(n, sizeof(void *));
  *malloc_failed = t == NULL;
  if (*malloc_failed) {
    free(extra);
    return 1;
  }
  d->table = t;
  free(extra);
  return 0;
}

int resize_local_flag(struct dict *d, unsigned long n) {
  void *extra = malloc(16);
  int failed;
  if (!extra)
    return 1;
  void **t = calloc(n, sizeof(void *));
  failed = !t;
  if (failed)
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'extra' leaks when allocation of 't' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-9]]:17: note: 'extra' allocated here
  // CHECK-MESSAGES: :[[@LINE-6]]:14: note: allocation of 't' can fail here
  d->table = t;
  free(extra);
  return 0;
}

// The flag may change in a call between: the test is not the pointer's.
int resize_flag_changed(struct dict *d, unsigned long n, int *malloc_failed) {
  void **t = calloc(n, sizeof(void *));
  *malloc_failed = t == NULL;
  may_fail(malloc_failed);
  if (*malloc_failed)
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 't' leaks when 'resize_flag_changed' fails here; free it before returning [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-6]]:14: note: 't' allocated here
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: on the path where this fails
  d->table = t;
  return 0;
}
