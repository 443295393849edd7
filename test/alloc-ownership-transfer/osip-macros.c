// RUN: %check_alloc_tidy %s alloc-ownership-transfer,alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'osip'}]}" -- -I%S/Inputs

// oSIP as Debian's headers declare it: osip_free is a macro over free (or
// the registered deallocator), osip_strdup and osip_message_to_str return
// osip_malloc memory.  A correct osip_free of it is no wrong-family free;
// osip_free of a parsed object (which leaks its fields) is one; the object's
// *_free frees the strings its setters took.
#include "osip_port.h"

void frees_string(void) {
  char *s = osip_strdup("x"); // alloc: scoped -- freed below
  osip_free(s); // no warning: osip_free is free, the family of osip_strdup
}

void frees_text(osip_message_t *sip) {
  char *text = 0;
  if (osip_message_to_str(sip, &text, 0) != 0) // alloc: scoped -- freed below
    return;
  osip_free(text); // no warning
}

void frees_uri_wrongly(void) {
  osip_uri_t *uri;
  if (osip_uri_init(&uri) != 0) // alloc: scoped -- freed below
    return;
  osip_free(uri);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'uri' is allocated by 'osip_uri_init' (family osip_uri, rules/osip.yaml) but freed by 'free' (family libc, rules/libc.yaml); release it with a deallocator of its family [alloc-ownership-transfer]{{$}}
}

// Near miss: osip_uri_free frees the host osip_uri_set_host took, and the
// field stored directly; nothing leaks when the second strdup fails.
int builds_uri(const char *h) {
  osip_uri_t *uri;
  if (osip_uri_init(&uri) != 0) // alloc: scoped -- freed below
    return -1;
  osip_uri_set_host(uri, osip_strdup(h)); // alloc: stored -- the URI frees it
  uri->scheme = osip_strdup("sip"); // alloc: stored -- the URI frees it
  if (!uri->scheme) {
    osip_uri_free(uri);
    return -1;
  }
  osip_uri_free(uri);
  return 0;
}

// The seed's leak, as siproxd has it: a copying setter behind a macro.
void sets_user_agent(osip_message_t *sip, const char *ua) {
  osip_message_set_user_agent(sip, osip_strdup(ua)); // alloc: scoped -- copied by the setter
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: the result of 'osip_strdup' is passed to 'osip_message_set_header', which copies it (rules/osip.yaml: copies argument 3 'hvalue'), and is never freed afterwards: the caller still owns it; free it after the call [alloc-ownership-transfer]{{$}}
}
