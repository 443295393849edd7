/* Case re-tls-start-tcp-bio-failure (tls_start_tcp, src/tls/openssl/tls_tcp.c).
 * Causes: (1) bio_new()/ssl_new() stand for OpenSSL's BIO_new/SSL_new: library
 * allocators with no body and no rules, so tc->sbio_in is not an allocation;
 * (2) mem_zalloc() (src/mem/mem.c) returns 'm + 1' past a header, as paho's
 * mymalloc, so tc is not tracked either (no summary; besides, the bench
 * recipe lacks -DHAVE_INTTYPES_H and mem.c does not even parse: 134/149 units
 * of the re trees fail on uint32_t); (3) mem_deref(tc) runs the destructor
 * registered at allocation, which frees tc->ssl but not tc->sbio_in: without
 * that (a destroy summary through the registered destructor) the fixed
 * version gets a false "'tc->ssl' leaks".
 * Expected: line 37 'return err' (from 'goto out' at line 33): "'tc->sbio_in'
 * leaks when allocation of 'tc->sbio_out' fails"; nothing for tc->ssl. */
#include <stdlib.h>
#include <string.h>
typedef void (destroy_h)(void *);
struct mem { unsigned nrefs; destroy_h *dh; };
void *mem_zalloc(size_t size, destroy_h *dh)
{ struct mem *m = calloc(1, sizeof *m + size); if (!m) return NULL;
  m->nrefs = 1; m->dh = dh; return m + 1; }
void *mem_deref(void *p)
{ struct mem *m; if (!p) return NULL; m = (struct mem *)p - 1;
  if (--m->nrefs) return NULL; if (m->dh) m->dh(p); free(m); return NULL; }
void *bio_new(void); void *ssl_new(void); void ssl_free(void *); /* OpenSSL */
struct conn { void *ssl, *sbio_in, *sbio_out; };
static void destructor(void *arg) { struct conn *tc = arg; ssl_free(tc->ssl); }
int tls_start(struct conn **ptc)
{
  int err = 12; /* ENOMEM */
  struct conn *tc = mem_zalloc(sizeof *tc, destructor);
  if (!tc) return err;
  if (!(tc->ssl = ssl_new())) goto out;
  if (!(tc->sbio_in = bio_new())) goto out;
  if (!(tc->sbio_out = bio_new())) goto out;   /* fix: bio_free(tc->sbio_in) */
  err = 0;
 out:
  if (err) mem_deref(tc); else *ptc = tc;
  return err;
}
