// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/never-positive.yaml'}]}"

// `never-positive` declared in a rules file: `rv != 0` after the call is
// `rv < 0`, and the status macro returns for sure.
#include <stdlib.h>

#define TEST_RET(r)                                                            \
  do {                                                                         \
    int _ret = (r);                                                            \
    if (_ret < 0)                                                              \
      return _ret;                                                             \
  } while (0)

int process_fci(const char *buf); // rules: never-positive
int transmit(const char *buf);    // no rules: may return a positive value

int current(int n) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  int rv = process_fci(buf);
  if (rv != 0) {
    free(buf);
    TEST_RET(rv);
  }
  buf[0] = 0;
  free(buf);
  return 0;
}

int sent(int n) {
  char *buf = malloc(n);
  if (!buf)
    return -1;
  int rv = transmit(buf);
  if (rv != 0) {
    free(buf);
    TEST_RET(rv);
  }
  buf[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'buf' is used after it was freed by 'free' at line 38 [alloc-ownership-transfer]
  free(buf);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'buf' is freed after it was freed by 'free' at line 38; release it once [alloc-ownership-transfer]
  return 0;
}
