// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// realloc's classic failure leak, and allocators that report failure through
// their return value (asprintf) rather than NULL.
#include <stdio.h>
#include <stdlib.h>

int grow(char **bufp, size_t n) {
  char *buf = malloc(16);
  if (!buf)
    return -1;
  buf = realloc(buf, n);
  if (!buf)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'buf' leaks when reallocation of 'buf' fails; {{.*}} [alloc-group-unwind]{{$}}
  *bufp = buf;
  return 0;
}

int grow_fixed(char **bufp, size_t n) {
  char *buf = malloc(16);
  if (!buf)
    return -1;
  char *bigger = realloc(buf, n);
  if (!bigger) {
    free(buf);
    return -1;
  }
  *bufp = bigger;
  return 0;
}

int message(const char *who, char **out) {
  char *prefix = malloc(8);
  if (!prefix)
    return -1;
  char *msg;
  if (asprintf(&msg, "hello %s", who) < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'prefix' leaks when allocation of 'msg' fails; {{.*}} [alloc-group-unwind]{{$}}
  free(prefix);
  *out = msg;
  return 0;
}

int message_status_var(const char *who, char **out) {
  char *prefix = malloc(8);
  if (!prefix)
    return -1;
  char *msg;
  int rc = asprintf(&msg, "hello %s", who);
  if (rc == -1) {
    free(prefix);
    return -1;
  }
  free(prefix);
  *out = msg;
  return 0;
}
