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
