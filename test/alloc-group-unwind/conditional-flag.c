// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A test of `c ? (..., 1) : (..., 0)` is a test of c (libyaml's STACK_INIT:
// `(s.start = malloc(n)) ? (s.top = s.start, ..., 1) : (ctx->error = ...,
// 0)`): where it is false the allocation failed, so nothing it made is
// left to free there, and what was allocated before is.
#include <stdlib.h>

struct stack {
  char **start, **top, **end;
};
struct parser {
  int error;
};
#define STACK_INIT(context, stack, size)                                       \
  (((stack).start = malloc((size) * sizeof(*(stack).start)))                  \
       ? ((stack).top = (stack).start, (stack).end = (stack).start + (size), 1) \
       : ((context)->error = 1, 0))

int process(struct parser *parser) {
  struct stack tags = {NULL, NULL, NULL};
  char *extra = malloc(8);
  if (!extra)
    return 0;
  if (!STACK_INIT(parser, tags, 16))
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'extra' leaks when allocation of 'tags.start' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  free(tags.start);
  free(extra);
  return 1;
}

// Reversed arms: false exactly where the allocation succeeded.
#define STACK_FAILS(context, stack, size)                                      \
  (((stack).start = malloc((size) * sizeof(*(stack).start)))                  \
       ? ((stack).top = (stack).start, 0)                                      \
       : ((context)->error = 1, 1))

int process_fixed(struct parser *parser) {
  struct stack tags = {NULL, NULL, NULL};
  char *extra = malloc(8);
  if (!extra)
    return 0;
  if (STACK_FAILS(parser, tags, 16)) {
    free(extra);
    return 0;
  }
  free(tags.start);
  free(extra);
  return 1;
}
