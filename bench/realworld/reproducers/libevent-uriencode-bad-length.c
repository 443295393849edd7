/* Case libevent-uriencode-bad-length (evhttp_uriencode, http.c); also the
 * allocator half of libevent-sigfd-add-sigprocmask (mm_malloc).
 * Cause: libevent's mm_calloc/mm_malloc (event_mm_calloc_/event_mm_malloc_,
 * event.c) call a replaceable hook when one is set, else libc:
 *   if (mm_malloc_fn_) return mm_malloc_fn_(sz); return malloc(sz);
 * An allocator summary needs every return to be owned or NULL; the return
 * through the function pointer (static, NULL-initialised, set by
 * event_set_mem_functions) is unknown, so no 'allocates: return' is inferred
 * for event_mm_calloc_, hence none for evbuffer_new (buffer.c), whose summary
 * keeps an unresolved 'requires: allocates event_mm_calloc_'.
 * Expected: line 29 "'buf' leaks when 'uriencode' fails here" (found once
 * mm_calloc is an allocator, or with calloc in its place). */
#include <stdlib.h>
#include <string.h>
static void *(*mm_malloc_fn_)(size_t) = NULL;
void *mm_malloc(size_t sz)     /* event_mm_calloc_ has the same shape */
{
  if (mm_malloc_fn_)
    return mm_malloc_fn_(sz);
  return malloc(sz);
}
struct evbuffer { char *data; size_t len; };
char *uriencode(const char *uri, long len)
{
  struct evbuffer *buf = mm_malloc(sizeof *buf);
  if (buf == NULL)
    return NULL;
  if (len >= 0 && uri + len < uri)
    return NULL;               /* fix: goto out, which frees buf */
  char *result = malloc(len + 1);
  if (result)
    memcpy(result, uri, len + 1);
  free(buf);
  return result;
}
