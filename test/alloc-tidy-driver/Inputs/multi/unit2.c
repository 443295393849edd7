#include <stdlib.h>
#include <string.h>
int unit2_pair(char **a, char **b) {
  char *x = malloc(2);
  if (!x)
    return -1;
  char *y = strdup("u2");
  if (!y)
    return -1;
  *a = x;
  *b = y;
  return 0;
}
