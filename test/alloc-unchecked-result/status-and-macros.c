// RUN: %check_alloc_tidy %s alloc-unchecked-result %t

// Out-parameter allocators report failure in their result, and leave the
// out-parameter unset: using it before testing the result is the same bug.
// Allocations behind macros are followed like any other.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NEW(T) ((T *)malloc(sizeof(T)))
struct node { int v; };
int puts(const char *s) __attribute__((nonnull));

void status(const char *who) {
  char *msg;
  asprintf(&msg, "hi %s", who);
  puts(msg);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'msg' from 'asprintf' at line 16 is passed to 'puts', which dereferences it before the call's result is checked; on failure it is not set: test the result first [alloc-unchecked-result]{{$}}
  free(msg);
}

void status_checked(const char *who) {
  char *msg;
  if (asprintf(&msg, "hi %s", who) < 0)
    return;
  puts(msg);
  free(msg);
}

void status_var(const char *who) {
  char *msg;
  int n = asprintf(&msg, "hi %s", who);
  if (n == -1)
    return;
  puts(msg);
  free(msg);
}

void through_macro(void) {
  struct node *n = NEW(struct node);
  n->v = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'n' from 'malloc' at line 40 is dereferenced without {{.*}} [alloc-unchecked-result]{{$}}
  free(n);
  struct node *m = NEW(struct node);
  if (!m)
    return;
  m->v = 1;
  free(m);
}
