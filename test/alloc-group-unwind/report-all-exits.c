// RUN: %check_alloc_tidy %s alloc-group-unwind %t
// RUN: %check_alloc_tidy -check-suffix=ALL %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: {alloc-group-unwind.ReportAllExits: true}}"

// By default only failure paths are reported; ReportAllExits also reports
// ordinary returns that still own memory.
#include <stdlib.h>

int validate(const char *s);

int parse(const char *s) {
  char *copy = malloc(64);
  if (!copy)
    return -1;
  if (!validate(s))
    return -2;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:5: warning: 'copy' allocated at line 12 is still owned when the function returns here; free it, return it or store it where it outlives the function [alloc-group-unwind]{{$}}
  free(copy);
  return 0;
}

void forgets(void) {
  char *p = malloc(4);
  if (p)
    p[0] = 0;
}
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:1: warning: 'p' allocated at line 23 is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}
