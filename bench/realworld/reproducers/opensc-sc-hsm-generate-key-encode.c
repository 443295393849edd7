/* Case opensc-sc-hsm-generate-key-encode (sc_hsm_generate_key,
 * pkcs15init/pkcs15-sc-hsm.c). Two causes, both needed:
 * (1) sc_hsm_encode_gakp_ec/_rsa (same file) malloc into fields of the
 *     caller's stack object (cvc->primeOrModulus, ...) and keep them on
 *     error; no summary kind says "allocates into fields of *arg" (only
 *     "allocates: argN" for *arg), so cvc's fields are untracked here.
 *     (sc_pkcs15emu_sc_hsm_free_cvc IS inferred "frees-fields: arg 0".)
 * (2) LOG_TEST_RET is "int _ret = r; if (_ret < 0) return _ret;": learn()
 *     only learns == and != about a tracked status variable, so "return
 *     _ret" under "_ret < 0" is not a failing exit (with "_ret != 0", and
 *     the malloc inlined into generate_key, it is reported).
 * Expected: line 33 "'cvc.prime' leaks when 'generate_key' fails here". */
#include <stdlib.h>
#include <string.h>
#define LOG_TEST_RET(r) do { int _ret = (r); if (_ret < 0) return _ret; } while (0)
typedef struct cvc { unsigned char *prime, *coeffA; size_t plen, alen; } cvc_t;
void free_cvc(cvc_t *c) { free(c->prime); free(c->coeffA); memset(c, 0, sizeof(*c)); }
int encode_cvc(const cvc_t *c, unsigned char **out, size_t *outlen);
static int encode_gakp_ec(cvc_t *cvc, const unsigned char *a, size_t n) {
  cvc->prime = malloc(n);
  if (!cvc->prime)
    return -404;
  cvc->coeffA = malloc(n);
  if (!cvc->coeffA)
    return -404; /* cvc->prime stays: the caller's free_cvc releases it */
  memcpy(cvc->prime, a, n); memcpy(cvc->coeffA, a, n);
  return 0;
}
int generate_key(const unsigned char *a, size_t n, unsigned char **bin, size_t *len) {
  cvc_t cvc;
  memset(&cvc, 0, sizeof(cvc));
  int r = encode_gakp_ec(&cvc, a, n);
  LOG_TEST_RET(r);
  r = encode_cvc(&cvc, bin, len);
  free_cvc(&cvc);
  LOG_TEST_RET(r);
  return 0;
}
