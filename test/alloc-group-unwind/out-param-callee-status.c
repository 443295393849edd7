// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// An out-parameter allocator whose success path returns what a callee
// returned (c-ares ares_buf_fetch_bytes_dup: `return ares_buf_consume(buf,
// len);`) and whose other paths return non-zero constants: the constants
// are its failures and 0 its success, so a caller that tested the status
// owns the block.
#include <stdlib.h>
#include <string.h>

typedef enum { OK = 0, EBADRESP = 10, ENOMEM_ = 15 } status_t;
status_t consume(const char *buf, size_t len);

status_t fetch_dup(const char *buf, size_t len, unsigned char **bytes) {
  if (buf == NULL || bytes == NULL || len == 0)
    return EBADRESP;
  *bytes = malloc(len);
  if (*bytes == NULL)
    return ENOMEM_;
  memcpy(*bytes, buf, len);
  return consume(buf, len);
}

status_t parse(const char *buf, int strict) {
  unsigned char *val = NULL;
  status_t st = fetch_dup(buf, 4, &val);
  if (st != OK)
    return st; // nothing was allocated
  if (strict && val[0] == 0)
    return EBADRESP;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'val' leaks when 'parse' fails here; free it before returning [alloc-group-unwind]
  free(val);
  return OK;
}

// Near miss: a constant returned where it stores and where it fails alike
// says nothing of which is which.
status_t fetch_any(const char *buf, size_t len, unsigned char **bytes) {
  if (buf == NULL)
    return EBADRESP;
  *bytes = malloc(len);
  if (*bytes == NULL)
    return consume(buf, 0);
  return consume(buf, len);
}
status_t parse_any(const char *buf, int strict) {
  unsigned char *val = NULL;
  status_t st = fetch_any(buf, 4, &val);
  if (st != OK)
    return st;
  if (strict)
    return EBADRESP;
  free(val);
  return OK;
}

// The status tested through a copy (OpenSC's LOG_TEST_RET: `int _ret =
// (r); if (_ret < 0) return _ret;`) is the call's status.
#define TEST_RET(r)                                                            \
  do {                                                                         \
    int _ret = (r);                                                            \
    if (_ret != 0)                                                             \
      return _ret;                                                             \
  } while (0)
int parse_logged(const char *buf, int strict) {
  unsigned char *val = NULL;
  int rv = fetch_dup(buf, 4, &val);
  TEST_RET(rv); // nothing was allocated where it returns
  if (strict && val[0] == 0)
    return EBADRESP;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'val' leaks when 'parse_logged' fails here; free it before returning [alloc-group-unwind]
  free(val);
  return OK;
}
