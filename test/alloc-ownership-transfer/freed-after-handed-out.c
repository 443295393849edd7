// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// Memory handed to the caller through `*out` and freed right before the
// function returns success leaves the caller a dangling pointer (libyaml
// yaml_parser_process_directives before 56f4b17: `if (version_directive_ref)
// *version_directive_ref = version_directive; ... yaml_free(version_directive);
// return 1;`).  Freeing it only where it is not handed out, or on a failing
// path that also clears `*out`, is fine.
#include <stdlib.h>
struct ver {
  int major, minor;
};
int parse(const char *s);
int process(struct ver **ref, const char *s) {
  struct ver *v = malloc(sizeof *v);
  if (!v)
    return 0;
  if (parse(s) < 0)
    goto error;
  if (ref)
    *ref = v;
  free(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' is freed after it was handed to the caller through an out-parameter, and the function then returns success: the caller gets freed memory; free it only where it is not handed out [alloc-ownership-transfer]
  return 1;
error:
  free(v);
  return 0;
}

// Near misses: freed only where it is not handed out, or on a failing path
// that clears `*out`.
int process_ok(struct ver **ref, const char *s) {
  struct ver *v = malloc(sizeof *v);
  if (!v)
    return 0;
  if (parse(s) < 0)
    goto error;
  if (ref)
    *ref = v;
  else
    free(v);
  return 1;
error:
  free(v);
  return 0;
}
int fails_after(struct ver **out) {
  struct ver *v = malloc(sizeof *v);
  if (!v)
    return -1;
  *out = v;
  if (parse("x") < 0) {
    free(v);
    *out = NULL;
    return -1;
  }
  return 0;
}

// The path there passes a test of `c ? head : NULL` (libyaml PEEK_TOKEN):
// an arm the analysis does not follow may be anything, so the value is not
// known NULL and the path goes on.
struct token {
  int type;
};
struct parser {
  int available;
  struct token *head;
};
int fetch_more(struct parser *p);
#define PEEK(p) (((p)->available || fetch_more(p)) ? (p)->head : NULL)

int directives(struct parser *p, struct ver **ref) {
  struct ver *v = NULL;
  struct token *t = PEEK(p);
  if (!t)
    goto error;
  if (t->type == 1) {
    v = malloc(sizeof *v);
    if (!v)
      goto error;
  }
  if (ref)
    *ref = v;
  free(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'v' is freed after it was handed to the caller through an out-parameter, and the function then returns success: the caller gets freed memory; free it only where it is not handed out [alloc-ownership-transfer]
  return 1;
error:
  free(v);
  return 0;
}
