// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A helper that hands back a pointer into its argument through an
// out-parameter ('*end = str + n') only reads the argument: the caller still
// owns the block (c-ares acountry.c, find_country_from_cname).
#include <stdlib.h>
#include <string.h>


void report(const char *msg);

static int is_addr(char *str, char **end) {
  int length = (int)strlen(str);
  if (length < 1)
    return 0;
  *end = str + length;
  return 1;
}

void find_country(const char *cname) {
  char *ccopy = strdup(cname), *dot = NULL;
  if (!ccopy)
    return;
  if (!is_addr(ccopy, &dot)) {
    report("unexpected");
    return;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ccopy' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]{{$}}
  }
  report(dot);
  free(ccopy);
}

// Near miss: every exit frees it.
void find_country_fixed(const char *cname) {
  char *ccopy = strdup(cname), *dot = NULL;
  if (!ccopy)
    return;
  if (!is_addr(ccopy, &dot)) {
    report("unexpected");
    free(ccopy);
    return;
  }
  report(dot);
  free(ccopy);
}
