// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// An out-parameter allocator called in a loop leaves `*out` alone when it
// fails: the variable still holds the block of the earlier iteration, so
// freeing it on the error path frees that block again when the loop freed
// it already (c-ares ares_parse_soa_reply before the fix that resets
// rr_name).
#include <stdlib.h>

int expand(const unsigned char *p, char **s, long *len) {
  if (!p)
    return 1;
  *s = malloc(16);
  if (!*s)
    return 15;
  *len = 16;
  return 0;
}

int parse(const unsigned char *buf, int n, char **out) {
  char *rr_name = NULL;
  long len;
  for (int i = 0; i < n; i++) {
    int status = expand(buf + i, &rr_name, &len);
    if (status != 0) {
      free(rr_name);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'rr_name' is freed after it was freed by 'free' at line [[@LINE+7]]; release it once [alloc-ownership-transfer]
      return status;
    }
    if (buf[i] == 6) {
      *out = rr_name;
      return 0;
    }
    free(rr_name);
  }
  return 2;
}

// The fix: NULL before each call.
int parse_fixed(const unsigned char *buf, int n, char **out) {
  char *rr_name = NULL;
  long len;
  for (int i = 0; i < n; i++) {
    rr_name = NULL;
    int status = expand(buf + i, &rr_name, &len);
    if (status != 0) {
      free(rr_name);
      return status;
    }
    if (buf[i] == 6) {
      *out = rr_name;
      return 0;
    }
    free(rr_name);
  }
  return 2;
}

// Near miss: the earlier block is still owned, not freed, when the call
// fails again: freeing it then is its only release.
int parse_keep(const unsigned char *buf, int n) {
  char *name = NULL;
  long len;
  for (int i = 0; i < n; i++) {
    if (expand(buf + i, &name, &len) != 0) {
      free(name);
      return -1;
    }
    if (buf[i] == 6)
      break;
  }
  free(name);
  return 0;
}
