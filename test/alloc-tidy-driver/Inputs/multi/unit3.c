#include <stdlib.h>
#include <string.h>
int unit3_pair(char **a, char **b) {
  char *x = malloc(3);
  if (!x)
    return -1;
  char *y = strdup("u3");
  if (!y)
    return -1;
  *a = x;
  *b = y;
  return 0;
}
