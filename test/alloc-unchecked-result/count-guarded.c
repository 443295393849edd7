// RUN: %check_alloc_tidy %s alloc-unchecked-result %t

// An allocator that reports a count beside the block gives NULL with a
// count of 0: a use only under a test of that count needs no NULL check
// (c-ares channel_socket_list and ares_htable_asvp_keys, read as
// `for (i = 0; i < num; i++) list[i]`).
#include <stddef.h>
#include <stdlib.h>

struct table { int *items; size_t len; };

int *table_keys(const struct table *t, size_t *num) {
  *num = 0;
  if (t->len == 0)
    return NULL;
  int *out = malloc(t->len * sizeof *out);
  if (out == NULL)
    return NULL;
  for (size_t i = 0; i < t->len; i++)
    out[i] = t->items[i];
  *num = t->len;
  return out;
}

int visit(int key);

void walk(const struct table *t) {
  size_t num = 0;
  int *keys = table_keys(t, &num);
  for (size_t i = 0; i < num; i++) {
    int key = keys[i];
    visit(key);
  }
  if (num > 0)
    visit(keys[0]);
  free(keys);
}

// Near miss: the first key read without looking at the count.
void first(const struct table *t) {
  size_t num = 0;
  int *keys = table_keys(t, &num);
  visit(keys[0]);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'keys' from 'table_keys' at line [[@LINE-2]] is indexed without a NULL check{{.*}} [alloc-unchecked-result]
  free(keys);
}
