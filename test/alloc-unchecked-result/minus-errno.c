// RUN: %check_alloc_tidy %s alloc-unchecked-result %t

// An out-parameter allocator inferred from its body: 0 where it stores the
// memory, only negative constants elsewhere (libevent evutil_read_file_).
// `rc < 0` and `rc != 0` both test its failure.  Near miss: one that also
// fails with a positive value, where `rc < 0` lets a failure through.
#include <stdlib.h>

int load(const char *name, char **out) {
  char *mem;
  *out = NULL;
  if (!name)
    return -1;
  mem = malloc(16);
  if (!mem)
    return -2;
  *out = mem;
  return 0;
}

int parse(const char *name) {
  char *buf;
  int err;
  if ((err = load(name, &buf)) < 0)
    return err;
  buf[0] = 0;
  free(buf);
  return 0;
}

int parse_ne(const char *name) {
  char *buf;
  if (load(name, &buf) != 0)
    return -1;
  buf[0] = 0;
  free(buf);
  return 0;
}

int load_any(const char *name, char **out) {
  char *mem;
  *out = NULL;
  if (!name)
    return 1;
  mem = malloc(16);
  if (!mem)
    return -2;
  *out = mem;
  return 0;
}

int parse_any(const char *name) {
  char *buf;
  int err;
  if ((err = load_any(name, &buf)) < 0)
    return err;
  buf[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'buf' from 'load_any' at line [[@LINE-3]] is indexed {{.*}} [alloc-unchecked-result]{{$}}
  free(buf);
  return 0;
}
