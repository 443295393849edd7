// RUN: %check_alloc_tidy %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/returns-arg-rules.yaml'}]}"

// A function that returns its argument (`return p;` on every path; the
// summaries infer `returns: arg N`, rules may declare it): its result is the
// argument's memory, and handing the argument over does not end tracking.
#include <stdlib.h>
#include <string.h>

struct parse { void **tokens; int n; int rename; };
int check(const char *s);

// Registers p (a borrow) and returns it (SQLite sqlite3RenameTokenMap).
void *token_map(struct parse *ps, void *p) {
  if (ps->n < 8)
    ps->tokens[ps->n++] = NULL;
  return p;
}

// Near miss: both returns hand the allocation to the caller.
char *token_expr(struct parse *ps, const char *z, size_t n) {
  char *p = malloc(n + 1);
  if (p) {
    memcpy(p, z, n);
    p[n] = 0;
    if (ps->rename)
      return token_map(ps, p);
  }
  return p;
}

// The returned alias is the same block: leaking it on the error path is
// reported, and freeing it through the alias releases it.
int use_alias(struct parse *ps, const char *s) {
  char *p = strdup(s);
  if (!p)
    return -1;
  char *q = token_map(ps, p);
  if (!check(s))
    return -2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' leaks when 'use_alias' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(q);
  return 0;
}

// Declared in a rules file (`returns: arg 1`), without a body here.
void *ext_register(struct parse *ps, void *p);
int use_declared(struct parse *ps, const char *s) {
  char *p = strdup(s);
  if (!p)
    return -1;
  char *q = ext_register(ps, p);
  if (!check(s))
    return -2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' leaks when 'use_declared' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(q);
  return 0;
}
