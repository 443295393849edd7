// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// The shape of IoTivity's AddObserver (ocobserve.c in IoTivity 1.0.0): an
// observer node and its parts are allocated one by one, and a failure
// unwinds what was allocated so far and returns an error code.  The real
// function unwinds correctly, through one exit label, as add_observer_fixed
// below does; add_observer is a made-up variant whose hand-written branches
// forget the parts allocated earlier.
#include <stdlib.h>
#include <string.h>

typedef enum { OC_STACK_OK, OC_STACK_NO_MEMORY, OC_STACK_ERROR } OCStackResult;

typedef struct observer {
  int id;
  char *resUri;
  char *query;
  unsigned char *token;
  struct observer *next;
} observer_t;

static observer_t *observers;

OCStackResult add_observer(int id, const char *uri, const char *query,
                           const unsigned char *token, size_t len) {
  observer_t *node = calloc(1, sizeof *node);
  if (!node)
    return OC_STACK_NO_MEMORY; // nothing owned yet: fine
  node->id = id;
  node->resUri = strdup(uri);
  if (!node->resUri) {
    free(node);
    return OC_STACK_NO_MEMORY;
  }
  node->query = strdup(query);
  if (!node->query) {
    free(node->resUri);
    free(node);
    return OC_STACK_NO_MEMORY;
  }
  node->token = malloc(len);
  if (!node->token) {
    free(node);
    return OC_STACK_NO_MEMORY;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'node->query' leaks when allocation of 'node->token' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'node->resUri' leaks when allocation of 'node->token' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  }
  memcpy(node->token, token, len);
  node->next = observers;
  observers = node; // handed off to the global list: no longer owned here
  return OC_STACK_OK;
}

// The corrected form: one exit label unwinds every part; free() of the
// parts not yet allocated is free(NULL), which is harmless.
#define VERIFY_NON_NULL(p) do { if (!(p)) goto exit; } while (0)

OCStackResult add_observer_fixed(int id, const char *uri, const char *query,
                                 const unsigned char *token, size_t len) {
  observer_t *node = calloc(1, sizeof *node);
  VERIFY_NON_NULL(node);
  node->id = id;
  node->resUri = strdup(uri);
  VERIFY_NON_NULL(node->resUri);
  node->query = strdup(query);
  VERIFY_NON_NULL(node->query);
  node->token = malloc(len);
  VERIFY_NON_NULL(node->token);
  memcpy(node->token, token, len);
  node->next = observers;
  observers = node;
  return OC_STACK_OK;
exit:
  if (node) {
    free(node->resUri);
    free(node->query);
    free(node);
  }
  return OC_STACK_NO_MEMORY;
}
