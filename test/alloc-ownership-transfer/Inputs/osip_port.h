/* The allocator macros of libosip2's osip_port.h (5.3.0, non-Windows build,
   lines 101-115): osip_malloc and osip_free are macros over malloc/free, or
   over the functions registered with osip_set_allocators.  osip_strdup is a
   function. */
#include <stddef.h>
void *malloc(size_t n);
void free(void *p);
typedef void *osip_malloc_func_t(size_t size);
typedef void osip_free_func_t(void *ptr);
extern osip_malloc_func_t *osip_malloc_func;
extern osip_free_func_t *osip_free_func;
#define osip_malloc(S) (osip_malloc_func ? osip_malloc_func(S) : malloc(S))
#define osip_free(P)       \
  {                        \
    if (P != NULL) {       \
      if (osip_free_func)  \
        osip_free_func(P); \
      else                 \
        free(P);           \
    }                      \
  }
char *osip_strdup(const char *ch);
typedef struct osip_uri osip_uri_t;
struct osip_uri { char *scheme; char *host; };
int osip_uri_init(osip_uri_t **url);
void osip_uri_free(osip_uri_t *url);
void osip_uri_set_host(osip_uri_t *url, char *host);
typedef struct osip_message osip_message_t;
int osip_message_to_str(osip_message_t *sip, char **dest, size_t *len);
int osip_message_set_header(osip_message_t *sip, const char *hname, const char *hvalue);
#define osip_message_set_user_agent(sip, value) osip_message_set_header(sip, "User-Agent", value)
