// RUN: %check_alloc_tidy %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/destroy-rules.yaml'}]}"

// A destroy function the rules mark 'frees-fields' (osip_uri_free,
// osip_message_free) releases the strings stored in the object's fields, so
// unwinding through it leaks nothing; free() of the object alone leaks them.
#include <stdlib.h>
#include <string.h>

struct node { char *name; char *value; char *tag; };
void node_free(struct node *n);
void node_clear_name(struct node *n);
struct pair { char *k; char *v; };
void pair_clear(struct pair *p);

int free_alone(const char *s, const char *v) {
  struct node *n = calloc(1, sizeof *n);
  if (!n)
    return -1;
  n->name = strdup(s);
  if (!n->name) {
    free(n);
    return -1;
  }
  n->value = strdup(v);
  if (!n->value) {
    free(n); // free() does not free the fields
    return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'n->name' leaks when allocation of 'n->value' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  }
  node_free(n);
  return 0;
}

// Near miss: node_free frees the fields filled so far.
int destroy_unwinds(const char *s, const char *v) {
  struct node *n = calloc(1, sizeof *n);
  if (!n)
    return -1;
  n->name = strdup(s);
  if (!n->name) {
    node_free(n);
    return -1;
  }
  n->value = strdup(v);
  if (!n->value) {
    node_free(n);
    return -1;
  }
  node_free(n);
  return 0;
}

// node_clear_name frees only the field it names: 'tag' still leaks.
int clears_one_field(const char *s, const char *t, const char *v) {
  struct node *n = calloc(1, sizeof *n);
  if (!n)
    return -1;
  n->name = strdup(s);
  n->tag = strdup(t);
  n->value = strdup(v);
  if (!n->value) {
    node_clear_name(n);
    free(n);
    return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'n->tag' leaks when allocation of 'n->value' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  }
  node_free(n);
  return 0;
}

// Near miss: a local struct whose fields a destroy function frees through
// its address.
int local_pair(const char *k, const char *v) {
  struct pair p;
  p.k = strdup(k);
  if (!p.k)
    return -1;
  p.v = strdup(v);
  if (!p.v) {
    pair_clear(&p);
    return -1;
  }
  pair_clear(&p);
  return 0;
}
