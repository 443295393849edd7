// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'osip'}]}" -- -I%S/Inputs
// RUN: %check_alloc_tidy -check-suffix=COPIES %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'osip;%S/Inputs/method-copies.yaml'}]}" -- -I%S/Inputs

// Callers of oSIP's inconsistent setters.  set_body copies its buffer (the
// caller frees its own); set_method keeps the pointer (the caller must not
// free it).  With a rules file saying set_method copies (-COPIES), the
// verdicts on set_method turn around.
#include <stdlib.h>
#include <string.h>
#include "osip.h"

int leaks_body(osip_message_t *sip, const char *text) {
  char *body = strdup(text); // alloc: scoped -- see below
  if (!body)
    return -1;
  osip_message_set_body(sip, body, strlen(body));
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'body' is passed to 'osip_message_set_body', which copies it (rules/osip.yaml: copies argument 2 'buf'), and is never freed afterwards: the caller still owns it; free it after the call [alloc-ownership-transfer]{{$}}
  // CHECK-MESSAGES-COPIES: :[[@LINE-2]]:3: warning: 'body' is passed to 'osip_message_set_body', which copies it {{.*}} [alloc-ownership-transfer]{{$}}
  return 0;
}

int body_ok(osip_message_t *sip, const char *text) {
  char *body = strdup(text); // alloc: scoped -- freed after the copy
  if (!body)
    return -1;
  osip_message_set_body(sip, body, strlen(body));
  free(body);
  return 0;
}

void frees_method(osip_message_t *sip) {
  char *method = strdup("INVITE"); // alloc: stored -- the message keeps it
  if (!method)
    return;
  osip_message_set_method(sip, method);
  free(method);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'method' is freed after 'osip_message_set_method' took ownership of it at line 37 (rules/osip.yaml: takes its argument); the new owner releases it too: remove this free [alloc-ownership-transfer]{{$}}
}

void uses_method(osip_message_t *sip) {
  char *method = strdup("INVITE"); // alloc: stored -- the message keeps it
  if (!method)
    return;
  osip_message_set_method(sip, method);
  // CHECK-MESSAGES-COPIES: :[[@LINE-1]]:3: warning: 'method' is passed to 'osip_message_set_method', which copies it {{.*}} [alloc-ownership-transfer]{{$}}
  method[0] = 'i';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'method' is used after 'osip_message_set_method' took ownership of it at line 46 (rules/osip.yaml: takes its argument); copy it before the call if it is still needed [alloc-ownership-transfer]{{$}}
}

void method_ok(osip_message_t *sip) {
  char *method = strdup("INVITE"); // alloc: stored -- the message keeps it
  if (!method)
    return;
  osip_message_set_method(sip, method);
  // CHECK-MESSAGES-COPIES: :[[@LINE-1]]:3: warning: 'method' is passed to 'osip_message_set_method', which copies it ({{.*}}method-copies.yaml: copies argument 2 'method'), and is never freed afterwards{{.*}} [alloc-ownership-transfer]{{$}}
}

void header_ok(osip_message_t *sip) {
  char *v = osip_strdup("x"); // alloc: scoped -- freed after the copy
  if (!v)
    return;
  osip_message_set_header(sip, "X-Tag", v);
  osip_free(v);
}
