/* Case wakaama-dm-request-observe-error (object_read, objects.c) and
 * wakaama-observe-step-decode-error (object_readData): the out-parameter
 * allocator gets no summary.  Causes in the out-parameter inference
 * (Summaries.cpp, "*out = p"): (a), shown here: with '*out = malloc(); if
 * (*out == NULL) return ERR;' the NULL-return path counts as "stored" (the
 * store happened), so ERR lands in the Ok set together with the success
 * value while the early return lands in Fail: Ok={-1,0}, Fail={-2}, no
 * status kind fits and the contract is dropped; (b) wakaama's codes are
 * positive CoAP codes (success 0x45 = 2.05, errors 0x84/0x85/0xA0), a kind
 * statusKind() has no name for ("equals K"); (c) object_read returns the
 * variable 'result', not constants ('Unknown').
 * Expected: line 38 'return -1': "'buffer' leaks when 'handle_request'
 * fails here".  With 'char *b = malloc(n); if (!b) return -1; *bufferP = b;'
 * object_read gets 'allocates: arg1, status: negative' and it is reported --
 * together with a FALSE one at line 36: Ok={0} is classed "negative", not
 * "nonzero", so the caller's '!= 0' test cannot be decided. */
#include <stdlib.h>
#include <string.h>
struct obj { const char *value; size_t len; };
int object_read(struct obj *o, char **bufferP, size_t *lengthP)
{
  if (o->value == NULL) return -2;       /* not found: nothing stored */
  *bufferP = malloc(o->len);
  if (*bufferP == NULL) return -1;
  memcpy(*bufferP, o->value, o->len);
  *lengthP = o->len;
  return 0;
}
int observe(struct obj *o);
void set_payload(void *response, char *buffer, size_t length);
int handle_request(struct obj *o, int observeOpt, void *response)
{
  char *buffer = NULL;
  size_t length = 0;
  if (object_read(o, &buffer, &length) != 0)
    return -1;
  if (observeOpt && observe(o) != 0)
    return -1;                          /* leaks buffer */
  set_payload(response, buffer, length);  /* the response frees it */
  return 0;
}
