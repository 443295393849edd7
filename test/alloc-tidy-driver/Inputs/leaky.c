#include <stdlib.h>
#include <string.h>

struct pair { char *a; char *b; };

/* alloc: permanent -- table sized once at start-up */
static char *table;

int init(void) {
  table = malloc(4096); /* alloc: permanent -- table sized once at start-up */
  return table ? 0 : -1;
}

int make_pair(struct pair *out, const char *x, const char *y) {
  char *a = strdup(x);
  if (!a)
    return -1;
  char *b = strdup(y);
  if (!b)
    return -1;
  out->a = a;
  out->b = b;
  return 0;
}
