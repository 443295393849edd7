// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A pointer cleared where it was released (`zfree(newargv); newargv =
// NULL;`, redis migrateCommand) and released again where the paths join
// frees NULL on the paths that released it: no double free, even when
// another pointer still holds the block.  Without the clearing it is one.
#include <stdlib.h>

int check(void);
void log_ptr(const char **p);

int migrate(void) {
  char **v = malloc(16);
  char **first;
  if (!v)
    return -1;
  first = v;
  if (check()) {
    free(v);
    v = NULL;
  }
  free(v);
  log_ptr((const char **)first);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' is used after it was freed by 'free' at line 22 [alloc-ownership-transfer]{{$}}
  return 0;
}

int migrate_uncleared(void) {
  char **v = malloc(16);
  char **first;
  if (!v)
    return -1;
  first = v;
  if (check())
    free(v);
  free(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' is freed after it was freed by 'free' at line 35; release it once [alloc-ownership-transfer]{{$}}
  (void)first;
  return 0;
}

// Near miss: in a loop, the NULL is the first iteration's and the block the
// previous iteration's, handed over and not cleared (IoTivity
// BuildActionSetFromString frees the action it gave AddAction).
struct set { char *head; };
void add_action(struct set *s, char *a) __attribute__((ownership_holds(malloc, 2)));
int build(struct set *s, int n) {
  char *action = NULL;
  for (int i = 0; i < n; i++) {
    if (check()) {
      if (action)
        free(action);
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'action' is freed after 'add_action' took ownership of it at line 58 {{.*}}: remove this free [alloc-ownership-transfer]{{$}}
      action = malloc(8);
      if (!action)
        return -1;
    }
    add_action(s, action);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'action' is handed over again after 'add_action' took ownership of it at line 58 {{.*}}: copy it before the first call [alloc-ownership-transfer]{{$}}
  }
  return 0;
}
