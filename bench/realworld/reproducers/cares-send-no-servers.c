/* Case cares-send-no-servers (ares_send, ares_send.c). Besides the allocator
 * (ares_malloc/ares_free are global function-pointer variables: see
 * cjson-find-pointer-index-overflow.c; plain malloc/free here), the exit:
 * ares_send returns void and reports errors through callback(arg, status);
 * a 'return;' without a value is never a failing exit, so the leak of
 * query->tcpbuf (a field of the local query, freed alone) after the
 * no-servers check is only reported with ReportAllExits. Evidence inside
 * the function, independent of exit classes: free(query) at line 29 releases
 * the owner while its field tcpbuf still owns memory allocated here (the
 * sibling path at line 35 frees the field first). As 'int' with 'return -1'
 * it is reported by default.
 * Expected: line 31 (or 29) "'query->tcpbuf' leaks when 'ares_send' fails
 * here" (a failing void exit, or the free of its owner). */
#include <stdlib.h>
#include <string.h>
typedef void (*callback_t)(void *arg, int status);
struct query { unsigned char *tcpbuf; int *server_info; };
struct channel { int nservers; };
void send_query(struct channel *ch, struct query *q);
void ares_send(struct channel *ch, const unsigned char *qbuf, int qlen,
               callback_t callback, void *arg)
{
  struct query *query = malloc(sizeof(struct query));
  if (!query) { callback(arg, 15); return; }
  query->tcpbuf = malloc(qlen + 2);
  if (!query->tcpbuf) { free(query); callback(arg, 15); return; }
  if (ch->nservers < 1)
    {
      free(query);              /* fix: check nservers before allocating */
      callback(arg, 11);
      return;
    }
  query->server_info = malloc(ch->nservers * sizeof(int));
  if (!query->server_info)
    { free(query->tcpbuf); free(query); callback(arg, 15); return; }
  memcpy(query->tcpbuf + 2, qbuf, qlen);
  send_query(ch, query);
}
