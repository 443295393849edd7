// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// An out-parameter allocator that resizes the block `*out` held (libyaml
// yaml_stack_extend: `new_start = yaml_realloc(*start, ...); ... *start =
// new_start;`, summarised `reallocates-out`) settles that block itself:
// freed or moved when it succeeds, still in `*out` when it fails. The
// caller's earlier block (STACK_INIT's) is not reported as leaking where
// the extension fails and the cleanup label frees `stack.start` (a false
// finding on libyaml's parser.c before: "'tag_directives.start' leaks when
// allocation of 'tag_directives.start' fails").
#include <stdlib.h>
#include <string.h>
void *y_malloc(size_t size) { return malloc(size ? size : 1); }
void *y_realloc(void *ptr, size_t size) {
  return ptr ? realloc(ptr, size ? size : 1) : malloc(size ? size : 1);
}
void y_free(void *ptr) {
  if (ptr)
    free(ptr);
}
int stack_extend(void **start, void **top, void **end) {
  void *new_start = y_realloc(*start, ((char *)*end - (char *)*start) * 2);
  if (!new_start)
    return 0;
  *top = (char *)new_start + ((char *)*top - (char *)*start);
  *end = (char *)new_start + ((char *)*end - (char *)*start) * 2;
  *start = new_start;
  return 1;
}
struct directive { char *handle; };
struct parser { int error; };
#define STACK_INIT(context, stack, type) \
  (((stack).start = (type)y_malloc(16 * sizeof(*(stack).start))) ? ((stack).top = (stack).start, (stack).end = (stack).start + 16, 1) : ((context)->error = 1, 0))
#define PUSH(context, stack, value) \
  (((stack).top != (stack).end || stack_extend((void **)&(stack).start, (void **)&(stack).top, (void **)&(stack).end)) ? (*((stack).top++) = value, 1) : ((context)->error = 1, 0))
#define STACK_DEL(context, stack) (y_free((stack).start), (stack).start = (stack).top = (stack).end = 0)
int process(struct parser *parser, int n, struct directive **out) {
  struct { struct directive *start, *end, *top; } dirs = {NULL, NULL, NULL};
  struct directive value = {NULL};
  int i;
  if (!STACK_INIT(parser, dirs, struct directive *))
    goto fail;
  for (i = 0; i < n; i++)
    if (!PUSH(parser, dirs, value))
      goto fail;
  *out = dirs.start;
  return 1;
fail:
  STACK_DEL(parser, dirs);
  return 0;
}

// The block STACK_INIT made is still this function's until the extension:
// an early failing return leaks it.
int process_early(struct parser *parser, int n, struct directive **out) {
  struct { struct directive *start, *end, *top; } dirs = {NULL, NULL, NULL};
  struct directive value = {NULL};
  int i;
  if (!STACK_INIT(parser, dirs, struct directive *))
    return 0;
  if (n < 0)
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'dirs.start' leaks when 'process_early' fails here; free it before returning [alloc-group-unwind]{{$}}
  for (i = 0; i < n; i++)
    if (!PUSH(parser, dirs, value))
      goto fail;
  *out = dirs.start;
  return 1;
fail:
  STACK_DEL(parser, dirs);
  return 0;
}
