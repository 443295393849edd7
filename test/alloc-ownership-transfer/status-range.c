// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A status tested against a bound keeps what the test taught on that
// branch: after `if (rv < 0)`, the macro's own copy `_ret = rv; if (_ret <
// 0) return _ret;` (OpenSC LOG_TEST_RET) returns for sure, so a free just
// before it is not followed by the code after the branch.  After `if (rv !=
// 0)` a positive status goes on past the macro (OpenSC
// authentic_manage_sdo before 4bd2f2b).
#include <stdlib.h>

#define TEST_RET(r)                                                            \
  do {                                                                         \
    int _ret = (r);                                                            \
    if (_ret < 0)                                                              \
      return _ret;                                                             \
  } while (0)

struct file {
  int size;
  char *name;
};

void file_free(struct file *f) {
  if (f == NULL)
    return;
  free(f->name);
  free(f);
}
int select_file(struct file **out); // no body: fills *out
int challenge(void);

int update_nonzero(void) {
  struct file *file = NULL;
  int rv = select_file(&file);
  if (rv)
    return rv;
  rv = challenge();
  if (rv != 0) {
    file_free(file);
    TEST_RET(rv);
  }
  int len = file->size;
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'file' is used after it was freed by 'file_free' at line 39 [alloc-ownership-transfer]
  file_free(file);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'file' is freed after it was freed by 'file_free' at line 39; release it once [alloc-ownership-transfer]
  return len;
}

// Near miss: the same test on both sides.
int update_negative(void) {
  struct file *file = NULL;
  int rv = select_file(&file);
  if (rv)
    return rv;
  rv = challenge();
  if (rv < 0) {
    file_free(file);
    TEST_RET(rv);
  }
  int len = file->size;
  file_free(file);
  return len;
}

// Near miss: `<= -1` is `< 0`.
int update_le(void) {
  struct file *file = NULL;
  if (select_file(&file))
    return -1;
  int rv = challenge();
  if (rv <= -1) {
    file_free(file);
    TEST_RET(rv);
  }
  int len = file->size;
  file_free(file);
  return len;
}

// Near miss: the macro given a constant returns for sure (also when the
// function expands it more often than variables are followed).
int allocate_sdo(int **out) {
  struct file *file = NULL;
  TEST_RET(challenge());
  TEST_RET(challenge());
  TEST_RET(challenge());
  TEST_RET(challenge());
  TEST_RET(challenge());
  if (select_file(&file))
    return -1;
  int *sdo = calloc(1, sizeof *sdo);
  if (!sdo) {
    file_free(file);
    TEST_RET(-12);
  }
  int rv = challenge();
  file_free(file);
  if (rv != 0) {
    free(sdo);
    return rv;
  }
  *out = sdo;
  return 0;
}

// Near miss: the callee returns 0 or a negative status, never a positive
// one (OpenSC authentic_process_fci: LOG_TEST_RET, then
// LOG_FUNC_RETURN(ctx, 0)), so `rv != 0` is `rv < 0` and the macro returns.
int parse_header(const struct file *f) {
  TEST_RET(challenge());
  if (f->size > 4096)
    return -22;
  return 0;
}

int set_current(void) {
  struct file *file = NULL;
  if (select_file(&file))
    return -1;
  int rv = parse_header(file);
  if (rv != 0) {
    file_free(file);
    TEST_RET(rv);
  }
  int len = file->size;
  file_free(file);
  return len;
}
