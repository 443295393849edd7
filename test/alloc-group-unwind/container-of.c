// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// container_of: a function handed the address of an embedded member gets
// its block back (`req = (struct req *)((char *)p - offsetof(struct req,
// base))`, libevent evdns TO_SERVER_REQUEST) and may free it
// (evdns_server_request_drop).  Its summary frees the argument; a caller
// handing it `&r->base` frees r.
#include <stddef.h>
#include <stdlib.h>

struct pub {
  int flags;
};
struct req {
  char *response;
  struct pub base;
};
#define TO_REQ(p) ((struct req *)(((char *)(p)) - __builtin_offsetof(struct req, base)))

static void req_free(struct req *r) {
  free(r->response);
  free(r);
}
int request_drop(struct pub *p) {
  struct req *r = TO_REQ(p);
  req_free(r);
  return 0;
}
int request_flags(struct pub *p) {
  struct req *r = TO_REQ(p);
  return r->base.flags;
}

int parse(int fd) {
  struct req *r = calloc(1, sizeof *r);
  if (!r)
    return -1;
  if (fd < 0) {
    request_drop(&r->base);
    return -1;
  }
  if (fd == 0) {
    free(r);
    return -2;
  }
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'r' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-13]]:19: note: 'r' allocated here
  // CHECK-MESSAGES: :[[@LINE-9]]:5: note: released on the path to this exit
}

// Near miss: the container is only read through the member's address.
int parse_read(int fd) {
  struct req *r = calloc(1, sizeof *r);
  if (!r)
    return -1;
  if (request_flags(&r->base) < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'r' leaks when 'parse_read' fails here; free it before returning [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-6]]:19: note: 'r' allocated here
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: on the path where this fails
  free(r);
  return 0;
}

// A function that takes the container back and frees it on some paths only
// (evdns_server_request_respond frees the request or queues it): its
// summary leaves the argument unsettled, and the block is no longer this
// function's alone.
struct queue {
  struct req *pending;
};
int request_respond(struct queue *q, struct pub *p, int err) {
  struct req *r = TO_REQ(p);
  if (err) {
    q->pending = r;
    return 1;
  }
  req_free(r);
  return 0;
}
int parse_respond(struct queue *q, int fd) {
  struct req *r = calloc(1, sizeof *r);
  if (!r)
    return -1;
  if (fd < 0) {
    request_respond(q, &r->base, 1);
    return -1;
  }
  if (fd == 0) {
    free(r);
    return -2;
  }
  q->pending = r;
  return 0;
}
