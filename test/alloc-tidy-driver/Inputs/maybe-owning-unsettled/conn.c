#include <stdlib.h>
struct obj;
struct obj *obj_new(void);
void obj_free(struct obj *o);
int obj_start(const struct obj *o);

struct conn { struct obj *bev; int state; };
struct conn *g_conn;

void conn_free(struct conn *c) {
  obj_free(c->bev);
  free(c);
}
/* Stores its object into a field freed through obj_free (libevent
   new_tcp_connection): the connection may own it. */
static struct conn *conn_new(struct obj *bev) {
  struct conn *c;
  if (!bev)
    return NULL;
  c = calloc(1, sizeof *c);
  if (!c)
    return NULL;
  c->bev = bev;
  return c;
}
int conn_connect(void) {
  struct conn *c = conn_new(obj_new());
  if (!c)
    return 2;
  g_conn = c;
  if (obj_start(c->bev))
    return 1;
  return 0;
}
/* Near miss: a field handed only to a reader stays a borrow. */
struct view { struct obj *bev; };
void obj_print(const struct obj *o);
void view_show(struct view *v) { obj_print(v->bev); }
static struct view *view_new(struct obj *bev) {
  struct view *v;
  if (!bev)
    return NULL;
  v = calloc(1, sizeof *v);
  if (!v)
    return NULL;
  v->bev = bev;
  return v;
}
struct view *g_view;
int view_open(void) {
  struct obj *o = obj_new();
  struct view *v = view_new(o);
  if (!v) {
    obj_free(o);
    return 2;
  }
  g_view = v;
  if (obj_start(o))
    return 1;
  return 0;
}
