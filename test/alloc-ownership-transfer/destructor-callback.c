// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A call handed a deallocator as an argument (a destructor callback) holds
// the pointers it receives, unless its contract says otherwise: a setter
// whose body only stores the callback borrows the object it installs it in
// (hiredis redisSetPushCallback(c, redisPushAutoFree), then redisFree(c)).
#include <stdlib.h>

typedef void (push_fn)(void *privdata, void *reply);
struct ctx { push_fn *push_cb; char *name; };

void reply_free(void *privdata, void *reply) { (void)privdata; free(reply); }

push_fn *set_push_callback(struct ctx *c, push_fn *fn) {
  push_fn *old = c->push_cb;
  c->push_cb = fn;
  return old;
}

// Hands the data on to a function without a body: what becomes of it is
// unknown, and it is handed the deallocator with it, so it holds the data.
void register_data(struct ctx *c, void *data, void (*dtor)(void *));
void set_data(struct ctx *c, void *data, void (*dtor)(void *)) {
  register_data(c, data, dtor);
}

int install(void) {
  struct ctx *c = calloc(1, sizeof *c); /* alloc: scoped */
  if (!c)
    return -1;
  set_push_callback(c, reply_free);
  free(c);
  return 0;
}

int hand_over(struct ctx *c) {
  char *data = malloc(16); /* alloc: stored -- c's data, freed by its dtor */
  if (!data)
    return -1;
  set_data(c, data, free);
  free(data);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'data' is freed after 'set_data' took ownership of it {{.*}} [alloc-ownership-transfer]
  return 0;
}
