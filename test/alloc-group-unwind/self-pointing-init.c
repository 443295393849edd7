// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// An initialiser that points a member into the object itself (`r->data =
// (char *)r + a`, unbound regional_init) keeps nothing of its argument: the
// constructor that calls it still returns fresh memory, and a caller that
// loses it on a failing exit leaks it (unbound rpz_create before a87f05be7).
#include <stdlib.h>

struct regional {
  char *data;
  size_t first_size;
  char *next;
};

static void regional_init(struct regional *r) {
  r->data = (char *)r + sizeof(struct regional);
  r->next = NULL;
}

struct regional *regional_create(size_t size) {
  struct regional *r = malloc(size);
  if (!r)
    return NULL;
  r->first_size = size;
  regional_init(r);
  return r;
}

void regional_destroy(struct regional *r) { free(r); }

struct rpz {
  struct regional *region;
  char *taglist;
};

struct rpz *rpz_create(int bad) {
  struct rpz *r = calloc(1, sizeof(*r));
  if (!r)
    goto err;
  r->region = regional_create(4096);
  if (!r->region)
    goto err;
  if (bad)
    goto err;
  return r;
err:
  free(r);
  return NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'r->region' leaks when 'rpz_create' fails here; free it before returning [alloc-group-unwind]
}

// Near miss: the error label releases the region too (the fix).
struct rpz *rpz_create_fixed(int bad) {
  struct rpz *r = calloc(1, sizeof(*r));
  if (!r)
    goto err;
  r->region = regional_create(4096);
  if (!r->region)
    goto err;
  if (bad)
    goto err;
  return r;
err:
  if (r) {
    if (r->region)
      regional_destroy(r->region);
    free(r);
  }
  return NULL;
}

