/* Case opensc-mcrd-select-invalid-fcp (do_select, libopensc/card-mcrd.c).
 * Cause: the allocation is stored through the out-parameter before the
 * function fails. sc_file_new (sc.c) IS inferred an allocator and
 * LOG_FUNC_RETURN's "int _ret = r; return _ret;" IS a failing exit (-1305
 * against the final "return SC_SUCCESS"); but "*file = sc_file_new()" marks
 * the file gone to the caller (GoneOutParam), so it is not owned at the
 * failing return. The same code with a local 'f', stored at the end, is
 * reported. OpenSC's callers never free *file after an error.
 * Needed: at a failing exit, an allocation this function made and stored
 * only through a T** out-parameter (not into fields of an object parameter:
 * sc_hsm_encode_gakp_ec fills 'cvc' fields on error by design) is still
 * its own. Fixed version: the length check comes before the allocation.
 * Expected: line 28 "'*file' leaks when 'do_select' fails here". */
#include <stdlib.h>
#define SC_SUCCESS 0
#define SC_ERROR_INVALID_DATA -1305
#define SC_ERROR_OUT_OF_MEMORY -1404
#define LOG_FUNC_RETURN(r) do { int _ret = (r); return _ret; } while (0)
typedef struct sc_file { int type; } sc_file_t;
sc_file_t *sc_file_new(void) { return calloc(1, sizeof(sc_file_t)); }
void process_fcp(sc_file_t *file, const unsigned char *buf, size_t len);
int do_select(const unsigned char *resp, size_t resplen, sc_file_t **file) {
  if (resplen > 2 && resp[0] == 0x62) {
    *file = sc_file_new();
    if (!*file)
      LOG_FUNC_RETURN(SC_ERROR_OUT_OF_MEMORY);
    if (resp[1] > resplen - 2)
      LOG_FUNC_RETURN(SC_ERROR_INVALID_DATA);
    process_fcp(*file, resp + 2, resp[1]);
    return SC_SUCCESS;
  }
  return SC_SUCCESS;
}
