// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A function whose last statement is no return (an if/else chain, each
// branch returning) gives no success value; what it returns where one of
// its allocations was found NULL is a failure, and a later return of that
// value that still owns memory leaks it (unbound
// inplace_cb_register_wrapped before 41ab788: `else { return 0; }` for an
// unknown callback type, with the pair just allocated).
#include <stdlib.h>

struct pair {
  void *cb;
  void *arg;
};
int cb_register(void (*fn)(void), int type, void *arg); // takes arg on success

static void reply(void) {}
static void query(void) {}

int register_wrapped(void *cb, int type, void *arg) {
  struct pair *pair = malloc(sizeof(*pair)); // alloc: stored -- the registry keeps it
  if (pair == NULL)
    return 0;
  pair->cb = cb;
  pair->arg = arg;
  if (type == 1) {
    return cb_register(reply, type, pair);
  } else if (type == 2) {
    return cb_register(query, type, pair);
  } else {
    return 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pair' leaks when 'register_wrapped' fails here; free it before returning [alloc-group-unwind]
  }
}

// Near miss: the fix.
int register_wrapped_fixed(void *cb, int type, void *arg) {
  struct pair *pair = malloc(sizeof(*pair)); // alloc: stored -- the registry keeps it
  if (pair == NULL)
    return 0;
  pair->cb = cb;
  pair->arg = arg;
  if (type == 1) {
    return cb_register(reply, type, pair);
  } else {
    free(pair);
    return 0;
  }
}
