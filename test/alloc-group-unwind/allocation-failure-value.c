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

// Near miss: a positive status where an allocation failed (SQLite's
// SQLITE_NOMEM) says 0 is the success, not which other values fail; the
// error message an out-parameter carries on failure is the caller's
// (sqlite3 vtabCallConstructor).
__attribute__((malloc)) char *mprintf(const char *fmt, ...);
char *strdup(const char *s);
int construct(int (*x)(void), const char *name, char **pzErr) {
  int rc;
  char *mod = strdup(name); // alloc: scoped -- freed before returning
  if (!mod)
    return 7;
  rc = x();
  if (rc == 7) {
    *pzErr = mprintf("out of memory");
  } else if (rc != 0) {
    *pzErr = mprintf("constructor failed: %s", mod);
  }
  free(mod);
  return rc;
}
