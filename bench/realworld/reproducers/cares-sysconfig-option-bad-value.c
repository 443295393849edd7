/* Case cares-sysconfig-option-bad-value (process_option, ares_sysconfig_files.c).
 * Cause (exit): the function returns an enum status whose errors are positive
 * (ARES_EFORMERR = 1) and ends with 'return status;' (a variable), so there is
 * no constant success value; with no negative return, a constant return is
 * failing only when negative. 'return ARES_EFORMERR' is taken as ordinary.
 * The status variable is compared with ARES_SUCCESS (line 29), and the enum's
 * zero enumerator is ARES_SUCCESS: either gives the success value.
 * (The real case also needs the allocator: ares_buf_split_str's out-parameter,
 * see cares-sysconfig-option-bad-value-detach.c; split() here is recognised:
 * with ReportAllExits, line 31 is reported.)
 * Expected: line 31 "'kv' leaks when 'process_option' fails here". */
#include <stdlib.h>
#include <string.h>
typedef enum { ARES_SUCCESS = 0, ARES_EFORMERR = 1, ARES_ENOMEM = 15 } ares_status_t;
struct sysconfig { unsigned timeout_ms; };
static ares_status_t split(const char *s, char ***out, size_t *n)
{
  char **kv = calloc(2, sizeof(*kv));
  if (kv == NULL)
    return ARES_ENOMEM;
  kv[0] = strdup(s);
  *out = kv; *n = 1;
  return ARES_SUCCESS;
}
ares_status_t process_option(struct sysconfig *c, const char *opt)
{
  char **kv = NULL; size_t num = 0; unsigned valint;
  ares_status_t status = split(opt, &kv, &num);
  if (status != ARES_SUCCESS) goto done;
  valint = (unsigned)strtoul(kv[0], NULL, 10);
  if (valint == 0) return ARES_EFORMERR;  /* fix: status = ...; goto done */
  c->timeout_ms = valint * 1000;
done:
  if (kv) { free(kv[0]); free(kv); }
  return status;
}
