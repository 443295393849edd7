// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// A destroy function that frees its object's fields but never the object
// (hiredis redisFree before 847a201): the constructor's failure path hands
// the new object to it and drops it, so every object it destroys leaks.
#include <stdlib.h>
#include <string.h>

struct ctx {
  char *buf;
  char *name;
};

void ctx_free(struct ctx *c) {
  // CHECK-NOTES: :[[@LINE-1]]:27: warning: 'ctx_free' releases what the fields of 'c' own but never 'c' itself, and 'ctx_new' drops 'c' right after calling it: every object released this way leaks; free 'c' at the end of 'ctx_free' [alloc-ownership-inconsistent]
  // CHECK-NOTES: :30:5: note: 'ctx_new' hands its new 'c' to 'ctx_free' and then drops it
  if (c == NULL)
    return;
  free(c->buf);
  free(c->name);
}

struct ctx *ctx_new(const char *name) {
  struct ctx *c = calloc(1, sizeof(*c));
  if (c == NULL)
    return NULL;
  c->buf = malloc(64);
  c->name = strdup(name);
  if (c->buf == NULL || c->name == NULL) {
    ctx_free(c);
    return NULL;
  }
  return c;
}

// Near miss: the destroy function frees the object too.
struct conn {
  char *host;
};
void conn_free(struct conn *c) {
  free(c->host);
  free(c);
}
struct conn *conn_new(const char *host) {
  struct conn *c = calloc(1, sizeof(*c));
  if (c == NULL)
    return NULL;
  c->host = strdup(host);
  if (c->host == NULL) {
    conn_free(c);
    return NULL;
  }
  return c;
}

// Near miss: a clear, which callers follow with a release of their own.
struct buf {
  char *data;
};
void buf_clear(struct buf *b) { free(b->data); }
struct buf *buf_new(void) {
  struct buf *b = calloc(1, sizeof(*b));
  if (b == NULL)
    return NULL;
  b->data = malloc(16);
  if (b->data == NULL) {
    buf_clear(b);
    return NULL;
  }
  return b;
}
void buf_delete(struct buf *b) {
  buf_clear(b);
  free(b);
}

// Near miss: the object handed over is the caller's caller's.
struct msg {
  char *body;
};
void msg_reset(struct msg *m) { free(m->body); }
int msg_fill(struct msg *m, const char *body) {
  m->body = strdup(body);
  if (m->body == NULL) {
    msg_reset(m);
    return -1;
  }
  return 0;
}
