/* Case wakaama-coap-parse-bad-option (coap_parse_message, er-coap-13.c).
 * Cause: the allocation goes into a field of a parameter. add_opt()
 * (coap_add_multi_option) is inferred "allocates: arg0", but its target is
 * &p->uri_path, a field of the caller's packet: stored for the caller, so
 * nothing is owned at the failing returns (enum 128/130, final NO_ERROR = 0).
 * With a local list head the same code is reported. The parser memsets the
 * packet on entry, so those fields held nothing of the caller's before.
 * No-FP on the fixed version (free_header(p) before returning) also needs
 * free_header to "free-fields uri_path": the real coap_free_header is
 * "borrows: [0]" (free_multi_option, same unit, is only conditional on
 * lwm2m_free then, and "field" conditions are kept for other-unit callees
 * only); here free_opts (a list loop) is no deallocator at all.
 * Expected: line 36 "'p->uri_path' leaks when 'parse' fails here" (and 34). */
#include <stdlib.h>
#include <string.h>
typedef struct opt { struct opt *next; int len; } opt_t;
typedef struct { opt_t *uri_path; int n; } pkt_t;
typedef enum { NO_ERROR = 0, BAD_REQUEST_4_00 = 128, BAD_OPTION_4_02 = 130 } status_t;
void add_opt(opt_t **dst, int len)
{
  opt_t *n = malloc(sizeof *n);
  if (!n) return;
  n->next = NULL; n->len = len;
  if (*dst) { opt_t *i = *dst; while (i->next) i = i->next; i->next = n; }
  else *dst = n;
}
void free_opts(opt_t *o) { while (o) { opt_t *n = o->next; free(o); o = n; } }
void free_header(void *packet) { pkt_t *p = (pkt_t *)packet; free_opts(p->uri_path); }
status_t parse(void *packet, unsigned char *d, int len)
{
  pkt_t *const p = (pkt_t *)packet;
  memset(p, 0, sizeof *p);
  for (int i = 0; i < len; i++) {
    if (d[i] == 0xFF) return BAD_REQUEST_4_00;      /* invalid length */
    if (d[i] == 11) add_opt(&p->uri_path, d[i]);
    else if (d[i] & 1) return BAD_OPTION_4_02;      /* unsupported critical */
  }
  return NO_ERROR;
}
