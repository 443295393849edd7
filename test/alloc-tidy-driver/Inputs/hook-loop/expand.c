// The name expander (c-ares ares_expand_name.c): allocates through the
// hook of another unit into *s, returns 0 or an error code; the wrapper
// turns one error code into another (ares__expand_name_for_response).
#include <stddef.h>

extern void *(*lib_malloc)(size_t size);
long name_length(const unsigned char *encoded);

enum { OK = 0, EBADNAME = 8, EBADRESP = 10, ENOMEM_ = 15 };

int expand_name(const unsigned char *encoded, char **s, long *enclen) {
  long n = name_length(encoded);
  if (n < 0)
    return EBADNAME;
  *s = lib_malloc(n + 1);
  if (!*s)
    return ENOMEM_;
  (*s)[n] = '\0';
  *enclen = n;
  return OK;
}

int expand_name_for_response(const unsigned char *encoded, char **s,
                             long *enclen) {
  int status = expand_name(encoded, s, enclen);
  if (status == EBADNAME)
    status = EBADRESP;
  return status;
}
