// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A return of a status known negative on its path is a failing exit
// (`int _ret = rv; if (_ret < 0) return _ret;`, OpenSC LOG_TEST_RET).
#include <stdlib.h>

#define TEST_RET(r)                                                            \
  do {                                                                         \
    int _ret = (r);                                                            \
    if (_ret < 0)                                                              \
      return _ret;                                                             \
  } while (0)

int op(const char *p);

int negative_status(void) {
  char *p = malloc(4);
  if (!p)
    return -1;
  int rv = op(p);
  TEST_RET(rv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' leaks when 'negative_status' fails here; free it before returning [alloc-group-unwind]
  free(p);
  return 0;
}

// Near miss: released before the test.
int released_first(void) {
  char *p = malloc(4);
  if (!p)
    return -1;
  int rv = op(p);
  free(p);
  TEST_RET(rv);
  return 0;
}
