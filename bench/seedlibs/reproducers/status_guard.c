#include <stdlib.h>
#include <string.h>
typedef enum { OK, NO_MEMORY, ERROR } result_t;
struct type { char *name; };
void insert_type(void *resource, struct type *t); /* keeps t */

/* IoTivity's BindResourceTypeToResource (ocstack.c): the cleanup at 'exit'
   runs only when result says something failed.  Correct code. */
result_t bind_type(void *resource, const char *name) {
  struct type *pointer = NULL;
  char *str = NULL;
  result_t result = ERROR;
  pointer = calloc(1, sizeof *pointer); // alloc: stored -- kept by the resource
  if (!pointer) {
    result = NO_MEMORY;
    goto exit;
  }
  str = strdup(name); // alloc: stored -- kept by the resource
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
