// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A getter that tests its argument in a conditional operator (`return v ?
// v->type : 0;`, parson json_value_get_type) only reads it: it borrows,
// and a block handed to it is still the caller's to free.
#include <stdlib.h>

typedef struct value {
  int type;
} value;

int value_type(const value *v) { return v ? v->type : 0; }
int value_kind(value *v) { return v ? v->type : -1; }

int check(int t) {
  value *v = malloc(sizeof *v); // alloc: scoped -- freed below
  if (!v)
    return -1;
  v->type = t;
  if (value_type(v) == 3)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'v' leaks when 'check' fails here; free it before returning [alloc-group-unwind]
  if (value_kind(v) == 4)
    return -1;
  // One warning per allocation: its other exits are notes.
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: 'v' also leaks at this exit
  free(v);
  return 0;
}

// Near miss: a conditional operator that hands its argument back (`return
// v ? v : fallback;`) may keep it: the caller's block is lent, not leaked.
value *fallback;
value *value_or(value *v) { return v ? v : fallback; }
int check_or(int t) {
  value *v = malloc(sizeof *v); // alloc: scoped -- lent to value_or
  if (!v)
    return -1;
  v->type = t;
  if (value_or(v)->type == 3)
    return -1;
  free(v);
  return 0;
}
