#include <stdlib.h>
#include <string.h>
int unit5_pair(char **a, char **b) {
  char *x = malloc(5);
  if (!x)
    return -1;
  char *y = strdup("u5");
  if (!y)
    return -1;
  *a = x;
  *b = y;
  return 0;
}
