// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// memset returns its first argument: an allocation zeroed in the same
// expression reaches the variable it is assigned to (Ioto's rAllocType(T),
// 'memset(rAlloc(sizeof(T)), 0, sizeof(T))').
#include <stdlib.h>
#include <string.h>

#define alloc_type(T) memset(malloc(sizeof(T)), 0, sizeof(T))

struct host { char *config; int flags; };
int load(struct host *h);

struct host *host_new(const char *cfg) {
  struct host *host = alloc_type(struct host);
  if (!host)
    return NULL;
  if ((host->config = strdup(cfg)) == NULL) {
    free(host);
    return NULL;
  }
  if (load(host) < 0) {
    free(host->config);
    free(host);
    return NULL;
  }
  return host;
}

// Near miss: the same allocation left behind on a failing exit.
struct host *host_new_leaky(const char *cfg) {
  struct host *host = alloc_type(struct host);
  if (!host)
    return NULL;
  if (strlen(cfg) > 64)
    return NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'host' leaks when 'host_new_leaky' fails here; free it before returning [alloc-group-unwind]
  host->config = strdup(cfg);
  return host;
}
