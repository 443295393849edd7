#include <stddef.h>

/* The debugging heap of mem.c under the standard names (paho.mqtt.c's
   Heap.h): malloc and free are macros for functions of another unit. */
void *track_malloc(const char *file, int line, size_t n);
void track_free(const char *file, int line, void *p);
#define malloc(n) track_malloc(__FILE__, __LINE__, (n))
#define free(p) track_free(__FILE__, __LINE__, (p))

struct elem { struct elem *next; void *content; };
struct list { struct elem *first, *last; };

/* Links an element the caller allocated into the list: the list owns its
   elements (list_empty frees them), so the element is held, not borrowed. */
void list_link(struct list *l, void *content, struct elem *e) {
  e->content = content;
  e->next = NULL;
  if (l->first == NULL)
    l->first = e;
  else
    l->last->next = e;
  l->last = e;
}

struct elem *list_append(struct list *l, void *content) {
  struct elem *e = malloc(sizeof *e);
  if (e)
    list_link(l, content, e);
  return e;
}

void list_empty(struct list *l) {
  while (l->first != NULL) {
    struct elem *first = l->first;
    l->first = first->next;
    free(first);
  }
  l->last = NULL;
}
