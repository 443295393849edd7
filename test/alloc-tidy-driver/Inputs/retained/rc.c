#include <stdlib.h>
#include "rc.h"

void obj_retain(obj *o) { o->refcount++; }
void obj_touch(obj *o) { o->count++; }
void obj_release(obj *o) {
  free(o->s);
  free(o);
}
