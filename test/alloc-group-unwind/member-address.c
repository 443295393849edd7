// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A constructor that allocates a private structure and hands out the
// address of its public member, through a local (libevent
// bufferevent_socket_new: `bufev = &bufev_p->bev; ... return bufev;`): the
// block goes to the caller with that pointer, as `return &p->bev` would.
#include <stdlib.h>

struct pub { int fd; };
struct priv { struct pub bev; int refcnt; };
int lock_alloc(int *refcnt);
static int init_common(struct priv *p) {
  p->refcnt = 1;
  return lock_alloc(&p->refcnt);
}

struct pub *socket_new(int fd) {
  struct priv *p;
  struct pub *bev;
  if ((p = calloc(1, sizeof *p)) == NULL)
    return NULL;
  if (init_common(p) < 0) {
    free(p);
    return NULL;
  }
  bev = &p->bev;
  bev->fd = fd;
  return bev;
}

struct pub *socket_new2(int fd) {
  struct priv *p = calloc(1, sizeof *p);
  if (p == NULL)
    return NULL;
  struct pub *bev = &p->bev;
  bev->fd = fd;
  return bev;
}

// Near miss: the member's address is kept only in the local; the function
// fails and the block is lost.
int socket_probe(int fd) {
  struct priv *p = calloc(1, sizeof *p);
  if (p == NULL)
    return -1;
  struct pub *bev = &p->bev;
  bev->fd = fd;
  if (fd < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' leaks when 'socket_probe' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(p);
  return 0;
}

// The address of a nested member handed to a function that may keep or
// free the block (libevent `bufferevent_free(downcast(bufev))`, downcast
// being `&(b)->bev.bev`): the block is no longer the function's alone.
struct wrapper { struct priv bev; char *name; };
void pub_free(struct pub *b);
void pub_print(const struct pub *b);
struct wrapper *wrapper_new(const char *name) {
  struct wrapper *w = calloc(1, sizeof *w);
  if (!w)
    return NULL;
  if (name[0] == 0) {
    pub_free(&w->bev.bev);
    return NULL;
  }
  return w;
}

// Near miss: a function that only reads through the member's address.
struct wrapper *wrapper_new2(const char *name) {
  struct wrapper *w = calloc(1, sizeof *w);
  if (!w)
    return NULL;
  if (name[0] == 0) {
    pub_print(&w->bev.bev);
    return NULL;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'w' leaks when 'wrapper_new2' fails here; free it before returning [alloc-group-unwind]{{$}}
  }
  return w;
}

// Near miss: a member that is not the first (`pthread_mutex_init(&s->lock)`)
// lets the callee write there, not hold the block.
struct wrapper3 { char *name; struct pub bev; };
struct wrapper3 *wrapper_new3(const char *name) {
  struct wrapper3 *w = calloc(1, sizeof *w);
  if (!w)
    return NULL;
  if (name[0] == 0) {
    pub_free(&w->bev);
    return NULL;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'w' leaks when 'wrapper_new3' fails here; free it before returning [alloc-group-unwind]{{$}}
  }
  return w;
}

// Through a function pointer, the address of any embedded member: the
// callback may take its container back (libevent evdns
// `port->user_callback(&server_req->base, port->user_data)`, answered with
// evdns_server_request_respond, which frees the request).
struct port {
  void (*user_callback)(struct pub *req, void *arg);
  void *user_data;
};
int request_parse(struct port *port, int fd) {
  struct wrapper3 *req = calloc(1, sizeof *req);
  if (!req)
    return -1;
  if (fd < 0) {
    free(req);
    return -1;
  }
  req->bev.fd = fd;
  port->user_callback(&req->bev, port->user_data);
  return 0;
}

// Near miss: a member that is no embedded object (a number) handed to the
// callback: the request is still this function's.
struct port2 {
  void (*user_callback)(int *fd, void *arg);
  void *user_data;
};
int request_parse2(struct port2 *port, int fd) {
  struct priv *req = calloc(1, sizeof *req);
  if (!req)
    return -1;
  port->user_callback(&req->refcnt, port->user_data);
  if (fd < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'req' leaks when 'request_parse2' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(req);
  return 0;
}
