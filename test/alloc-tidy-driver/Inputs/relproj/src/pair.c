#include "pair.h"

int pair(char **a, char **b) {
  char *x = malloc(8); /* alloc: stored -- handed to *a */
  if (!x)
    return -2;
  char *y = malloc(8); /* alloc: stored -- handed to *b */
  if (!y)
    return -1;
  *a = x;
  *b = y;
  return 0;
}
