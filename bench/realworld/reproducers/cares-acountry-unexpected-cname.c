/* Case cares-acountry-unexpected-cname (find_country_from_cname, acountry.c).
 * Causes: (1) is_addr(ccopy, &dot_4) (same file) only reads 'str' and points
 * '*end' into it ('*end = str + length'). ParamWalk::classify() accepts
 * 'p + n' only under a call, deref, subscript or member: as the right side of
 * an assignment it sets U.Unknown, so 'str' gets no contract and passing ccopy
 * ends its tracking (may be kept): even ReportAllExits is silent.
 * (2) the function is void: its 'return;'s are never failing exits
 * (failingReturn needs a value); with (1) fixed only ReportAllExits reports.
 * Expected: lines 28, 31, 34: "'ccopy' still owned at this return", where the
 * fall-through path frees it. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
static int is_addr(char *str, char **end)
{
  int a, length = 0;
  if (sscanf(str, "%3d%n", &a, &length) != 1 || length < 1)
    return 0;
  *end = str + length;
  return 1;
}
static void find_country(const char *cname)
{
  char *ccopy = strdup(cname), *dot_4 = NULL;
  int ver_1 = (cname[0] == 'z' && cname[1] == 'z');
  int ver_2 = is_addr(ccopy, &dot_4) && !strcmp(dot_4, ".zz.countries");
  if (ver_1) {
    if (strchr(cname, '.') != cname + 4) { printf("Unexpected (ver_1)\n"); return; }
  } else if (ver_2) {
    if (dot_4[1] != 'z')
      { printf("Unexpected (ver_2)\n"); return; }
  } else {
    printf("Unexpected CNAME %s (ver?)\n", cname);
    return;
  }
  printf("found %s\n", ccopy);
  free(ccopy);
}
void lookup(const char *c) { find_country(c); }
