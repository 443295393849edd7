/* Case cares-sysconfig-option-bad-value, second cause (the allocator).
 * ares_buf_split_str (ares_buf.c) hands its result out through 'char ***strs'
 * as '*strs = ares_array_finish(arr, nstrs)': ares_array_finish (ares_array.c)
 * detaches the array's storage, 'ptr = arr->arr; ares_free(arr); return ptr;'.
 * That return is a field of a parameter, not an allocation of the function,
 * so ares_array_finish gets no 'allocates: return' (the summaries give
 * ares_buf_split_str only 'borrows' and 'requires: forward 6
 * ares_array_finish 1'), and the caller's kv is never tracked. (The storage
 * itself comes from ares_malloc/ares_realloc, function pointers: see
 * cjson-find-pointer-index-overflow.c.) Errors are negative here so that only
 * the allocator is missing; ReportAllExits also warns, falsely, at line 26
 * ("'a->v' is still owned"): the detach is not seen as a hand-over.
 * Expected: line 34 "'kv' leaks when 'process_option' fails here". */
#include <stdlib.h>
#include <string.h>
struct arr { char **v; size_t n; };
static char **arr_finish(struct arr *a, size_t *n)
{ char **p = a->v; *n = a->n; free(a); return p; }
static int split(const char *s, char ***out, size_t *n)
{
  struct arr *a = calloc(1, sizeof(*a));
  if (a == NULL) return -15;
  if ((a->v = calloc(2, sizeof(char *))) == NULL) { free(a); return -15; }
  a->v[0] = strdup(s); a->n = 1;
  *out = arr_finish(a, n);
  return 0;
}
int process_option(unsigned *timeout_ms, const char *opt)
{
  char **kv = NULL; size_t num = 0;
  int status = split(opt, &kv, &num);
  if (status != 0) goto done;
  unsigned valint = (unsigned)strtoul(kv[0], NULL, 10);
  if (valint == 0) return -1;          /* fix: status = -1; goto done */
  *timeout_ms = valint * 1000;
done:
  if (kv) { free(kv[0]); free(kv); }
  return status;
}
