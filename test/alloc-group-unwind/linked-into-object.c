// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Memory linked into an object (a setter that stores it into a field
// nothing frees: NanoNNG `nng_msg_set_proto_data(tmsg, NULL, list_len)`)
// goes wherever that object goes: handed on with the message, it is no
// longer this function's to free.  Near misses: the object freed while the
// memory is still linked into it leaves the memory with the function, which
// leaks it; memory linked into the caller's object stays the function's
// (destructor-callback.c's views).
#include <stdlib.h>

struct msg { void *proto; int n; };
struct aio { struct msg *m; };

void msg_set_proto(struct msg *m, void *p) { m->proto = p; }
void aio_set_msg(struct aio *a, struct msg *m) { a->m = m; }
void aio_finish(struct aio *a, struct msg *m);
int msg_alloc(struct msg **out) {
  struct msg *m = calloc(1, sizeof *m);
  if (!m)
    return -1;
  *out = m;
  return 0;
}

int put(struct aio *aio) {
  int *len = malloc(sizeof *len);
  if (len == NULL)
    return -1;
  *len = 3;
  struct msg *m;
  if (msg_alloc(&m) != 0 || m == NULL) {
    free(len);
    return -1;
  }
  msg_set_proto(m, len);
  aio_finish(aio, m);
  return 0;
}

// Linked on into the caller's object: the message is not released on any
// path, nor is the memory linked into it.
int put_linked(struct aio *aio) {
  int *len = malloc(sizeof *len);
  if (len == NULL)
    return -1;
  struct msg *m;
  if (msg_alloc(&m) != 0) {
    free(len);
    return -1;
  }
  msg_set_proto(m, len);
  aio_set_msg(aio, m);
  return 0;
}

int put_freed(void) {
  int *len = malloc(sizeof *len);
  if (len == NULL)
    return -1;
  struct msg *m = malloc(sizeof *m);
  if (m == NULL) {
    free(len);
    return -1;
  }
  msg_set_proto(m, len);
  free(m);
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'len' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]{{$}}
}

int put_view(struct msg *m) {
  int *len = malloc(sizeof *len);
  if (len == NULL)
    return -1;
  if (m->n < 0) {
    free(len);
    return -1;
  }
  msg_set_proto(m, len);
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'len' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]{{$}}
}

// Near miss: a function that links its object into itself (a self pointer)
// and reads a string given with it: the object is not linked into the
// string, and both leak when a later allocation fails.
struct conn { struct conn *self; int n; };
void conn_send(struct conn *c, char *hdr) {
  c->self = c;
  c->n = hdr[0];
}

int request(int n) {
  struct conn *c = malloc(sizeof *c);
  if (!c)
    return -1;
  char *hdr = malloc(16);
  if (!hdr) {
    free(c);
    return -1;
  }
  hdr[0] = 'x';
  conn_send(c, hdr);
  char *body = malloc(n);
  if (!body)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'c' leaks when allocation of 'body' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'hdr' leaks when allocation of 'body' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  free(body);
  free(hdr);
  free(c);
  return 0;
}
