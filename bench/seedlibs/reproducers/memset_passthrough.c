#include <stdlib.h>
#include <string.h>
void *xmalloc(size_t n); /* shipped rules 'xmalloc': never NULL */
struct host { void *config; };
char *strdup(const char *s);

/* Ioto's rAllocType(T) is memset(rAlloc(sizeof(T)), 0, sizeof(T)): the
   allocation reaches 'host' through memset's return value.  Correct code. */
struct host *host_new(void) {
  struct host *host = memset(xmalloc(sizeof(struct host)), 0, sizeof(struct host)); // alloc: returned -- the caller frees it
  if ((host->config = strdup("cfg")) == NULL) { // alloc: stored -- kept by the host
    free(host);
    return NULL;
  }
  return host;
}
