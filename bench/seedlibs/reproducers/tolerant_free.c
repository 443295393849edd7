#include <stdlib.h>
#include <string.h>
int check(const char *s);
#define xfree(p) if (p) { free(p); } else

/* A real leak ('a' is not freed when check fails), but reported as leaking
   "when allocation of 'b' fails": the NULL-tolerant free macro's own test
   of b is taken as b's failure test, and the leak is attributed to it. */
int f(const char *x, const char *y) {
  char *a = strdup(x); // alloc: scoped -- freed below
  char *b = strdup(y); // alloc: scoped -- freed below
  xfree(b);
  if (a && check(a) < 0)
    return -1;
  free(a);
  return 0;
}
