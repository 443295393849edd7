// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t -- \
// RUN:   --config="{CheckOptions: [{key: SummaryFile, value: '%S/Inputs/retains-summaries.yaml'}]}"

// A function that stores a parameter and takes a reference of its own to it
// (redis moduleInitKey: `kp->key = keyname; incrRefCount(keyname);`) leaves
// the caller's reference with the caller: it borrows, as the rest of its
// family does.  A retainer increments a reference count of the object
// (`o->refcount++`, inferred from its body) or says so in a rules or
// summaries file (`retains: [0]`).
#include <stdlib.h>

typedef struct obj { int refcount; int count; char *s; } obj;
typedef struct Ctx { int db; } Ctx;
void obj_release(obj *o); // defined in another unit: frees its argument
void ext_retain(obj *o);  // defined in another unit: retains its argument

void obj_retain(obj *o) {
  if (o->refcount < 1000)
    o->refcount++;
}

// Stored, then retained by a body of this unit: borrowed.
typedef struct Key { obj *key; int mode; } Key;
static void key_init(Key *kp, obj *keyname, int mode) {
  kp->key = keyname;
  obj_retain(keyname);
  kp->mode = mode;
}
void key_close(Key *k) { obj_release(k->key); free(k); }
Key *KEY_Open(Ctx *ctx, obj *keyname, int mode) {
  Key *kp = malloc(sizeof(*kp)); // alloc: returned -- closed by key_close
  if (!kp)
    return NULL;
  key_init(kp, keyname, mode);
  return kp;
}
int KEY_Exists(Ctx *ctx, obj *keyname) { return keyname->refcount > ctx->db; }
int KEY_Type(Ctx *ctx, obj *keyname) { return keyname->refcount + ctx->db; }

// Stored, then retained by another unit's function the summaries file
// describes: borrowed.
typedef struct Ref { obj *o; } Ref;
static void ref_init(Ref *r, obj *o) {
  r->o = o;
  ext_retain(o);
}
void ref_close(Ref *r) { obj_release(r->o); free(r); }
Ref *REF_Open(Ctx *ctx, obj *o) {
  Ref *r = malloc(sizeof(*r)); // alloc: returned -- closed by ref_close
  if (!r)
    return NULL;
  ref_init(r, o);
  return r;
}
int REF_Exists(Ctx *ctx, obj *o) { return o->refcount > ctx->db; }
int REF_Type(Ctx *ctx, obj *o) { return o->refcount + ctx->db; }

// Near miss: the callee increments a counter that is no reference count
// (`o->count++`): the store takes the caller's object, unlike the family.
void obj_touch(obj *o) { o->count++; }
typedef struct Cur { obj *o; } Cur;
static void cur_init(Cur *c, obj *o) {
  c->o = o;
  obj_touch(o);
}
void cur_close(Cur *c) { obj_release(c->o); free(c); }
Cur *CUR_Open(Ctx *ctx, obj *o) {
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'CUR_Open' takes ownership of 'o' (handed to 'cur_init', which keeps it), but the other functions of the 'CUR_' family leave it with the caller (they copy or borrow it): {{.*}} [alloc-ownership-inconsistent]{{$}}
  Cur *c = malloc(sizeof(*c)); // alloc: returned -- closed by cur_close
  if (!c)
    return NULL;
  cur_init(c, o);
  return c;
}
int CUR_Exists(Ctx *ctx, obj *o) { return o->refcount > ctx->db; }
int CUR_Type(Ctx *ctx, obj *o) { return o->refcount + ctx->db; }
