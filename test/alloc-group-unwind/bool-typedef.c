// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// An integer type named as a boolean (cJSON's `typedef int cJSON_bool`,
// gboolean, BOOL) fails with 0, like C's bool: `return false` after a parse
// error is a failing exit, whatever the function returns last.
#include <stdlib.h>
#include <string.h>

typedef int json_bool;
#define true ((json_bool)1)
#define false ((json_bool)0)

struct item { char *key; int type; };

json_bool parse_key(struct item *item, const char *in) {
  char *key = malloc(strlen(in) + 1);
  if (key == NULL)
    return false;
  switch (*in) {
  case '"':
    strcpy(key, in + 1);
    item->key = key;
    return true;
  case '\0':
    return false;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'key' leaks when 'parse_key' fails here; free it before returning [alloc-group-unwind]{{$}}
  default:
    free(key);
    return false;
  }
}

// Near miss: an integer type named otherwise is a count, and 0 is no
// failure: the leak there is one of an exit that is not failing (the
// function frees the copy on its other paths).
typedef int item_count;
item_count count_keys(struct item *items, const char *in) {
  char *copy = malloc(strlen(in) + 1);
  if (copy == NULL)
    return -1;
  switch (*in) {
  case '"':
    free(copy);
    return 1;
  case '\0':
    return 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'copy' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]{{$}}
  default:
    free(copy);
    return 2;
  }
}
