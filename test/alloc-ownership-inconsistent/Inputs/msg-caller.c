#include <stdlib.h>
#include <string.h>
typedef struct msg msg_t;
void msg_set_body(msg_t *m, const char *body);
void msg_set_method(msg_t *m, char *method);

void send_invite(msg_t *m) {
  char *method = strdup("INVITE"); // alloc: stored -- the message keeps it
  if (!method)
    return;
  msg_set_method(m, method);
  free(method);
  char *body = strdup("v=0"); // alloc: scoped -- freed after the copy
  if (!body)
    return;
  msg_set_body(m, body);
  free(body);
}
