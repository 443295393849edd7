/* Case wakaama-observe-step-decode-error (observe_step, core/observe.c).
 * Causes: (1) read_data (object_readData, objects.c) is no out-parameter
 * allocator: CoAP codes (success 0x45, failures 0x84/0xA0) are outside
 * statusKind()'s negative/nonzero/null; the return after '*dataP = new();
 * if (*dataP == NULL)' counts as a "stored" exit, so 0xA0 joins the success
 * set (no allocator even with 0/-1 codes); the real one also returns success
 * only via 'result' (see the dm-request reproducer). In the real tree
 * lwm2m_data_new (data.c) is not an allocator either: an other-unit
 * lwm2m_malloc result tested 'if (p != NULL) memset' and returned after the
 * join gets no unit summary (with 'if (!p) return NULL;' it does).
 * (2) the leak is at 'continue' in a void function: not a return, not failing.
 * With read_data 0/-1 and tested '< 0' the default run is still silent;
 * ReportAllExits reports it only at the function's closing brace.
 * Expected: line 35: "'dataP' leaks at this 'continue'" (decode failed): the
 * loop body's own variable goes out of scope still owning it. */
#include <stdlib.h>
typedef struct { int type; long v; } data_t;
data_t *data_new(void) { return malloc(sizeof(data_t)); }
int read_data(int id, data_t **dataP)
{
  if (id < 0) return 0x84;                 /* COAP_404_NOT_FOUND */
  *dataP = data_new();
  if (*dataP == NULL) return 0xA0;         /* COAP_500_INTERNAL_SERVER_ERROR */
  (*dataP)->type = id;
  return 0x45;                             /* COAP_205_CONTENT */
}
int decode(data_t *d, long *v) { if (d->type != 1) return 0; *v = d->v; return 1; }
struct obs { struct obs *next; int id; long last; };
void step(struct obs *list)
{
  for (struct obs *t = list; t != NULL; t = t->next) {
    data_t *dataP = NULL;
    long v = 0;
    if (0x45 != read_data(t->id, &dataP)) continue;
    if (1 != decode(dataP, &v)) continue;
    t->last = v;
    free(dataP);
  }
}
