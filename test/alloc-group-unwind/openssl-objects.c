// RUN: %check_alloc_tidy %s alloc-group-unwind %t -- -- -isystem %S/Inputs/sys

// OpenSSL's objects are loaded by default (rules/openssl.yaml): each type is
// built by its constructor and released by its own *_free. Handed to another
// function of OpenSSL's headers that has no contract (EVP_DigestInit(ctx,
// md)), the object is worked on there, not kept, so a failing exit after
// that call still leaks it (unbound verify_canonrrset before fd07245a0,
// setup_dsa_sig before 3cad5818a).
#include <openssl/evp.h>

int verify(const unsigned char *buf, size_t len, const EVP_MD *md) {
  EVP_MD_CTX *ctx = EVP_MD_CTX_create();
  if (!ctx)
    return -1;
  if (EVP_DigestInit(ctx, md) == 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ctx' leaks when 'verify' fails here; free it before returning [alloc-group-unwind]
  if (EVP_DigestUpdate(ctx, buf, len) == 0) {
    EVP_MD_CTX_destroy(ctx);
    return -1;
  }
  EVP_MD_CTX_destroy(ctx);
  return 0;
}

// The object is the first argument of a transferring setter: still owned.
int make_sig(const unsigned char *r, const unsigned char *s, int n) {
  DSA_SIG *sig = DSA_SIG_new();
  if (!sig)
    return 0;
  if (!DSA_SIG_set0(sig, BN_bin2bn(r, n, NULL), BN_bin2bn(s, n, NULL)))
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'sig' leaks when 'make_sig' fails here; free it before returning [alloc-group-unwind]
  DSA_SIG_free(sig);
  return 1;
}

// Near miss: released on every failing exit (the fix).
int verify_fixed(const unsigned char *buf, size_t len, const EVP_MD *md) {
  EVP_MD_CTX *ctx = EVP_MD_CTX_create();
  if (!ctx)
    return -1;
  if (EVP_DigestInit(ctx, md) == 0 || EVP_DigestUpdate(ctx, buf, len) == 0) {
    EVP_MD_CTX_destroy(ctx);
    return -1;
  }
  EVP_MD_CTX_destroy(ctx);
  return 0;
}

// Near miss: the BIGNUMs handed to DSA_SIG_set0's later arguments are the
// signature's when it succeeds; this function keeps nothing of them.
int make_sig_fixed(BIGNUM *r, BIGNUM *s) {
  DSA_SIG *sig = DSA_SIG_new();
  if (!sig)
    return 0;
  if (!DSA_SIG_set0(sig, r, s)) {
    DSA_SIG_free(sig);
    return 0;
  }
  DSA_SIG_free(sig);
  return 1;
}

// Values the analysis does not follow, handed to the library beside the
// ones it does (a regression: these once crashed the analysis).
int digest_some(EVP_MD_CTX *given, const EVP_MD *md, int fresh, EVP_MD_CTX **slot) {
  EVP_MD_CTX *ctx = fresh ? EVP_MD_CTX_new() : given;
  if (!ctx)
    return -1;
  if (EVP_DigestInit(ctx, md) == 0 || EVP_DigestInit(*slot, md) == 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ctx' leaks when 'digest_some' fails here; free it before returning [alloc-group-unwind]
  return 0;
}
