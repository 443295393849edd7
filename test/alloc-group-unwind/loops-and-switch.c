// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Allocation groups inside loops and switch statements.
#include <stdlib.h>

struct item { char *name; };

int fill(struct item *items, int n) {
  char *scratch = malloc(256);
  if (!scratch)
    return -1;
  for (int i = 0; i < n; i++) {
    char *name = malloc(32);
    if (!name)
      return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'scratch' leaks when allocation of 'name' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
    items[i].name = name;
  }
  free(scratch);
  return 0;
}

int fill_fixed(struct item *items, int n) {
  char *scratch = malloc(256);
  if (!scratch)
    return -1;
  for (int i = 0; i < n; i++) {
    char *name = malloc(32);
    if (!name) {
      free(scratch);
      return -1;
    }
    items[i].name = name;
  }
  free(scratch);
  return 0;
}

int by_kind(int kind, struct item *out) {
  char *buf = malloc(64);
  if (!buf)
    return -1;
  switch (kind) {
  case 0: {
    char *extra = malloc(8);
    if (!extra)
      return -2;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'buf' leaks when allocation of 'extra' fails; {{.*}} [alloc-group-unwind]{{$}}
    out->name = extra;
    break;
  }
  case 1: {
    char *extra = malloc(16);
    if (!extra)
      break; // falls to the common exit, which frees buf
    out->name = extra;
    break;
  }
  default:
    break;
  }
  free(buf);
  return 0;
}

// A loop that retries the allocation is not a failure exit.
char *retry(void) {
  char *tag = malloc(4);
  if (!tag)
    return NULL;
  char *p;
  while ((p = malloc(1024)) == NULL)
    ;
  free(tag);
  return p;
}

// Near miss: stored on a path that joins this one (a loop that hands the
// block out and may, as far as the analysis knows, run zero times; SQLite
// unixShmMap): the loop's condition decided.
int check_region(int i);
int map_regions(char **table, int per, int size) {
  char *mem = malloc((size_t)per * size);
  if (!mem)
    return -1;
  for (int i = 0; i < per; i++)
    table[i] = &mem[i * size];
  if (!check_region(per))
    return -2;
  return 0;
}
