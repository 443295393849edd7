// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// An eXosip2-like family on a context object: a constructor that hands the
// new object back through 'T **', a destroy function that frees it, and
// functions that borrow.  Constructors and destructors are not setters:
// neither is compared with the family's convention.
#include <stdlib.h>
#include <string.h>

struct ctx { int calls; };
typedef struct call { char *id; struct call *next; } call_t;

int xcall_init(struct ctx *c, call_t **out, const char *id) {
  *out = calloc(1, sizeof **out);
  if (*out == NULL)
    return -1;
  (*out)->id = strdup(id);
  c->calls++;
  return 0;
}

void xcall_free(struct ctx *c, call_t *call) {
  free(call->id);
  free(call);
  c->calls--;
}

int xcall_find(struct ctx *c, const char *id, call_t **out) {
  (void)c;
  (void)id;
  *out = NULL;
  return -1;
}

int xcall_match(struct ctx *c, const call_t *call, const char *id) {
  (void)c;
  return strcmp(call->id, id) == 0;
}

// Near miss: a member that keeps its value argument is still a setter, and
// still disagrees with the borrowing members.
struct ctx2 { call_t *current; };
void ycall_set(struct ctx2 *c, call_t *call) { c->current = call; }
// CHECK-MESSAGES: :[[@LINE-1]]:40: warning: 'ycall_set' takes ownership of 'call' (stored into 'c->current'), but the other functions of the 'ycall_' family leave it with the caller {{.*}} [alloc-ownership-inconsistent]{{$}}
int ycall_is(struct ctx2 *c, const call_t *call) { return c->current == call; }
int ycall_has(struct ctx2 *c, const call_t *call) { return c->current == call; }
void ycall_free(struct ctx2 *c, call_t *call) {
  if (c->current == call)
    c->current = NULL;
  free(call);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'call' is released with 'free', which leaks what its fields own: 'xcall_free' is the destroy function of its struct; release it with 'xcall_free' [alloc-ownership-inconsistent]{{$}}
}

// What makes 'c->current' an owning field here: the context's destroy
// function frees it.
void ctx2_destroy(struct ctx2 *c) {
  free(c->current);
  free(c);
}

// Near miss: the same family shape, but nothing frees 'c->current': it is
// a view of a call somebody else owns, and the family agrees.
struct ctx3 { call_t *current; };
void zcall_set(struct ctx3 *c, call_t *call) { c->current = call; }
int zcall_is(struct ctx3 *c, const call_t *call) { return c->current == call; }
int zcall_has(struct ctx3 *c, const call_t *call) { return c->current == call; }

// Near miss: linking a node into an intrusive list that nothing frees
// through, on some paths only (lwIP acd_add returns early when the node is
// already linked): not taking it on any path, so the family agrees.
struct node4 { struct node4 *next; int id; };
struct ctx4 { struct node4 *list; };
int znode_add(struct ctx4 *c, struct node4 *n) {
  for (struct node4 *m = c->list; m; m = m->next)
    if (m == n)
      return 0;
  n->next = c->list;
  c->list = n;
  return 0;
}
int znode_is(struct ctx4 *c, const struct node4 *n) { return c->list == n; }
int znode_has(struct ctx4 *c, const struct node4 *n) { return c->list == n; }

// The same shape into a list the context's destroy function frees through:
// linking it is taking it.
struct ctx5 { struct node4 *list; };
int wnode_add(struct ctx5 *c, struct node4 *n) {
// CHECK-MESSAGES: :[[@LINE-1]]:45: warning: 'wnode_add' takes ownership of 'n' (stored into 'c->list'), but the other functions of the 'wnode_' family leave it with the caller {{.*}} [alloc-ownership-inconsistent]{{$}}
  for (struct node4 *m = c->list; m; m = m->next)
    if (m == n)
      return 0;
  n->next = c->list;
  c->list = n;
  return 0;
}
int wnode_is(struct ctx5 *c, const struct node4 *n) { return c->list == n; }
int wnode_has(struct ctx5 *c, const struct node4 *n) { return c->list == n; }
void ctx5_destroy(struct ctx5 *c) {
  free(c->list);
  free(c);
}

// Near miss: a family a macro generates (BSD sys/tree.h SPLAY_GENERATE,
// libevent's evdns cache): INSERT links the node, REMOVE unlinks it; the
// names are pasted tokens, and there is no line of the user's to fix.
struct sp_node { struct sp_node *left; };
struct sp_head { struct sp_node *root; };
#define SP_GENERATE(name)                                                      \
  struct sp_node *name##_SP_INSERT(struct sp_head *h, struct sp_node *e) {     \
    e->left = h->root;                                                         \
    h->root = e;                                                               \
    return NULL;                                                               \
  }                                                                            \
  struct sp_node *name##_SP_REMOVE(struct sp_head *h, struct sp_node *e) {     \
    return h->root == e ? e : NULL;                                            \
  }
SP_GENERATE(cache)
void cache_free(struct sp_head *h) {
  free(h->root);
  free(h);
}

// Near misses: a node handed back through an out-parameter (curl
// Curl_splaygetbest's `*removed = t`), and one linked through a local that
// points at the tree's root field (nginx ngx_rbtree_insert's `root =
// &tree->root; ... *root = node;`), a field nothing frees: neither keeps
// the node.
struct tnode { struct tnode *left; int key; };
struct tree7 { struct tnode *root; };
int tree7_take_best(struct tree7 *t, struct tnode *n, struct tnode **removed) {
  if (t->root != n)
    return -1;
  t->root = NULL;
  *removed = n;
  return 0;
}
void tree7_insert(struct tree7 *t, struct tnode *n) {
  struct tnode **root = &t->root;
  if (*root == NULL) {
    *root = n;
    return;
  }
  n->left = *root;
}
int tree7_is(struct tree7 *t, const struct tnode *n) { return t->root == n; }
int tree7_has(struct tree7 *t, const struct tnode *n) { return t->root == n; }
