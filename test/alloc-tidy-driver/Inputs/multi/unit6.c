#include <stdlib.h>
#include <string.h>
int unit6_pair(char **a, char **b) {
  char *x = malloc(6);
  if (!x)
    return -1;
  char *y = strdup("u6");
  if (!y)
    return -1;
  *a = x;
  *b = y;
  return 0;
}
