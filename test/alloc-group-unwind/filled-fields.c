// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A function that stores new memory into fields of its parameter's object
// and may fail with it still there (OpenSC sc_hsm_encode_gakp_ec fills
// cvc->primeOrModulus, then fails when the next allocation does) leaves it
// to the caller: a caller that passed `&local` owns what the fields hold,
// on its failing paths too.
#include <stdlib.h>
#include <string.h>

#define ERR_NOMEM (-1)
#define ERR_CURVE (-2)

struct cvc {
  unsigned char *prime;
  size_t primelen;
  unsigned char *coeff;
  size_t coefflen;
  int size;
};

void free_cvc(struct cvc *c) {
  if (c->prime) {
    free(c->prime);
    c->prime = NULL;
  }
  if (c->coeff) {
    free(c->coeff);
    c->coeff = NULL;
  }
}
int find_curve(const char *name, size_t *len);
int encode_cvc(const struct cvc *c, unsigned char **out);

int encode_ec(struct cvc *c, const char *curve) {
  size_t len;
  if (find_curve(curve, &len) < 0)
    return ERR_CURVE;
  c->prime = malloc(len);
  if (!c->prime)
    return ERR_NOMEM;
  c->primelen = len;
  c->coeff = malloc(len);
  if (!c->coeff)
    return ERR_NOMEM; // c->prime stays for the caller
  c->coefflen = len;
  return 0;
}

// sc_hsm_generate_key before 370b99e6: the encoding error returns without
// the destroy function.
int generate_key(const char *curve, unsigned char **out) {
  struct cvc cvc;
  int r;
  memset(&cvc, 0, sizeof(cvc));
  r = encode_ec(&cvc, curve);
  if (r < 0)
    return r;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'cvc.prime' leaks when 'generate_key' fails here; free it before returning [alloc-group-unwind]{{$}}
  r = encode_cvc(&cvc, out);
  free_cvc(&cvc);
  return r;
}

// The fix: the destroy function on the failing path too.
int generate_key_fixed(const char *curve, unsigned char **out) {
  struct cvc cvc;
  int r;
  memset(&cvc, 0, sizeof(cvc));
  r = encode_ec(&cvc, curve);
  if (r < 0) {
    free_cvc(&cvc);
    return r;
  }
  r = encode_cvc(&cvc, out);
  free_cvc(&cvc);
  return r;
}

// Near miss: a function that releases what it stored before it fails
// leaves nothing to its caller.
int encode_rsa(struct cvc *c, size_t len) {
  c->prime = malloc(len);
  if (!c->prime)
    return ERR_NOMEM;
  c->coeff = malloc(len);
  if (!c->coeff) {
    free(c->prime);
    c->prime = NULL;
    return ERR_NOMEM;
  }
  return 0;
}
int generate_rsa(size_t len, unsigned char **out) {
  struct cvc cvc;
  memset(&cvc, 0, sizeof(cvc));
  int r = encode_rsa(&cvc, len);
  if (r < 0)
    return r;
  r = encode_cvc(&cvc, out);
  free_cvc(&cvc);
  return r;
}

// Near miss: a function that fails only where its one allocation failed,
// through a macro's `do { ... return _ret; } while (0)` (OpenSC
// LOG_FUNC_RETURN), leaves NULL in the field.
#define FUNC_RETURN(r)                                                         \
  do {                                                                         \
    int _ret = (r);                                                            \
    return _ret;                                                               \
  } while (0)
int encode_one(struct cvc *c, size_t len) {
  c->coeff = malloc(len);
  if (!c->coeff) {
    FUNC_RETURN(ERR_NOMEM);
  }
  c->coefflen = len;
  FUNC_RETURN(0);
}
int generate_one(size_t len, unsigned char **out) {
  struct cvc cvc;
  memset(&cvc, 0, sizeof(cvc));
  int r = encode_one(&cvc, len);
  if (r < 0)
    return r;
  r = encode_cvc(&cvc, out);
  free_cvc(&cvc);
  return r;
}

// Near miss: the object is the caller's caller's (a pointer parameter), so
// releasing it is not this function's duty.
int generate_into(struct cvc *cvc, const char *curve, unsigned char **out) {
  int r = encode_ec(cvc, curve);
  if (r < 0)
    return r;
  return encode_cvc(cvc, out);
}
