#include <stdlib.h>
#include <string.h>
#include "api.h"
char *api_dup(const char *s) {
  return strdup(s); /* alloc: returned -- api_dup is an allocator */
}
