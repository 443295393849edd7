// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A callee that keeps its argument only when it succeeds, and a caller that
// frees the argument when it reports failure (c-ares ares_pipeevent_create
// after ares_event_update): the free depends on the taker's result, so it
// is not a second release.
#include <stdlib.h>

typedef enum { OK = 0, NOMEM = 1, BADARG = 2 } status_t;
struct loop { void *data; };

void loop_destroy(struct loop *l) {
  free(l->data);
  free(l);
}

// Keeps 'data' on success; the caller keeps it on failure.
status_t loop_add(struct loop *l, void *data)
    __attribute__((ownership_takes(malloc, 2)));
status_t loop_add(struct loop *l, void *data) {
  if (l == NULL || data == NULL)
    return BADARG;
  if (l->data != NULL)
    return NOMEM;
  l->data = data;
  return OK;
}

struct pipe { int fds[2]; };

struct pipe *pipe_create(struct loop *l) {
  struct pipe *p = calloc(1, sizeof *p);
  if (p == NULL)
    return NULL;
  status_t status = loop_add(l, p);
  if (status != OK) {
    free(p);
    return NULL;
  }
  return p;
}

int pipe_create2(struct loop *l) {
  struct pipe *p = calloc(1, sizeof *p);
  if (p == NULL)
    return -1;
  if (loop_add(l, p) != OK) {
    free(p);
    return -1;
  }
  return 0;
}

// Near miss: freed whatever the result.
void pipe_leaky(struct loop *l) {
  struct pipe *p = calloc(1, sizeof *p);
  if (p == NULL)
    return;
  loop_add(l, p);
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is freed after 'loop_add' took ownership of it at line [[@LINE-2]] {{.*}} [alloc-ownership-transfer]
}
