// RUN: %check_alloc_tidy %s alloc-unchecked-result %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'xmalloc;glib;ioto'}]}"
// RUN: %check_alloc_tidy -check-suffix=NORULES %s alloc-unchecked-result %t

// Allocators the rules mark 'null: never' (a wrapper that aborts, GLib's
// g_malloc, Ioto's rAlloc with its global handler) need no NULL test.
// Without those rules files they are unknown functions: no finding either.
// malloc keeps being checked in every configuration.
#include <stddef.h>
void *xmalloc(size_t n);
char *xstrdup(const char *s);
void *g_malloc(size_t n);
void *g_try_malloc(size_t n);
void g_free(void *p);
void *rAlloc(size_t n);
void rFree(void *p);
char *sclone(const char *s);
void *malloc(size_t n);
void free(void *p);

void wrappers(const char *s) {
  char *a = xmalloc(8);
  a[0] = 0;
  char *b = xstrdup(s);
  b[0] = 0;
  char *c = g_malloc(8);
  c[0] = 0;
  char *d = rAlloc(8);
  d[0] = 0;
  char *e = sclone(s);
  e[0] = 0;
  char *f = g_try_malloc(8);
  f[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'f' from 'g_try_malloc' at line 32 is indexed without a NULL check; {{.*}} [alloc-unchecked-result]{{$}}
  char *g = malloc(8);
  g[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'g' from 'malloc' at line 35 is indexed {{.*}} [alloc-unchecked-result]{{$}}
  // CHECK-MESSAGES-NORULES: :[[@LINE-2]]:3: warning: 'g' from 'malloc' at line 35 is indexed {{.*}} [alloc-unchecked-result]{{$}}
  g_free(c);
  g_free(f);
  rFree(d);
  rFree(e);
  free(g);
}
