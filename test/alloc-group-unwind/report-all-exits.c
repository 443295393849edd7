// RUN: %check_alloc_tidy %s alloc-group-unwind %t
// RUN: %check_alloc_tidy -check-suffixes=,ALL %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: alloc-group-unwind.ReportAllExits, value: true}]}"

// By default, failing exits are reported (a return of a failure value, or a
// path on which an allocation failed); ReportAllExits also reports ordinary
// returns and the end of the function when they still own memory.
#include <stdlib.h>

int validate(const char *s);

int parse(const char *s) {
  char *copy = malloc(64);
  if (!copy)
    return -1;
  if (!validate(s))
    return -2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'copy' leaks when 'parse' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(copy);
  return 0;
}

void forgets(void) {
  char *p = malloc(4);
  if (p)
    p[0] = 0;
}
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:1: warning: 'p' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}

// A success return (1 is not in the failure class of a function whose
// failures are negative) that keeps memory the function frees on its other
// path: reported by default, as an exit that skips the release.
int keeps(const char *s) {
  char *copy = malloc(64);
  if (!copy)
    return -1;
  if (validate(s))
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'copy' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]{{$}}
  free(copy);
  return 0;
}

// Not released anywhere: only ReportAllExits reports the success exit.
int stores_nowhere(const char *s) {
  char *copy = malloc(64);
  if (!copy)
    return -1;
  if (validate(s))
    return 1;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:5: warning: 'copy' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}
  copy[0] = 0;
  return 0;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: 'copy' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}
}
