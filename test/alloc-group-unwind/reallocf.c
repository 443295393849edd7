// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A reallocator that frees the old block when it fails (BSD reallocf,
// libuv uv__reallocf: `newptr = uv__realloc(ptr, size); if (newptr == NULL)
// uv__free(ptr);`): its summary says so, and after `buf = reallocf(buf, n)`
// nothing of the old block is left to free on the failure path.
#include <stdlib.h>

void *xreallocf(void *ptr, size_t size) {
  void *newptr = realloc(ptr, size);
  if (newptr == NULL)
    if (size > 0)
      free(ptr);
  return newptr;
}
void *xrealloc(void *ptr, size_t size) {
  void *newptr = realloc(ptr, size);
  if (newptr == NULL)
    return NULL;
  return newptr;
}

int readlink_buf(char **out, size_t len) {
  char *buf = malloc(16);
  if (buf == NULL)
    return -1;
  buf = xreallocf(buf, len + 1);
  if (buf == NULL)
    return -1;
  *out = buf;
  return 0;
}

// Near miss: a reallocator that keeps the old block on failure.
int readlink_buf2(char **out, size_t len) {
  char *buf = malloc(16);
  if (buf == NULL)
    return -1;
  buf = xrealloc(buf, len + 1);
  if (buf == NULL)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'buf' leaks when reallocation of 'buf' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-7]]:15: note: 'buf' allocated here
  // CHECK-MESSAGES: :[[@LINE-5]]:9: note: reallocation of 'buf' can fail here
  *out = buf;
  return 0;
}
