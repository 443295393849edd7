/* Cases cjson-find-pointer-index-overflow (cJSON_malloc -> global_hooks.allocate),
 * hiredis-connect-options-unknown-type (hi_calloc -> hiredisAllocFns.callocFn),
 * and the allocator half of cares-send-no-servers / cares-sysconfig-option-bad-value
 * (ares_malloc, a global function-pointer variable = default_malloc).
 * Cause: the allocator is a call through a global function pointer (a field
 * of a hooks struct, or a plain variable) whose static initializer is a libc
 * allocator. A call without a direct callee is unknown: no 'allocates: return'
 * is inferred for the wrapper, and the variable's own name is not matched.
 * Expected: line 26 "'full' leaks when 'find_pointer' fails here" and
 * line 38 "'c' leaks when 'connect_opts' fails here" (as with plain malloc). */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
typedef struct { void *(*allocate)(size_t); void (*deallocate)(void *); } hooks_t;
static hooks_t global_hooks = { malloc, free };
void *my_malloc(size_t n) { return global_hooks.allocate(n); }
void my_free(void *p) { global_hooks.deallocate(p); }
void *(*lib_calloc)(size_t, size_t) = calloc;   /* c-ares/hiredis shape */

char *find_pointer(const char *target, size_t index)
{
  char *full = my_malloc(strlen(target) + 22);
  if (full == NULL)
    return NULL;
  if (index > 1000000) {      /* stands for child_index > ULONG_MAX */
    return NULL;              /* fix: my_free(full) */
  }
  sprintf(full, "/%lu%s", (unsigned long)index, target);
  return full;
}
struct ctx { int fd; int flags; };
struct ctx *connect_opts(int type)
{
  struct ctx *c = lib_calloc(1, sizeof *c);
  if (c == NULL)
    return NULL;
  if (type != 1)
    return NULL;              /* fix: free(c) */
  return c;
}
