// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A function that returns nothing and frees or hands on a pointer parameter
// along some paths owns it: its callers cannot tell whether it did. An early
// return that neither frees nor keeps it leaks it (unbound
// rpz_insert_qname_trigger before 6289806f4 returned early for SOA records
// without freeing dname, which it frees or stores on its other paths). Only
// where every caller is in sight and calls it directly: a static function
// whose address is not taken (a callback's contract is its framework's).
#include <stdlib.h>

struct zones {
  unsigned char *names[16];
  int n;
};

void zones_add(struct zones *z, unsigned char *name) {
  if (z->n == 16) {
    free(name);
    return;
  }
  z->names[z->n++] = name;
}

static void insert_trigger(struct zones *z, unsigned char *dname, int type) {
  if (type == 1) {
    free(dname);
    return;
  }
  if (type == 6 || type == 2)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'dname' is neither freed nor kept at this return, though 'insert_trigger' frees or hands it on along its other paths; 'insert_trigger' returns nothing, so its callers cannot tell: free it here too [alloc-group-unwind]
  zones_add(z, dname);
}

// The same after a helper that walks the name (`d += len`, unbound
// dname_count_labels): the helper only reads it.
int count_labels(unsigned char *d) {
  unsigned char len;
  int labs = 1;
  len = *d++;
  while (len) {
    labs++;
    d += len;
    len = *d++;
  }
  return labs;
}

static void insert_trigger_counted(struct zones *z, unsigned char *dname, int type) {
  int labs = count_labels(dname);
  if (type == 1 || labs > 127) {
    free(dname);
    return;
  }
  if (type == 6)
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'dname' is neither freed nor kept at this return, {{.*}} [alloc-group-unwind]
  zones_add(z, dname);
}

// Near miss: the fix.
static void insert_trigger_fixed(struct zones *z, unsigned char *dname, int type) {
  if (type == 1 || type == 6 || type == 2) {
    free(dname);
    return;
  }
  zones_add(z, dname);
}

// Near miss: a reference drop frees only the last reference.
struct obj {
  int refs;
  char *data;
};
void obj_unref(struct obj *o) {
  if (!o)
    return;
  if (--o->refs > 0)
    return;
  free(o->data);
  free(o);
}

// Near miss: a function that reports failure leaves its caller to decide
// (taker-failed.c, takes-on-success).
int zones_try_add(struct zones *z, unsigned char *name) {
  if (z->n == 16)
    return -1;
  z->names[z->n++] = name;
  return 0;
}

// Near miss: released only at the end under a condition, no early return.
void maybe_release(unsigned char *name, int done) {
  if (done)
    free(name);
}

// Near misses: the same shape as a callback (its address is taken: nginx's
// pool cleanup ngx_cleanup_environment leaks on purpose while environ still
// uses the block), and as an externally visible function.
static void cleanup_env(unsigned char *env, int in_use) {
  if (in_use)
    return;
  free(env);
}
void (*cleanup_handler)(unsigned char *, int) = cleanup_env;

void insert_trigger_extern(struct zones *z, unsigned char *dname, int type) {
  if (type == 1) {
    free(dname);
    return;
  }
  if (type == 6)
    return;
  zones_add(z, dname);
}

void use_triggers(struct zones *z, unsigned char *a, unsigned char *b,
                  unsigned char *c) {
  insert_trigger(z, a, 1);
  insert_trigger_counted(z, b, 1);
  insert_trigger_fixed(z, c, 1);
}
