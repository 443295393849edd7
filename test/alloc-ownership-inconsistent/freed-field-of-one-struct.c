// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'libc;%S/Inputs/user-free.yaml'}]}"

// A destroy function of another unit (here a rules file) frees the `user`
// field of the structure its parameter points to (redis RM_FreeModuleUser
// frees `user->user`): that structure's field owns what it holds, and a
// family's setter storing into it takes ownership.  A field of the same
// name in another structure (redis RedisModuleCtx's `user`, a borrowed
// pointer) owns nothing.
struct item {
  int key;
};
struct table {
  struct item *user;
  int n;
};
void table_free(struct table *t);
void tab_init(struct item *it, int key) { it->key = key; }
int tab_has(struct table *t, const struct item *it) { return t->n > it->key; }
void tab_put(struct table *t, struct item *it) { t->user = it; }
void tab_feed(struct table *t, struct item *it) { t->n += it->key; }
// CHECK-MESSAGES: :[[@LINE-2]]:44: warning: 'tab_put' takes ownership of 'it' (stored into 't->user'), but the other functions of the 'tab_' family leave it with the caller (they copy or borrow it): {{.*}} [alloc-ownership-inconsistent]{{$}}
// CHECK-MESSAGES: :[[@LINE-4]]:49: note: 'tab_has' only borrows 'it'
// CHECK-MESSAGES: :[[@LINE-3]]:45: note: 'tab_feed' only borrows 'it'
// CHECK-MESSAGES: :[[@LINE-5]]:1: note: declare the contract to keep it

// Near miss: the context's `user` is a view of an item someone else frees.
struct ctx {
  struct item *user;
  int n;
};
void ctx_init(struct item *it, int key) { it->key = key + 1; }
int ctx_has(struct ctx *c, const struct item *it) { return c->n > it->key; }
void ctx_put(struct ctx *c, struct item *it) { c->user = it; }
void ctx_feed(struct ctx *c, struct item *it) { c->n += it->key; }

// A field of a union the object holds by value (parson JSON_Value's
// `value.string`, freed by json_value_free): the object's own.
union box_value {
  struct item *name;
  int n;
};
struct box {
  union box_value v;
  int n;
};
void box_free(struct box *b);
void box_init(struct item *it, int key) { it->key = key - 1; }
int box_has(struct box *b, const struct item *it) { return b->n > it->key; }
void box_put(struct box *b, struct item *it) { b->v.name = it; }
void box_feed(struct box *b, struct item *it) { b->n += it->key; }
// CHECK-MESSAGES: :[[@LINE-2]]:42: warning: 'box_put' takes ownership of 'it' (stored into 'b->v.name'), but the other functions of the 'box_' family leave it with the caller (they copy or borrow it): {{.*}} [alloc-ownership-inconsistent]{{$}}
// CHECK-MESSAGES: :[[@LINE-4]]:47: note: 'box_has' only borrows 'it'
// CHECK-MESSAGES: :[[@LINE-3]]:43: note: 'box_feed' only borrows 'it'
// CHECK-MESSAGES: :[[@LINE-5]]:1: note: declare the contract to keep it
