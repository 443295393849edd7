#include <stdlib.h>
struct sll { struct sll *next; int v; };
struct res { struct sll *types; struct sll *ifs; };
void free_res(struct res *r); /* frees both lists and r (no rules) */

/* IoTivity's OCCopyResource (ocpayload.c): a list built in a loop hangs off
   pl->types; a later failure frees everything through pl.  Correct code. */
struct res *copy(int n) {
  struct res *pl = calloc(1, sizeof *pl); // alloc: returned -- the caller frees it
  if (!pl)
    return NULL;
  pl->types = calloc(1, sizeof *pl->types); // alloc: returned -- part of pl
  if (!pl->types) {
    free_res(pl);
    return NULL;
  }
  struct sll *cur = pl->types;
  for (int i = 1; i < n; i++) {
    cur->next = calloc(1, sizeof *cur->next); // alloc: returned -- part of pl
    if (!cur->next) {
      free_res(pl);
      return NULL;
    }
    cur = cur->next;
  }
  pl->ifs = calloc(1, sizeof *pl->ifs); // alloc: returned -- part of pl
  if (!pl->ifs) {
    free_res(pl);
    return NULL;
  }
  return pl;
}
