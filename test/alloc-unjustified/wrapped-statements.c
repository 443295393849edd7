// RUN: %check_alloc_tidy %s alloc-unjustified %t

// A justification belongs to the allocation's whole statement: a comment on
// any of its lines counts, so clang-format wrapping a long justified call
// (and moving its trailing comment onto the continuation line) cannot break
// it.  A comment above the statement's first line counts too.
#include <stdlib.h>
#include <string.h>

struct session { char *peer; char *buf; };
char *join3(const char *a, const char *b, const char *c) __attribute__((malloc));

void wrapped(struct session *s, const char *name, size_t n) {
  // The trailing comment moved to the continuation line.
  s->peer = strndup(name,
                    n); // alloc: stored -- the session keeps its peer name
  // On the first line of a call spread over three.
  s->buf = malloc( // alloc: stored -- one receive buffer per session
      n *
      2);
  // On a middle line.
  char *scratch = calloc(n,
                         sizeof(char)); /* alloc: scoped -- freed below */
  // Above the statement, which starts on the line below the comment.
  /* alloc: scoped -- freed below */
  char *copy =
      strdup(name);
  free(scratch);
  free(copy);
}

int conditions(const char *name) {
  char *p;
  // The head of an if: up to its condition's closing parenthesis.
  if ((p = strdup(name)) ==
      NULL) /* alloc: scoped -- freed below */
    return -1;
  free(p);
  while ((p = strdup(name)) != NULL) { // alloc: scoped -- freed in the body
    free(p);
    break;
  }
  return 0;
}

char *returned(const char *a) {
  return join3(a, "-", // alloc: returned -- the caller frees the name
               "x");
}

void near_misses(struct session *s, const char *name, size_t n) {
  // A trailing comment of the statement above is not this one's.
  char *a = malloc(n); // alloc: scoped -- covers a only
  char *b = malloc(n +
                   1);
  // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: 'malloc' allocates heap memory without a justification; add '// alloc: <lifetime> -- <reason>' [alloc-unjustified]{{$}}
  // The body of an if is not its head: the comment covers the condition's
  // allocation only.
  char *c;
  if ((c = strdup(name)) == NULL) { // alloc: scoped -- freed below
    s->buf = malloc(n);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'malloc' allocates heap memory without a justification; {{.*}} [alloc-unjustified]{{$}}
    return;
  }
  // A comment inside a block does not reach the statement after it.
  {
    // alloc: scoped -- for the block's statements only
  }
  char *d = strdup(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'strdup' allocates heap memory without a justification; {{.*}} [alloc-unjustified]{{$}}
  free(a); free(b); free(c); free(d);
}
