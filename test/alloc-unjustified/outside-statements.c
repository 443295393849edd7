// RUN: %check_alloc_tidy %s alloc-unjustified,alloc-group-unwind %t

// Nodes whose parents are not plain statements of one body, which the
// checks walk up from: a global initialiser naming an allocator (its
// justification covers the declaration), two function bodies one macro
// expansion makes, and a parameter named inside a type (an array's size),
// whose parent is no statement.  The checks look parents up one body at a
// time (core/Parents): these must come out as the whole-unit parent map
// gave them.
#include <stdlib.h>
#include <string.h>

void *pool_alloc(size_t n) __attribute__((malloc));

struct hooks { void *(*alloc)(size_t); };
/* alloc: permanent -- the table lives as long as the program */
static struct hooks justified_hooks = { pool_alloc };
static struct hooks bare_hooks = {
    pool_alloc };
// CHECK-MESSAGES: :[[@LINE-1]]:5: warning: address of allocator 'pool_alloc' is taken, so calls through it allocate unseen; justify it or call 'pool_alloc' directly [alloc-unjustified]{{$}}

#define PAIR(a, b) \
  char *a(const char *s) { return strdup(s); } \
  char *b(const char *s) { return strdup(s); }
PAIR(dup_one, dup_two)
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: 'strdup' (through macro 'PAIR') allocates heap memory without a justification; add '// alloc: <lifetime> -- <reason>' [alloc-unjustified]{{$}}

struct rec { char vers[4]; char *name; };

int versions(struct rec *p, const char *s) {
  char copy[sizeof(p->vers)];
  char *buf = malloc(sizeof(copy)); // alloc: scoped -- freed below
  char *name = strdup(s);           // alloc: stored -- the record keeps it
  if (!buf)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'name' leaks when allocation of 'buf' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-4]]:16: note: 'name' allocated here{{$}}
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: allocation of 'buf' can fail here{{$}}
  if (!name) {
    free(buf);
    return -1;
  }
  p->name = name;
  free(buf);
  return 0;
}

// The near miss: the same shape, unwound.
int versions_unwound(struct rec *p, const char *s) {
  char copy[sizeof(p->vers)];
  char *buf = malloc(sizeof(copy)); // alloc: scoped -- freed below
  char *name = strdup(s);           // alloc: stored -- the record keeps it
  if (!buf || !name) {
    free(buf);
    free(name);
    return -1;
  }
  p->name = name;
  free(buf);
  return 0;
}

struct hooks *use(void) { return &justified_hooks; }
struct hooks *use2(void) { return &bare_hooks; }
