/* Case lighttpd-request-parse-header-error (http_request_parse, request.c).
 * data_string_init IS inferred (calloc, null: never), yet even ReportAllExits
 * is silent. Two causes:
 * (1) loop-carried state: ds is reused from the array's pool or allocated,
 *     inside the header loop ('if (NULL == (ds = get_unused())) ds = init();'),
 *     and handed to array_insert_unique (no contract for ds: "may keep") at
 *     the end of the iteration. Around the back edge the site's state is
 *     "handed off"; on the reuse branch ds no longer points to that block,
 *     but the stale state joins the fresh allocation's and the block is no
 *     longer owned. Without the loop, or with a constant bound (the first
 *     iteration then stays apart), or with free(ds) instead of the insert,
 *     line 35 is reported with ReportAllExits.
 * (2) the errors return 0 (the error is in con->http_status), like the final
 *     'return 0': not failing exits. Evidence in the function: the sibling
 *     error exit at line 32 hands ds to insert before the same 'return 0'.
 * Expected: line 35 "'ds' leaks when 'parse_headers' fails here". */
#include <stdlib.h>
typedef struct { char *key; char *value; } data_string; typedef struct array array;
struct conn { array *headers; int http_status; int n; };
void *array_get_unused_element(array *a);
void array_insert_unique(array *a, data_string *ds);
static data_string *data_string_init(void)
{ data_string *ds = calloc(1, sizeof(*ds)); if (!ds) abort(); return ds; }
int parse_headers(struct conn *con, const char **keys)
{
  for (int i = 0; i < con->n; i++) {
    data_string *ds = NULL;
    if (NULL == (ds = array_get_unused_element(con->headers)))
      ds = data_string_init();
    ds->key = (char *)keys[i];
    if (keys[i][0] == 'E') { con->http_status = 417;
      array_insert_unique(con->headers, ds); return 0; }
    if (keys[i][0] == 'H' && con->http_status) {
      con->http_status = 400;
      return 0;                   /* fix: array_insert_unique(..., ds) first */
    }
    array_insert_unique(con->headers, ds);
  }
  return 0;
}
