// RUN: %check_alloc_tidy -check-suffixes=,ALL %s alloc-group-unwind %t -- \
// RUN:   -config="{CheckOptions: [{key: alloc-group-unwind.ReportAllExits, value: true}]}"
// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Memory lost where the last variable pointing to it goes out of scope: a
// 'continue' or 'break' out of a loop body, the end of an iteration.
// Reported when the function releases the allocation on its other paths
// (or an allocation failed on the way); with ReportAllExits, always.
#include <stdlib.h>
#include <string.h>

struct item {
  struct item *next;
  int id;
  char *name;
};
int decode(const char *buf, int *v);
void keep(char *p);
void list_add(struct item **head, struct item *it);

// The decode error skips the free at the end of the iteration.
void step_continue(struct item *list) {
  for (struct item *t = list; t; t = t->next) {
    char *buf = malloc(64);
    if (!buf)
      continue;
    int v;
    if (!decode(buf, &v))
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'buf' is lost at this 'continue': no pointer to it is left; free it before leaving the block [alloc-group-unwind]{{$}}
    t->id = v;
    free(buf);
  }
}

// Leaving the loop by 'break' loses it the same way.
int first_valid(struct item *list) {
  int found = -1;
  for (struct item *t = list; t; t = t->next) {
    char *copy = strdup(t->name);
    if (!copy)
      return -1;
    int v;
    if (decode(copy, &v)) {
      found = v;
      break;
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'copy' is lost at this 'break'
    }
    free(copy);
  }
  return found;
}

// Never released anywhere: lost at the end of every iteration, reported
// only with ReportAllExits.
void never_freed(int n) {
  for (int i = 0; i < n; i++) {
    char *scratch = malloc(16);
    if (!scratch)
      return;
    memset(scratch, 0, 16);
  }
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: 'scratch' is lost where its block ends: no pointer to it is left; free it before leaving the block [alloc-group-unwind]{{$}}
}

// Near misses: kept by the callee, linked into a list, still pointed to from
// outside the block, freed on every path.
void near_misses(struct item **head, int n) {
  char *last = NULL;
  for (int i = 0; i < n; i++) {
    char *p = malloc(8);
    if (!p)
      continue;
    if (i & 1) {
      keep(p); // may keep it: not lost
      continue;
    }
    struct item *it = malloc(sizeof *it);
    if (!it) {
      free(p);
      continue;
    }
    it->name = p;
    list_add(head, it); // linked: not lost
  }
  for (int i = 0; i < n; i++) {
    char *q = malloc(8);
    if (!q)
      break;
    free(last);
    last = q; // outlives the block
  }
  free(last);
  for (int i = 0; i < n; i++) {
    char *r = malloc(8);
    if (!r)
      break;
    int v;
    if (!decode(r, &v)) {
      free(r);
      continue;
    }
    free(r);
  }
}
