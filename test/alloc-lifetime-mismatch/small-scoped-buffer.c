// RUN: %check_alloc_tidy %s alloc-lifetime-mismatch %t
// RUN: %clang -fsyntax-only %hermetic_cflags %t.c
// RUN: %check_alloc_tidy -check-suffix=LOW %s alloc-lifetime-mismatch %t -- \
// RUN:   --config="{CheckOptions: {alloc-lifetime-mismatch.StackThreshold: 32}}"

// A scoped allocation of a small constant size belongs on the stack: the
// fix-it makes it an array and drops its free; the result still compiles.
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct point { int x, y; };
void use_point(struct point *p);

int format_id(unsigned id) {
  char *buf = malloc(64); /* alloc: scoped -- formatted id */
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'buf' is a scoped allocation of 64 bytes: a buffer on the stack or inside its owner would do, without a heap allocation that can fail or fragment [alloc-lifetime-mismatch]{{$}}
  // CHECK-FIXES: char buf[64]; /* alloc: scoped -- formatted id */
  snprintf(buf, 64, "id-%u", id);
  int n = (int)strlen(buf);
  free(buf);
  // CHECK-FIXES: {{^  $}}
  return n;
}

void make_point(void) {
  struct point *p = calloc(1, sizeof(struct point)); /* alloc: scoped -- temporary */
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'p' is a scoped allocation of 8 bytes: {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:21: warning: 'p' is a scoped allocation of 8 bytes: {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-FIXES: struct point p[1] = {0}; /* alloc: scoped -- temporary */
  use_point(p);
  free(p);
}

// Near misses: a size only known at run time, a size above the threshold,
// and a buffer that is reassigned (an array could not be).
void runtime_size(size_t n) {
  char *b = malloc(n); /* alloc: scoped -- size from the request */
  free(b);
}

void large(void) {
  char *b = malloc(4096); /* alloc: scoped -- too big for a small stack */
  free(b);
}

void reassigned(void) {
  char *b = malloc(16); /* alloc: scoped -- grows below */
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'b' is a scoped allocation of 16 bytes: {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:13: warning: 'b' is a scoped allocation of 16 bytes: {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-FIXES: char *b = malloc(16); /* alloc: scoped -- grows below */
  char *c = realloc(b, 32); /* alloc: scoped -- freed below */
  if (!c) {
    free(b);
    return;
  }
  free(c);
}
