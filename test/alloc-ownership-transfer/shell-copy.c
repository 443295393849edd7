// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/payload-rules.yaml'}]}"

// An object that another object is copied over whole (IoTivity
// SendListObserverNotification: `payload = OCRepPayloadCreate();
// memcpy(payload, shared, sizeof *shared); ... OICFree(payload)`) holds the
// source's fields: freeing only its shell with the plain deallocator keeps
// them, where the family's destroy function would free them under the
// source.  Near miss: an object whose fields are its own, freed the same
// way, is freed by the wrong family.
#include <stdlib.h>
#include <string.h>

struct payload { char *name; int n; };
struct payload *payload_create(void);
void payload_destroy(struct payload *p);
int send_payload(struct payload *p);

int notify(const struct payload *shared) {
  struct payload *p = payload_create(); // alloc: scoped -- freed below
  if (!p)
    return -1;
  memcpy(p, shared, sizeof *shared);
  int r = send_payload(p);
  free(p);
  return r;
}

int notify_assigned(const struct payload *shared) {
  struct payload *p = payload_create(); // alloc: scoped -- freed below
  if (!p)
    return -1;
  *p = *shared;
  int r = send_payload(p);
  free(p);
  return r;
}

int notify_own(int n) {
  struct payload *p = payload_create(); // alloc: scoped -- freed below
  if (!p)
    return -1;
  p->n = n;
  int r = send_payload(p);
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is allocated by 'payload_create' (family payload, {{.*}}payload-rules.yaml) but freed by 'free' (family libc, rules/libc.yaml); release it with 'payload_destroy' [alloc-ownership-transfer]{{$}}
  return r;
}
