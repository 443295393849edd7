// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A switch on an out-parameter allocator's status (curl's
// `switch(file2memory(&data, &size, stdin)) { case PARAM_NO_MEM: return m;
// ...}`): the case of a failure status has nothing allocated to leak; the
// case of success has the block; `default:` differs from every case's
// constant (after `case OK:`, a failure: the near miss `return -1` there).
#include <stdlib.h>

typedef enum { OK = 0, NO_MEM = 1, READ_ERROR = 2 } status_t;

static status_t read_all(char **out, int n) {
  if (n < 0)
    return READ_ERROR;
  char *p = malloc(n + 1); // alloc: returned -- through *out on OK
  if (!p)
    return NO_MEM;
  *out = p;
  return OK;
}

int consume(const char *);

int failure_cases(int n) {
  char *data = NULL;
  switch (read_all(&data, n)) {
  case NO_MEM:
    return -1;
  case READ_ERROR:
    return -2;
  default:
    break;
  }
  consume(data);
  free(data);
  return 0;
}

int success_case_leaks(int n, int limit) {
  char *data = NULL;
  switch (read_all(&data, n)) {
  case OK:
    if (n > limit)
      return -3;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'data' leaks when 'success_case_leaks' fails here; free it before returning [alloc-group-unwind]{{$}}
    // CHECK-MESSAGES: :[[@LINE-5]]:11: note: 'data' allocated here{{$}}
    // CHECK-MESSAGES: :[[@LINE-4]]:9: note: on the path where this fails{{$}}
    break;
  default:
    return -1;
  }
  consume(data);
  free(data);
  return 0;
}

// The status kept in a variable first.
int failure_case_var(int n) {
  char *data = NULL;
  status_t rc = read_all(&data, n);
  switch (rc) {
  case NO_MEM:
  case READ_ERROR:
    return -1;
  default:
    break;
  }
  consume(data);
  free(data);
  return 0;
}
