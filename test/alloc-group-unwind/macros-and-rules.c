// RUN: %check_alloc_tidy %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/pool-rules.yaml'}]}"

// Allocations behind macros, and a project's allocators from a rules file.
#include <stdlib.h>

#define NEW(T) ((T *)calloc(1, sizeof(T)))
#define CHECK_OR(p, label) do { if (!(p)) goto label; } while (0)

struct conn { char *rx; char *tx; };
void *pool_get(unsigned long n);
void pool_put(void *p);

struct conn *conn_new(void) {
  struct conn *c = NEW(struct conn);
  if (!c)
    return NULL;
  c->rx = pool_get(512);
  if (!c->rx)
    return NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'c' leaks when allocation of 'c->rx' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  c->tx = pool_get(512);
  CHECK_OR(c->tx, fail);
  return c;
fail:
  pool_put(c->rx);
  free(c);
  return NULL;
}

// Without the rules file, pool_get is an unknown function: nothing to
// unwind for it, and pool_put(c->rx) hands c->rx over.  (The RUN line above
// loads it; the near miss below uses only libc.)
int libc_only(void) {
  char *a = NEW(char);
  CHECK_OR(a, none);
  free(a);
  return 0;
none:
  return -1;
}
