#include "zm.h"
struct list { int len; };
struct list *list_create(void) {
  struct list *l;
  if ((l = zmalloc(sizeof(*l))) == NULL)
    return NULL;
  l->len = 0;
  return l;
}
struct list *list_try(void) {
  struct list *l;
  if ((l = ztrymalloc(sizeof(*l))) == NULL)
    return NULL;
  l->len = 0;
  return l;
}
