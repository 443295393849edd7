/* Case libucl-parser-stack-alloc-failure (ucl_add_parser_stack, ucl_parser.c).
 * Cause: ucl_object_typed_new (src/ucl_util.c) is not inferred an allocator.
 * Two blockers: (1) its NULL guard "if (new != NULL) {...} return new;" (see
 * libucl-parse-key-empty.c; written here as an early return to isolate (2));
 * (2) its other branch returns ucl_object_new_userdata(), whose body stores
 * the object into a field of its own embedded member, "new->obj.prev =
 * (ucl_object_t *)new". placeOf() only follows p->f and x.a.b, not p->a.b,
 * so that self-store is an escape: new_userdata is not an allocator, and so
 * typed_new's returns are not all owned ("n->prev = n" is fine). Both
 * rewritten in the real tree: found, buggy only.
 * Expected: line 37 "'obj' leaks when allocation of 'st' fails". */
#include <stdlib.h>
#include <string.h>
struct obj { struct obj *next, *prev; int type; };
struct userdata { struct obj obj; void (*dtor)(void *); };
struct stack { struct obj *obj; struct stack *next; };
struct parser { struct stack *stack; struct obj *cur; };
struct obj *obj_new_userdata(void) {
  struct userdata *new = malloc(sizeof(*new));
  if (new == NULL) return NULL;
  memset(new, 0, sizeof(*new));
  new->obj.prev = (struct obj *)new;
  return (struct obj *)new;
}
struct obj *obj_typed_new(int type) {
  if (type == 7) return obj_new_userdata();
  struct obj *new = malloc(sizeof(*new));
  if (new == NULL) return NULL;
  new->type = type;
  new->prev = new;
  return new;
}
struct obj *add_parser_stack(struct obj *obj, struct parser *parser, int type) {
  if (obj == NULL) obj = obj_typed_new(type);
  struct stack *st = malloc(sizeof(struct stack));
  if (st == NULL)
    return NULL;
  st->obj = obj; st->next = parser->stack; parser->stack = st;
  return obj;
}
