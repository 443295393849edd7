#include <stdlib.h>
#include <string.h>
int unit1_pair(char **a, char **b) {
  char *x = malloc(1);
  if (!x)
    return -1;
  char *y = strdup("u1");
  if (!y)
    return -1;
  *a = x;
  *b = y;
  return 0;
}
