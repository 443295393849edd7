/* Case paho-async-send-alloc-failure (MQTTAsync_send, src/MQTTAsync.c).
 * Cause: the project allocator is not recognised. Heap.h turns malloc/free
 * into mymalloc/myfree (Heap.c), which put a header before the block:
 * mymalloc returns an interior pointer 'p + 1' of its malloc() result, and
 * myfree frees 'p - 1'. Returning 'p + 1' is not an owned return, so no
 * 'allocates: return' is inferred (the summaries list mymalloc with no
 * contract, and hence MQTTStrdup neither): no allocation in send_cmd() is tracked.
 * Expected: line 35 'return rc' (reached by 'goto exit' from line 32):
 * "'pub' leaks when allocation of 'pub->payload' fails" (and 'pub->topic').
 * With "return p;" in mymalloc (or plain malloc) it is reported. */
#include <stdlib.h>
#include <string.h>
void *mymalloc(size_t size)
{
  long *p = malloc(size + 2 * sizeof(long));
  if (p == NULL)
    return NULL;
  p[0] = 0x0F0F0F0F;                  /* start eyecatcher */
  return p + 1;                       /* skip it */
}
void myfree(void *p) { if (p) free(((long *)p) - 1); }
struct cmd { char *topic; void *payload; int len; };
int queue_add(struct cmd *c);
int send_cmd(const char *topic, int len)
{
  int rc = 0;
  struct cmd *pub;
  if ((pub = mymalloc(sizeof *pub)) == NULL) { rc = -1; goto exit; }
  memset(pub, 0, sizeof *pub);
  if ((pub->topic = mymalloc(strlen(topic) + 1)) == NULL) { rc = -1; goto exit; }
  strcpy(pub->topic, topic);
  if ((pub->payload = mymalloc(len)) == NULL) { rc = -1; goto exit; }
  rc = queue_add(pub);
exit:
  return rc;
}
