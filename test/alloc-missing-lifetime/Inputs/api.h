/* A user header: the fix-it lands on the declaration here. */
#include <stddef.h>
char *api_dup(const char *s);
