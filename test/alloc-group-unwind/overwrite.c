// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Memory lost where an assignment overwrites its only pointer: a variable,
// or a field of an object the function owns, given new memory (or NULL)
// while it still owns the old.  Not when another pointer still holds the
// block, when it was freed, handed over or stored first, when it may have
// failed (NULL), or for `p = realloc(p, n)`.
#include <stdlib.h>
#include <string.h>

struct node {
  char *name;
  char *value;
};
void keep(char *p);
void list_add(struct node *n);
char *lookup(const char *key);

int rename_twice(const char *a, const char *b) {
  char *p = strdup(a);
  if (!p)
    return -1;
  p = strdup(b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is lost here: the assignment overwrites its only pointer; free it first, or keep it elsewhere [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-5]]:13: note: 'p' allocated here
  free(p);
  return 0;
}

// Reset to NULL while still owned.
int drop(const char *a) {
  char *p = strdup(a);
  if (!p)
    return -1;
  keep(NULL);
  p = NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is lost here: the assignment overwrites its only pointer; free it first, or keep it elsewhere [alloc-group-unwind]{{$}}
  return 0;
}

// A field of an object the function allocated and then hands over.
struct node *make(const char *n, const char *v) {
  struct node *node = calloc(1, sizeof(*node));
  if (!node)
    return NULL;
  node->name = strdup(n);
  node->name = strdup(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'node->name' is lost here: the assignment overwrites its only pointer; free it first, or keep it elsewhere [alloc-group-unwind]{{$}}
  return node;
}

// Near misses.

// Freed first.
int replace(const char *a, const char *b) {
  char *p = strdup(a);
  if (!p)
    return -1;
  free(p);
  p = strdup(b);
  free(p);
  return 0;
}

// Another pointer still holds the block.
int alias(const char *a, const char *b) {
  char *p = strdup(a);
  char *q = p;
  p = strdup(b);
  free(q);
  free(p);
  return 0;
}

// Handed over, or stored, before the assignment.
void hand_over(struct node *n, const char *a, const char *b) {
  char *p = strdup(a);
  keep(p);
  p = strdup(b);
  n->value = p;
}

// NULL after a failed allocation: nothing to lose.
char *fallback(const char *a) {
  char *p = strdup(a);
  if (p == NULL)
    p = lookup(a);
  return p;
}

// The allocation is resized in place.
int grow(size_t n) {
  char *p = malloc(n);
  if (!p)
    return -1;
  char *q = realloc(p, 2 * n);
  if (!q) {
    free(p);
    return -1;
  }
  p = q;
  free(p);
  return 0;
}

// A loop's pointer advanced over a list the function does not own.
int count(struct node **v, int n) {
  int k = 0;
  char *name = NULL;
  for (int i = 0; i < n; i++) {
    name = v[i]->name;
    k += name != NULL;
  }
  return k;
}

// The new value is computed from the old: the callee may consume it
// (SQLite's `%z` frees its argument; `s = sdscat(s, t)` returns it).
char *fmt_consume(const char *z, const char *more);
char *format(const char *a, const char *b) {
  char *z = strdup(a);
  if (!z)
    return NULL;
  z = fmt_consume(z, b);
  return z;
}

// Allocated on one path only, overwritten after the paths join: whether
// that path reaches the assignment is not known (SQLite blobSeekToRow:
// `p->pStmt = 0;` there, `else if (p->pStmt)` before the assignment).
struct stmt { void *pStmt; };
int seek(struct stmt *p, int bad, char **pzErr) {
  char *zErr = NULL;
  if (bad) {
    zErr = strdup("bad type");
    p->pStmt = 0;
  }
  if (p->pStmt)
    zErr = strdup("no such row");
  *pzErr = zErr;
  return zErr ? 1 : 0;
}

// Under a test of the size the allocator hands back with the block: a zero
// size may mean no block (curl file2memory frees a zero-length buffer and
// sets the pointer NULL; the caller then re-creates it).
size_t fill(char *b);
int slurp(char **out, size_t *len) {
  char *b = malloc(64);
  if (!b)
    return 1;
  *len = fill(b);
  if (!*len) {
    free(b);
    b = NULL;
  }
  *out = b;
  return 0;
}
int stdin_data(void) {
  char *data = NULL;
  size_t n = 0;
  if (slurp(&data, &n) != 0)
    return 1;
  if (!n) {
    data = strdup("");
    if (!data)
      return 1;
  }
  keep(data);
  return 0;
}
int stdin_data_flag(int empty) {
  char *data = NULL;
  size_t n = 0;
  if (slurp(&data, &n) != 0)
    return 1;
  if (empty) {
    data = strdup("");
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'data' is lost here: the assignment overwrites its only pointer; free it first, or keep it elsewhere [alloc-group-unwind]{{$}}
    // CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'data' allocated here
    if (!data)
      return 1;
  }
  keep(data);
  return 0;
}
