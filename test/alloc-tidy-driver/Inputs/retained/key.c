#include <stdlib.h>
#include "rc.h"

typedef struct Key { obj *key; } Key;
void key_init(Key *kp, obj *keyname) {
  kp->key = keyname;
  obj_retain(keyname);
}
void key_close(Key *k) { obj_release(k->key); free(k); }
Key *KEY_Open(Ctx *ctx, obj *keyname) {
  Key *kp = malloc(sizeof(*kp)); // alloc: returned -- closed by key_close
  if (!kp)
    return NULL;
  key_init(kp, keyname);
  return kp;
}
int KEY_Exists(Ctx *ctx, obj *keyname) { return keyname->refcount > ctx->db; }
int KEY_Type(Ctx *ctx, obj *keyname) { return keyname->refcount + ctx->db; }

typedef struct Cur { obj *o; } Cur;
static void cur_init(Cur *c, obj *o) {
  c->o = o;
  obj_touch(o);
}
void cur_close(Cur *c) { obj_release(c->o); free(c); }
Cur *CUR_Open(Ctx *ctx, obj *o) {
  Cur *c = malloc(sizeof(*c)); // alloc: returned -- closed by cur_close
  if (!c)
    return NULL;
  cur_init(c, o);
  return c;
}
int CUR_Exists(Ctx *ctx, obj *o) { return o->refcount > ctx->db; }
int CUR_Type(Ctx *ctx, obj *o) { return o->refcount + ctx->db; }
