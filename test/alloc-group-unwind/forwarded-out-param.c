// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A wrapper that hands its own out-parameter on to an out-parameter
// allocator and returns that allocator's status is an out-parameter
// allocator too (siproxd sip_body_to_str over osip_body_to_str).
#include <stddef.h>

struct addrinfo { int ai_flags; struct addrinfo *ai_next; };
int getaddrinfo(const char *node, const char *service,
                const struct addrinfo *hints, struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);

int lookup(const char *host, struct addrinfo **res) {
  int rc;
  if (host == NULL || res == NULL)
    return -1;
  rc = getaddrinfo(host, "80", NULL, res);
  return rc;
}

int connect_first(const struct addrinfo *ai);

int dial(const char *host) {
  struct addrinfo *ai;
  // Near miss: nothing was allocated when the lookup failed.
  if (lookup(host, &ai) != 0)
    return -1;
  if (connect_first(ai) < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ai' leaks when 'dial' fails here; free it before returning [alloc-group-unwind]
  freeaddrinfo(ai);
  return 0;
}

// Near miss: a wrapper that can return success without calling the
// allocator is no allocator.
int lookup_cached(const char *host, struct addrinfo **res, int cached) {
  int rc = 0;
  if (cached)
    return rc;
  rc = getaddrinfo(host, "80", NULL, res);
  return rc;
}

int dial_cached(const char *host, int cached) {
  struct addrinfo *ai = NULL;
  if (lookup_cached(host, &ai, cached) != 0)
    return -1;
  if (connect_first(ai) < 0)
    return -1;
  return 0;
}
