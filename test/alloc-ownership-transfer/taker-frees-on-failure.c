// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A callee that stores its arguments where it succeeds and frees them itself
// where it fails takes them whatever it returns (unbound cfg_str2list_insert;
// views_apply_cfg before 4f5b93468 freed both strings again after a failed
// insert). Freeing them after the failed call frees them twice. A callee
// that leaves them with the caller where it fails (taker-failed.c) is the
// near miss: the caller's free after its failure is right.
#include <stdlib.h>
#include <string.h>

struct pair {
  char *key, *value;
  struct pair *next;
};

int pair_insert(struct pair **head, char *key, char *value) {
  struct pair *s;
  if (!key || !value) {
    free(key);
    free(value);
    return 0;
  }
  s = calloc(1, sizeof(*s));
  if (!s) {
    free(key);
    free(value);
    return 0;
  }
  s->key = key;
  s->value = value;
  s->next = *head;
  *head = s;
  return 1;
}

// Leaves the strings with the caller where it fails.
int pair_insert_keep(struct pair **head, char *key, char *value) {
  struct pair *s = calloc(1, sizeof(*s));
  if (!s)
    return 0;
  s->key = key;
  s->value = value;
  s->next = *head;
  *head = s;
  return 1;
}

int add_default(struct pair **list, const char *name) {
  char *key = strdup(name), *value;
  if (!key)
    return 0;
  value = strdup("nodefault");
  if (!value) {
    free(key);
    return 0;
  }
  if (!pair_insert(list, key, value)) {
    free(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'key' is freed after 'pair_insert' failed at line 58, but 'pair_insert' frees it itself where it fails ({{.*}}:17); remove this free [alloc-ownership-transfer]
    free(value);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'value' is freed after 'pair_insert' failed at line 58, but {{.*}} [alloc-ownership-transfer]
    return 0;
  }
  return 1;
}

// Near miss: the fix, nothing freed after the failed call.
int add_default_fixed(struct pair **list, const char *name) {
  char *key = strdup(name), *value;
  if (!key)
    return 0;
  value = strdup("nodefault");
  if (!value) {
    free(key);
    return 0;
  }
  if (!pair_insert(list, key, value))
    return 0;
  return 1;
}

// Near miss: this callee leaves them with the caller when it fails.
int add_default_keep(struct pair **list, const char *name) {
  char *key = strdup(name), *value;
  if (!key)
    return 0;
  value = strdup("nodefault");
  if (!value) {
    free(key);
    return 0;
  }
  if (!pair_insert_keep(list, key, value)) {
    free(key);
    free(value);
    return 0;
  }
  return 1;
}

// Near miss: the test is of an earlier result, before the call (SQLite
// vdbeSorterMergeTreeBuild: `if (rc == SQLITE_OK) { ... rc =
// vdbeIncrMergerNew(pTask, pRoot, ...); } else vdbeMergeEngineFree(pRoot);`
// in a loop that stops once rc fails).
#define PAIR_OK 1
int fill(char **key);
int add_all(struct pair **list, int n) {
  int rc = PAIR_OK;
  int i;
  for (i = 0; rc == PAIR_OK && i < n; i++) {
    char *key = NULL;
    char *value = strdup("v");
    rc = fill(&key) && value ? PAIR_OK : 0;
    if (rc == PAIR_OK) {
      rc = pair_insert(list, key, value);
    } else {
      free(key);
      free(value);
    }
  }
  return rc;
}
