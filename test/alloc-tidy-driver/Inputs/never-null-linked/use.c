struct list { int len; };
struct list *list_create(void);
struct list *list_try(void);
int sizes(void) {
  struct list *a = list_create();
  a->len = 1;
  struct list *b = list_try();
  b->len = 2;
  return a->len + b->len;
}
