/* Case wakaama-update-registration-empty-payload (prv_updateRegistration).
 * Cause: cross-unit linking. transaction_new (transaction.c) is summarised
 * "allocates: return" if "keeps-not lwm2m_free 0", since its error path hands
 * the block to lwm2m_free of another unit (platform.c). lwm2m_free links as
 * "frees: 0", but resolve() accepts only Borrows/Copies for keeps-not, so the
 * condition fails and transaction_new loses 'allocates'. Three units: copies
 * a.c b.c c.c with -DU=1 (platform) -DU=2 -DU=3 in compile_commands.json, run
 * on c.c (--summaries=none misses it too: lwm2m_* have no body then).
 * Expected: line 32 "'t' leaks when 'update' fails here" (160 vs final 0),
 * line 34 "'t' leaks when allocation of 'payload' fails". */
#include <stdlib.h>
void *lwm2m_malloc(size_t s); void lwm2m_free(void *p);
typedef struct { void *message; } tr_t;
tr_t *transaction_new(void); int send_tr(tr_t *t, void *payload);
#if U == 1
void *lwm2m_malloc(size_t s) { return malloc(s); }
void lwm2m_free(void *p) { free(p); }
#elif U == 2
tr_t *transaction_new(void)
{
  tr_t *t = lwm2m_malloc(sizeof *t);
  if (t == NULL) return NULL;
  if ((t->message = lwm2m_malloc(16)) == NULL) goto error;
  return t;
error: lwm2m_free(t); return NULL; /* free(t) here: found */
}
#else
int update(int len)
{
  tr_t *t = transaction_new();
  if (t == NULL) return 160;
  if (len == 0) return 160;
  char *payload = lwm2m_malloc(len);
  if (!payload) return 160;
  send_tr(t, payload);
  lwm2m_free(payload);
  return 0;
}
#endif
