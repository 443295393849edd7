#include <stdlib.h>
#include <string.h>
int unit4_pair(char **a, char **b) {
  char *x = malloc(4);
  if (!x)
    return -1;
  char *y = strdup("u4");
  if (!y)
    return -1;
  *a = x;
  *b = y;
  return 0;
}
