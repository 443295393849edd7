#include <stdlib.h>
#include <string.h>
char *copy_name(const char *s) {
  return strdup(s); /* alloc: returned -- the caller frees it */
}
