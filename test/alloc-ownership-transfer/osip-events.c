// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'osip'}]}" -- -I%S/Inputs

// osip_transaction_add_event queues the event on the transaction's fifo
// ('holds'): the transaction frees it later, so the caller may still read
// it (eXosip2 _eXosip_process_newrequest reads evt->sip after queueing),
// but must not free it.
#include "osip.h"

typedef struct osip_event { int type; int transactionid; osip_message_t *sip; } osip_event_t;
typedef struct osip_transaction osip_transaction_t;
osip_event_t *osip_parse(const char *buf, size_t length);
void osip_event_free(osip_event_t *event);
int osip_transaction_add_event(osip_transaction_t *transaction, osip_event_t *evt);
int is_cancel(const osip_message_t *sip);

int queue_and_read(osip_transaction_t *tr, const char *buf, size_t n) {
  osip_event_t *evt = osip_parse(buf, n);
  if (evt == NULL)
    return -1;
  osip_transaction_add_event(tr, evt);
  return is_cancel(evt->sip);
}

// Near miss: freeing it after queueing frees it twice.
void queue_and_free(osip_transaction_t *tr, const char *buf, size_t n) {
  osip_event_t *evt = osip_parse(buf, n);
  if (evt == NULL)
    return;
  osip_transaction_add_event(tr, evt);
  osip_event_free(evt);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'evt' is freed after 'osip_transaction_add_event' took ownership of it at line [[@LINE-2]] (rules/osip.yaml: holds its argument); the new owner releases it too: remove this free [alloc-ownership-transfer]{{$}}
}
