// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// An out-parameter allocator that cleans up under a test of the status it
// returns (IoTivity ExtractKeyValueFromRequest: 'exit: if (result !=
// OC_STACK_OK) { OCFREE(*key) OCFREE(*value) } return result;') sets its
// out-parameters only on success: a caller that returns on failure leaks
// nothing.
#include <stdlib.h>
#include <string.h>

typedef enum { OK = 0, ERR = 1, NOMEM = 2 } status_t;
typedef struct req { const char *a, *b; } req_t;

status_t extract(const req_t *r, char **key, char **value) {
  status_t result = OK;
  if (r->a) {
    *key = strdup(r->a);
    if (*key == NULL) {
      result = NOMEM;
      goto exit;
    }
    *value = strdup(r->b);
    if (*value == NULL) {
      result = NOMEM;
      goto exit;
    }
  } else {
    result = ERR;
  }
exit:
  if (result != OK) {
    free(*key);
    *key = NULL;
    free(*value);
    *value = NULL;
  }
  return result;
}

int consume(const char *);

status_t handle(const req_t *r) {
  char *what = NULL, *details = NULL;
  status_t rc = extract(r, &what, &details);
  if (rc != OK)
    return rc;
  rc = consume(what) ? OK : ERR;
  free(what);
  free(details);
  return rc;
}

// Near miss: the same allocator, and a caller that returns on a later
// failure without freeing what it got.
status_t handle_leaky(const req_t *r) {
  char *what = NULL, *details = NULL;
  status_t rc = extract(r, &what, &details);
  if (rc != OK)
    return rc;
  if (!consume(what))
    return ERR;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'what' leaks {{.*}} [alloc-group-unwind]
  free(what);
  free(details);
  return OK;
}

// An accumulating parameter: the callee stores its node only when the
// caller's list is empty, and appends otherwise (IoTivity
// BuildResponseRepresentation).  A later call does not overwrite the
// first one's node, and the caller's one destroy releases them all.
typedef struct node { struct node *next; } node_t;

void node_destroy(node_t *l) {
  while (l) {
    node_t *next = l->next;
    free(l);
    l = next;
  }
}

status_t build(int n, node_t **list) {
  node_t *p = calloc(1, sizeof *p);
  if (n < 0) {
    node_destroy(p);
    return ERR;
  }
  if (!p)
    return NOMEM;
  if (!*list) {
    *list = p;
  } else {
    node_t *q = *list;
    while (q->next)
      q = q->next;
    q->next = p;
  }
  return OK;
}

status_t collect(int n) {
  node_t *all = NULL;
  status_t rc = OK;
  if (rc == OK)
    rc = build(0, &all);
  if (rc == OK)
    for (int i = 1; i < n && rc == OK; i++)
      rc = build(i, &all);
  if (rc == OK)
    rc = consume((const char *)all) ? OK : ERR;
  node_destroy(all);
  return rc;
}
