// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A variable that walks a list holds one of several blocks the function
// did not allocate; once it is freed, it is still the freed block until it
// is given another value (libucl ucl_include_file_single before 8b0d3d4:
// two `if`s where the second should be `else if` read `cur_var->var` after
// the first freed `cur_var`).
#include <stdlib.h>
#include <string.h>

struct variable {
  char *var;
  char *value;
  struct variable *next;
};

void restore_vars(struct variable **head, int curdir, int filename) {
  struct variable *cur, *tmp;
  for (cur = *head; cur && (tmp = cur->next, 1); cur = tmp) {
    if (strcmp(cur->var, "CURDIR") == 0 && curdir) {
      free(cur->var);
      free(cur->value);
      free(cur);
    }
    if (strcmp(cur->var, "FILENAME") == 0 && filename) {
      // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'cur' is used after it was freed by 'free' at line [[@LINE-3]] [alloc-ownership-transfer]{{$}}
      // CHECK-MESSAGES: :[[@LINE-4]]:7: note: freed here
      free(cur->var);
      free(cur->value);
      free(cur);
    }
  }
}

// The fix: one element is freed once per iteration, and the next iteration
// reads the next element.
void restore_vars_fixed(struct variable **head, int curdir, int filename) {
  struct variable *cur, *tmp;
  for (cur = *head; cur && (tmp = cur->next, 1); cur = tmp) {
    if (strcmp(cur->var, "CURDIR") == 0 && curdir) {
      free(cur->var);
      free(cur->value);
      free(cur);
    } else if (strcmp(cur->var, "FILENAME") == 0 && filename) {
      free(cur->var);
      free(cur->value);
      free(cur);
    }
  }
}

// Near miss: the variable is given the next element before it is read
// again.
void drop_all(struct variable *list) {
  struct variable *cur = list;
  while (cur) {
    struct variable *next = cur->next;
    free(cur->var);
    free(cur);
    cur = next;
    if (cur && strcmp(cur->var, "END") == 0)
      break;
  }
}
