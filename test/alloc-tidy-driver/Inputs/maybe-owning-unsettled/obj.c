#include <stdlib.h>
/* A reference-counted object (libevent's bufferevent): freeing drops a
   reference and destroys through its operations on the last one, which no
   summary can settle. */
struct obj {
  int refs;
  void (*destroy)(struct obj *);
};
static void obj_destroy(struct obj *o) { free(o); }
struct obj *obj_new(void) {
  struct obj *o = calloc(1, sizeof *o);
  if (!o)
    return NULL;
  o->refs = 1;
  o->destroy = obj_destroy;
  return o;
}
void obj_free(struct obj *o) {
  if (--o->refs == 0)
    o->destroy(o);
}
