/* Case expat-element-declarations-stack-oom (dumpContentModel,
 * examples/element_declarations.c). Cause: "top = push(top, ...)" loses the
 * stack when push fails (the "p = realloc(p, n)" shape through a same-file
 * wrapper, in a loop). push (stackPushMalloc) IS inferred "allocates:
 * return", but "takes: [0]" on every path, though it links 'top' into the
 * new node only after malloc succeeded: it should be "takes 0 on success
 * only" (as "reallocates: 0"). Even declared "reallocates: 0" it is missed:
 * the old top is pop()'s result (read from the freed node: untracked) or the
 * block the same push site made in the previous iteration, not told apart
 * from the new one (straight-line "t = push(NULL,1); t = push(t,2);" with
 * "reallocates: 0" is reported). pop is inferred "frees: 0".
 * Expected: line 37 "'top' leaks when allocation of 'top' fails". */
#include <stdlib.h>
typedef struct Stack { int level; struct Stack *prev; } Stack;
static Stack *push(Stack *top, int level) {
  Stack *const n = malloc(sizeof(Stack));
  if (!n)
    return NULL;
  n->level = level;
  n->prev = top;
  return n;
}
static Stack *pop(Stack *top) {
  Stack *const prev = top->prev;
  free(top);
  return prev;
}
_Bool dump(int nchildren) {
  Stack *top = push(NULL, 1);
  if (!top)
    return 0;
  while (top) {
    int level = top->level;
    top = pop(top);
    for (int u = nchildren - level; u >= 1; u--)
      if (!(top = push(top, level + 1)))
        return 0;
  }
  return 1;
}
