/* Allocates only when the compilation database defines WITH_CACHE. */
void *malloc(unsigned long n);

void *cache;

void init(void) {
#ifdef WITH_CACHE
  cache = malloc(128);
#endif
}
