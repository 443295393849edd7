#include "obs.h"
void *OICMalloc(size_t n);
void OICFree(void *p);

void observe(void) {
  void *a = OICMalloc(8);
  void *b = malloc(8); // NOLINT(alloc-unjustified)
  // NOLINTNEXTLINE(alloc-unjustified)
  void *c = malloc(8);
  void *d = malloc(8); // NOLINT(alloc-group-unwind): another check's name
  OICFree(a);
  free(b);
  free(c);
  free(d);
  free(obs_scratch());
}
