// RUN: %check_alloc_tidy %s alloc-group-unwind,alloc-unchecked-result %t

// A NULL test wrapped in a branch hint (libevent's EVUTIL_UNLIKELY, the
// kernel's unlikely(): __builtin_expect(!!(x), 0)) tests its argument: the
// hint changes the code layout, not the condition.
#include <stdlib.h>

#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#define LIKELY(x) __builtin_expect(!!(x), 1)

struct changelist { int *changes; int size; };

int grow(struct changelist *cl) {
  int *n = realloc(cl->changes, 2 * cl->size * sizeof(int));
  if (UNLIKELY(n == NULL))
    return -1;
  cl->changes = n;
  cl->size *= 2;
  return 0;
}

struct slot { int fd; };
int add_slot(struct slot **out) {
  struct slot *s = calloc(1, sizeof *s);
  if (UNLIKELY(!s))
    return -1;
  s->fd = -1;
  *out = s;
  return 0;
}

// Near miss: the hint does not hide a leak on the failure path.
int pair(char **pa, char **pb) {
  char *a = malloc(4);
  if (UNLIKELY(a == NULL))
    return -1;
  char *b = malloc(4);
  if (!LIKELY(b != NULL))
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'a' leaks when allocation of 'b' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  *pa = a;
  *pb = b;
  return 0;
}
