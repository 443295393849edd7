// RUN: %check_alloc_tidy %s alloc-lifetime-mismatch %t
// RUN: %clang -fsyntax-only -Wall -Werror %hermetic_cflags %t.c
// RUN: %check_alloc_tidy -check-suffix=LOW %s alloc-lifetime-mismatch %t -- \
// RUN:   --config="{CheckOptions: [{key: alloc-lifetime-mismatch.StackThreshold, value: 32}]}"

// A scoped allocation of a small constant size belongs on the stack: the
// fix-it makes it an array and drops its free and its failure test (an
// array's address is never null: 'if (!buf)' would break -Werror=address);
// the result compiles cleanly with -Wall -Werror.
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct point { int x, y; };
void use_point(struct point *p);

int format_id(unsigned id) {
  char *buf = malloc(64); /* alloc: scoped -- formatted id */
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'buf' is a scoped allocation of 64 bytes; use a buffer on the stack or inside its owner [alloc-lifetime-mismatch]{{$}}
  // CHECK-FIXES: char buf[64]; /* alloc: scoped -- formatted id */
  snprintf(buf, 64, "id-%u", id);
  int n = (int)strlen(buf);
  free(buf);
  // CHECK-FIXES: {{^}}  int n = (int)strlen(buf);
  // CHECK-FIXES-NOT: free(buf);
  // CHECK-FIXES: {{^}}  return n;
  return n;
}

// The failure test goes with the allocation, braces or not, '!b' or
// 'b == NULL'.
int checked(unsigned id) {
  char *b = malloc(32); /* alloc: scoped -- formatted id */
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'b' is a scoped allocation of 32 bytes; {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:13: warning: 'b' is a scoped allocation of 32 bytes; {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-FIXES: char b[32]; /* alloc: scoped -- formatted id */
  if (!b)
    return -1;
  // CHECK-FIXES-NOT: {{if|return -1}}
  // CHECK-FIXES: snprintf(b, 32, "%u", id);
  snprintf(b, 32, "%u", id);
  int n = (int)strlen(b);
  free(b);
  return n;
}

int checked_braces(unsigned id) {
  char *b = malloc(16); /* alloc: scoped -- formatted id */
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'b' is a scoped allocation of 16 bytes; {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:13: warning: 'b' is a scoped allocation of 16 bytes; {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-FIXES: char b[16]; /* alloc: scoped -- formatted id */
  if (b == NULL) {
    return -1;
  }
  // CHECK-FIXES-NOT: {{if|return -1|}$}}
  // CHECK-FIXES: snprintf(b, 16, "%u", id);
  snprintf(b, 16, "%u", id);
  int n = (int)strlen(b);
  free(b);
  return n;
}

// Near miss: a test that is not a plain failure test ('if (b) ... else')
// cannot go, so there is no fix-it (the note still says what to write).
int tested_otherwise(unsigned id) {
  char *b = malloc(16); /* alloc: scoped -- formatted id */
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'b' is a scoped allocation of 16 bytes; {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:13: warning: 'b' is a scoped allocation of 16 bytes; {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-FIXES: char *b = malloc(16); /* alloc: scoped -- formatted id */
  int n = -1;
  if (b)
    n = snprintf(b, 16, "%u", id);
  else
    n = 0;
  free(b);
  return n;
}

void make_point(void) {
  struct point *p = calloc(1, sizeof(struct point)); /* alloc: scoped -- temporary */
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'p' is a scoped allocation of 8 bytes; {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:21: warning: 'p' is a scoped allocation of 8 bytes; {{.*}} [alloc-lifetime-mismatch]{{$}}
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
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'b' is a scoped allocation of 16 bytes; {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:13: warning: 'b' is a scoped allocation of 16 bytes; {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-FIXES: char *b = malloc(16); /* alloc: scoped -- grows below */
  char *c = realloc(b, 32); /* alloc: scoped -- freed below */
  if (!c) {
    free(b);
    return;
  }
  free(c);
}
