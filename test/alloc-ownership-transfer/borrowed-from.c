// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/getter-rules.yaml'}]}"

// A getter marked 'returns: borrowed-from(arg 0)' lends a pointer into the
// object it is given (osip_message_get_body, osip_list_get): the caller must
// not free it.  A destroy function marked 'frees-fields' frees what the
// object's fields hold: using a field's string afterwards is a use after free.
#include <stdlib.h>
#include <string.h>

struct msg { char *name; };
struct msg *msg_new(void);
char *msg_get_header(struct msg *m, const char *name);
void msg_free(struct msg *m);

void frees_borrowed(struct msg *m) {
  char *h = msg_get_header(m, "Via");
  free(h);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'h' is freed but 'msg_get_header' only lends it ({{.*}}getter-rules.yaml: returns borrowed); do not free it [alloc-ownership-transfer]{{$}}
}

// Near miss: a copy of the borrowed string is the caller's to free.
void frees_copy(struct msg *m) {
  char *h = strdup(msg_get_header(m, "Via")); // alloc: scoped -- freed below
  free(h);
}

void uses_field_after_destroy(void) {
  struct msg *m = msg_new();
  if (!m)
    return;
  m->name = strdup("INVITE");
  char *name = m->name;
  msg_free(m);
  name[0] = 'i';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'm->name' is used after it was freed by 'msg_free' at line 34 [alloc-ownership-transfer]{{$}}
}

// Near miss: the field is taken out of the object before it is destroyed.
void takes_field_out(void) {
  struct msg *m = msg_new();
  if (!m)
    return;
  m->name = strdup("INVITE");
  char *name = m->name;
  m->name = NULL;
  msg_free(m);
  if (name)
    name[0] = 'i';
  free(name);
}
