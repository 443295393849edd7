// RUN: %check_alloc_tidy %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/takes-on-success-rules.yaml'}]}"

// 'takes-on-success' declared in a rules file, with the status class the
// function reports failure by: the caller owns the argument again where
// the status says the call failed.
#include <stdlib.h>
#include <string.h>

struct obj;
int lib_set_value_own(struct obj *o, char *value);

int set_name(struct obj *o, const char *name) {
  char *copy = strdup(name);
  if (copy == NULL)
    return -1;
  int rc = lib_set_value_own(o, copy);
  if (rc)
    return rc;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'copy' leaks when 'set_name' fails here; free it before returning [alloc-group-unwind]
  return 0;
}

// Near miss: freed where the call failed.
int set_name_fixed(struct obj *o, const char *name) {
  char *copy = strdup(name);
  if (copy == NULL)
    return -1;
  int rc = lib_set_value_own(o, copy);
  if (rc != 0)
    free(copy);
  return rc;
}
