/* After `if (s) free(s)` (a NULL-tolerant free taken as the failure test of
   s), a later out-parameter allocation freed with `if (text) free(text)` is
   reported as leaking "when allocation of s fails" (function c; d, with a
   plain free, is silent).  Correct code.  Rules: tolerant_free_status.yaml.
   Also in main at d70fac3. */
#include <stddef.h>
char *strdup(const char *s);
void free(void *p);
int to_str(void *sip, char **dest); /* allocates arg1, status nonzero */
void c(void *sip) {
  char *s = strdup("x"); // alloc: scoped -- freed below
  if (s) free(s);
  char *text = 0;
  if (to_str(sip, &text) != 0) // alloc: scoped -- freed below
    return;
  if (text) free(text);
}
void d(void *sip) {
  char *s = strdup("x"); // alloc: scoped -- freed below
  if (s) free(s);
  char *text = 0;
  if (to_str(sip, &text) != 0) // alloc: scoped -- freed below
    return;
  free(text);
}
