// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A getter inferred from its body (`return c->field;`) lends what the
// object holds: freeing the result frees the object's memory.  A 'void *'
// field is different: it is the context pointer the object hands back to
// whoever registered it (redis connGetPrivateData: the cluster link that
// owns the connection), and freeing it is that owner's business.
#include <stdlib.h>

struct conn {
  void *private_data;
  char *name;
};

void *conn_get_private(struct conn *c) { return c->private_data; }
char *conn_get_name(struct conn *c) { return c->name; }

struct link {
  struct conn *conn;
  char *peer;
};

void on_error(struct conn *c) {
  struct link *l = conn_get_private(c);
  free(l->peer);
  free(l);
}

void drop_name(struct conn *c) {
  char *n = conn_get_name(c);
  free(n);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'n' is freed but 'conn_get_name' only lends it ({{.*}}inferred-getter.c{{.*}}:16: returns borrowed); do not free it [alloc-ownership-transfer]{{$}}
}

// Near miss: the function takes the pointer out of the object first
// (NanoNNG mqtt_pipe_fini: `msg = nni_aio_get_msg(&p->aio);
// nni_aio_set_msg(&p->aio, NULL); nni_msg_free(msg);`): what it frees is
// no longer the object's.
void conn_set_name(struct conn *c, char *n) { c->name = n; }

void take_name(struct conn *c) {
  char *n = conn_get_name(c);
  conn_set_name(c, NULL);
  free(n);
}
