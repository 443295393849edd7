#include <stdlib.h>
typedef struct json json_t;
json_t *parse(const char *text);   /* rules: allocates, family json */
void json_free(json_t *j);         /* rules: frees 0 */
const char *get(json_t *j, const char *key);
struct item { json_t *json; const char *value; struct item *next; };

/* Ioto's dbRemoveExpired (dbLib.c): each iteration parses when the item has
   no tree, frees the parsed tree at the end of the iteration, and restarts
   the scan with goto.  Correct code. */
int expire(struct item *items) {
  int count = 0;
  json_t *alloc, *json;
again:
  for (struct item *it = items; it; it = it->next) {
    alloc = 0;
    json = it->json ? it->json : (alloc = parse(it->value)); // alloc: scoped -- freed below
    if (get(json, "expired")) {
      count++;
      if (alloc)
        json_free(alloc);
      goto again;
    }
    if (alloc)
      json_free(alloc);
  }
  return count;
}
