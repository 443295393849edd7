// RUN: %check_alloc_tidy %s alloc-missing-lifetime %t
// RUN: %clang -fsyntax-only -Wall -Werror %hermetic_cflags %t.c

// Functions that return owned heap memory say so in their declaration; the
// fix-it adds the attribute to the first declaration.
#include <stdlib.h>
#include <string.h>

char *make_name(const char *s);
// CHECK-FIXES: __attribute__((malloc)) char *make_name(const char *s);

char *make_name(const char *s) {
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'make_name' returns heap memory the caller must free; declare it '__attribute__((malloc))' [alloc-missing-lifetime]{{$}}
  char *n = strdup(s); /* alloc: returned -- make_name is an allocator */
  if (!n)
    return NULL;
  return n;
}

static int *make_counter(void) {
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'make_counter' returns heap memory {{.*}} [alloc-missing-lifetime]{{$}}
  // CHECK-FIXES: __attribute__((malloc)) static int *make_counter(void) {
  return calloc(1, sizeof(int)); /* alloc: returned -- the caller frees it */
}

// Declared already: silent.
__attribute__((malloc)) char *declared(size_t n) { return malloc(n); }
char *owned(size_t n) __attribute__((ownership_returns(malloc)));
char *owned(size_t n) { return malloc(n); }

// Near misses: a function that may return a static buffer, one that returns
// a borrowed pointer, one that returns a parameter.
static char fallback[16];
char *maybe_static(size_t n) {
  char *p = malloc(n);
  return p ? p : fallback;
}
char *home(void) { return getenv("HOME"); }
char *same(char *p) { return p; }

// A reallocator's wrapper: its result may be the caller's block with its
// old contents, where GCC documents the attribute as wrong (hiredis
// sds_realloc, redisAsyncInitialize): no fix-it, the rules say it.
void *grow(void *p, size_t n) { return realloc(p, n); }
// CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'grow' returns heap memory the caller must free, resized from its argument; declare it in a rules file with 'reallocates' (not '__attribute__((malloc))', which does not fit a reallocator) [alloc-missing-lifetime]{{$}}
// CHECK-FIXES: {{^}}void *grow(void *p, size_t n) { return realloc(p, n); }{{$}}

// Near miss: a block the function allocates and grows itself is fresh to
// the caller (hiredis sdssplitlen: `tokens = s_realloc(tokens, ...)`).
void *collect(size_t n) {
  char *tokens = malloc(4);
  if (!tokens)
    return NULL;
  char *more = realloc(tokens, n);
  if (!more) {
    free(tokens);
    return NULL;
  }
  return more;
}
// CHECK-MESSAGES: :[[@LINE-11]]:7: warning: 'collect' returns heap memory the caller must free; declare it '__attribute__((malloc))' [alloc-missing-lifetime]{{$}}
// CHECK-FIXES: {{^}}__attribute__((malloc)) void *collect(size_t n) {{[{]}}{{$}}

// Near miss: also stored into the caller's aggregate before it is returned
// (hiredis createStringObject: `parent->element[task->idx] = r; return
// r;`): the result is aliased and the parent owns it on that path.
struct task {
  struct agg *parent;
  int idx;
};
struct agg {
  void **element;
};
void *create_string(const struct task *t) {
  char *r = malloc(8);
  struct agg *parent;
  if (!r)
    return NULL;
  if (t->parent) {
    parent = t->parent;
    parent->element[t->idx] = r;
  }
  return r;
}

int use(void) {
  int *c = make_counter();
  free(c);
  return 0;
}
