#include <stdlib.h>
static inline char *obs_scratch(void) { return malloc(16); }
