#include <stdlib.h>
int pair(char **a, char **b);
