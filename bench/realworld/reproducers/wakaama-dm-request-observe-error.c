/* Case wakaama-dm-request-observe-error (handle_dm_request, core/management.c).
 * Causes: (1) object_read (objects.c) is not inferred "allocates: arg1": its
 * early failures return constants (0x84) but success only ever leaves through
 * the status variable 'result' (from the readFunc callback), so the success
 * set is empty and statusKind() gives up (also with -4/-5/0 codes; and 0x45 =
 * COAP_205_CONTENT would be outside negative/nonzero/null anyway).
 * (2) with object_read known (oracle) the exit is still not failing: dm() ends
 * with 'return result', so there is no success constant; result is known only
 * "!= 0x45" there. ReportAllExits reports it; the fixed version is clean.
 * Expected: line 39 "'buffer' leaks when 'dm' fails here" (observe_req()
 * failed: result != 0x45 at line 37, so set_payload() did not take it). */
#include <stdlib.h>
struct pkt { char *payload; int len; int observe; };
int read_cb(int id);                       /* targetP->readFunc */
int object_read(int id, char **bufferP, int *lengthP)
{
  int result;
  if (id < 0) return 0x84;                 /* COAP_404_NOT_FOUND */
  result = read_cb(id);
  if (result == 0x45) {
    *bufferP = malloc(8);
    if (*bufferP == NULL) result = 0xA0;
    else *lengthP = 8;
  }
  return result;
}
int observe_req(struct pkt *m);
void set_payload(struct pkt *r, char *b, int n) { r->payload = b; r->len = n; }
int dm(int id, struct pkt *m, struct pkt *resp)
{
  int result;
  char *buffer = NULL;
  int length = 0;
  result = object_read(id, &buffer, &length);
  if (result == 0x45) {
    if (m->observe) result = observe_req(m);
    if (result == 0x45) set_payload(resp, buffer, length);
  }
  return result;
}
