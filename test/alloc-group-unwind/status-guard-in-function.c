// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Cleanup guarded by a status variable: the code at 'exit' runs the frees
// only when 'result' says something failed (IoTivity
// BindResourceTypeToResource, ocstack.c).
#include <stdlib.h>
#include <string.h>

typedef enum { OK, NO_MEMORY, INVALID } result_t;
struct type { char *name; };
void insert_type(void *resource, struct type *t); // keeps t
int valid_name(const char *name);

result_t bind_type(void *resource, const char *name) {
  struct type *pointer = NULL;
  char *str = NULL;
  result_t result = INVALID;
  pointer = calloc(1, sizeof *pointer);
  if (!pointer) {
    result = NO_MEMORY;
    goto exit;
  }
  str = strdup(name);
  if (!str) {
    result = NO_MEMORY;
    goto exit;
  }
  pointer->name = str;
  insert_type(resource, pointer);
  result = OK;
exit:
  if (result != OK) {
    free(pointer);
    free(str);
  }
  return result;
}

// Near miss: the guard frees only after an allocation failure; a name
// rejected after both allocations leaves them behind.
result_t bind_checked(void *resource, const char *name) {
  struct type *pointer = NULL;
  char *str = NULL;
  result_t result = OK;
  pointer = calloc(1, sizeof *pointer);
  if (!pointer) {
    result = NO_MEMORY;
    goto exit;
  }
  str = strdup(name);
  if (!str) {
    result = NO_MEMORY;
    goto exit;
  }
  if (!valid_name(str)) {
    result = INVALID;
    goto exit;
  }
  pointer->name = str;
  insert_type(resource, pointer);
exit:
  if (result == NO_MEMORY) {
    free(pointer);
    free(str);
  }
  return result;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pointer' leaks {{.*}} [alloc-group-unwind]
  // CHECK-MESSAGES: :[[@LINE-2]]:3: warning: 'str' leaks {{.*}} [alloc-group-unwind]
}
