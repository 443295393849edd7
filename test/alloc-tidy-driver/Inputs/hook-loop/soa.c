// The parser (c-ares ares_parse_soa_reply.c before 4ff9a13a... the fix that
// resets rr_name): when the expander fails in a later iteration, rr_name
// still holds the earlier iteration's name, freed at the end of that
// iteration, and the error path frees it again.
#include <stddef.h>

extern void (*lib_free)(void *ptr);
int expand_name_for_response(const unsigned char *encoded, char **s,
                             long *enclen);

int parse_soa(const unsigned char *buf, int count, char **out) {
  char *rr_name = NULL;
  long len;
  int status;
  for (int i = 0; i < count; i++) {
    status = expand_name_for_response(buf, &rr_name, &len);
    if (status != 0) {
      lib_free(rr_name);
      return status;
    }
    buf += len;
    if (buf[0] == 6) {
      *out = rr_name;
      return 0;
    }
    lib_free(rr_name);
  }
  return 10;
}

// The fix: NULL before each call.
int parse_soa_fixed(const unsigned char *buf, int count, char **out) {
  char *rr_name = NULL;
  long len;
  int status;
  for (int i = 0; i < count; i++) {
    rr_name = NULL;
    status = expand_name_for_response(buf, &rr_name, &len);
    if (status != 0) {
      lib_free(rr_name);
      return status;
    }
    buf += len;
    if (buf[0] == 6) {
      *out = rr_name;
      return 0;
    }
    lib_free(rr_name);
  }
  return 10;
}

// Near miss: reset right after the free.
int parse_soa_reset(const unsigned char *buf, int count, char **out) {
  char *rr_name = NULL;
  long len;
  int status;
  for (int i = 0; i < count; i++) {
    status = expand_name_for_response(buf, &rr_name, &len);
    if (status != 0) {
      lib_free(rr_name);
      return status;
    }
    buf += len;
    if (buf[0] == 6) {
      *out = rr_name;
      return 0;
    }
    lib_free(rr_name);
    rr_name = NULL;
  }
  return 10;
}
