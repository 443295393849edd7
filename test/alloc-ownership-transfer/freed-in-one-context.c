// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A block freed on one branch and freed or used again after the branches
// join (OpenSC authentic_manage_sdo before 4bd2f2b: `if (rv != SC_SUCCESS)
// { free(data); LOG_TEST_RET(ctx, rv, ...); }` returns only when rv < 0,
// and the free after it runs again for a positive rv).  The analysis keys
// its contexts by the status that guards the free; the release (or use) is
// reported when any context reaching it had freed the block.
#include <stdlib.h>

int transmit(const unsigned char *p);
int check(void);

int manage(int n) {
  unsigned char *data = malloc(n);
  if (data == NULL)
    return -1;
  int rv = transmit(data);
  if (rv != 0) {
    free(data);
    if (rv < 0)
      return rv;
  }
  rv = check();
  free(data);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'data' is freed after it was freed by 'free' at line 20; release it once [alloc-ownership-transfer]
  return rv;
}

int use_after(int n, int rv) {
  char *d = malloc(n);
  if (d == NULL)
    return -1;
  if (rv)
    free(d);
  d[0] = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'd' is used after it was freed by 'free' at line 35 [alloc-ownership-transfer]
  free(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'd' is freed after it was freed by 'free' at line 35; release it once [alloc-ownership-transfer]
  return rv;
}

// Near miss: the two frees are under opposite tests of the same flag.
int manage_fixed(int n, int rv) {
  unsigned char *data = malloc(n);
  if (data == NULL)
    return -1;
  if (rv != 0)
    free(data);
  if (rv == 0)
    free(data);
  return rv;
}

// Near miss: the freeing path returns before the join.
int returns_first(int n) {
  unsigned char *data = malloc(n);
  if (data == NULL)
    return -1;
  int rv = transmit(data);
  if (rv != 0) {
    free(data);
    return rv;
  }
  free(data);
  return 0;
}

