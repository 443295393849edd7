// RUN: %check_alloc_tidy %s alloc-unchecked-result %t

// Results used before any NULL test: dereferenced, indexed, through '->',
// passed where the callee dereferences them, returned from a
// returns_nonnull function.  Near misses below must stay silent.
#include <stdlib.h>
#include <string.h>

struct msg { int len; char *body; };
void consume(const char *s) __attribute__((nonnull));
void maybe_null_ok(char *s);

void uses(const char *src, size_t n) {
  char *a = malloc(n);
  a[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'a' from 'malloc' at line 14 is indexed without a NULL check; compare it with NULL first, or allocate through a wrapper the rules mark 'null: never' [alloc-unchecked-result]{{$}}
  struct msg *m = malloc(sizeof *m);
  m->len = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm' from 'malloc' at line 17 is dereferenced without a NULL check; {{.*}} [alloc-unchecked-result]{{$}}
  int *i = calloc(1, sizeof *i);
  *i = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'i' from 'calloc' at line 20 is dereferenced without {{.*}} [alloc-unchecked-result]{{$}}
  char *b = malloc(n);
  memcpy(b, src, n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'b' from 'malloc' at line 23 is passed to 'memcpy', which dereferences it without a NULL check; {{.*}} [alloc-unchecked-result]{{$}}
  char *c = strdup(src);
  consume(c);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'c' from 'strdup' at line 26 is passed to 'consume', which dereferences it without {{.*}} [alloc-unchecked-result]{{$}}
  free(a); free(m); free(i); free(b); free(c);
}

__attribute__((returns_nonnull)) char *make(size_t n) {
  char *p = malloc(n);
  return p;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'p' from 'malloc' at line 33 is returned from a returns_nonnull function without {{.*}} [alloc-unchecked-result]{{$}}
}

// Only the first unchecked use of an allocation is reported.
void first_use_only(size_t n) {
  char *p = malloc(n);
  p[0] = 'a';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' from 'malloc' at line 40 is indexed {{.*}} [alloc-unchecked-result]{{$}}
  p[1] = 'b';
  free(p);
}

// Checked on one path only: the unchecked path is reported.
void one_path(int flag, size_t n) {
  char *p = malloc(n);
  if (flag && !p)
    return;
  p[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' from 'malloc' at line 49 is indexed {{.*}} [alloc-unchecked-result]{{$}}
  free(p);
}

// --- near misses -----------------------------------------------------------

void checked(const char *src, size_t n) {
  char *a = malloc(n);
  if (!a)
    return;
  a[0] = 0;
  char *b = malloc(n);
  if (b == NULL)
    goto out;
  memcpy(b, src, n);
  char *c = malloc(n);
  if (c != NULL) {
    c[0] = 1;
    free(c);
  }
  char *d;
  if ((d = strdup(src)) == NULL)
    goto out2;
  d[0] = 0;
  free(d);
out2:
  free(b);
out:
  free(a);
}

void not_dereferenced(size_t n) {
  char *a = malloc(n);
  maybe_null_ok(a); // the callee is not known to dereference it
  char *b = malloc(n);
  free(b);          // free(NULL) is fine
  char *c = malloc(n);
  char *alias = c;  // copying the pointer is not using the memory
  (void)alias;
  free(c);
}

void assert_like(size_t n) {
  char *p = malloc(n);
  if (!p)
    abort();
  p[0] = 0;
  free(p);
}

// The same function, with the checked wrappers of rules/xmalloc.yaml, is
// covered in never-null.c.
