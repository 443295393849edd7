/* The parts of libosip2's API the tests call.  osip_free is declared as the
   function it is in Windows builds; Debian's headers make it a macro over
   free (see osip_port.h and osip-macros.c). */
#include <stddef.h>
typedef struct osip_message osip_message_t;
int osip_message_set_body(osip_message_t *sip, const char *buf, size_t length);
void osip_message_set_method(osip_message_t *sip, char *method);
void osip_message_set_version(osip_message_t *sip, char *version);
int osip_message_set_header(osip_message_t *sip, const char *hname, const char *hvalue);
char *osip_strdup(const char *ch);
void osip_free(void *p);
