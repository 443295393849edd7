// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Correct ways to unwind a group of allocations: all must stay silent.
#include <stdlib.h>

struct ctx { char *a; char *b; char *c; };
void log_oom(const char *what);
void fatal(const char *what) __attribute__((noreturn));

// 1. A Linux-style goto ladder: each label frees what was allocated before
// the failing step, and falls through to the next.
int goto_ladder(struct ctx *out) {
  char *a, *b, *c;
  a = malloc(16);
  if (!a)
    goto err_a;
  b = malloc(32);
  if (!b)
    goto err_b;
  c = malloc(64);
  if (c == NULL)
    goto err_c;
  out->a = a;
  out->b = b;
  out->c = c;
  return 0;
err_c:
  free(b);
err_b:
  free(a);
err_a:
  return -1;
}

// 2. One cleanup label, pointers initialised to NULL, NULL-tolerant frees.
int single_label(void) {
  char *a = NULL, *b = NULL, *c = NULL;
  int rc = -1;
  if ((a = malloc(16)) == NULL)
    goto out;
  if (NULL == (b = malloc(32)))
    goto out;
  c = malloc(64);
  if (!c)
    goto out;
  log_oom("none");
  rc = 0;
out:
  free(c);
  free(b);
  free(a);
  return rc;
}

// 3. The cleanup attribute: the compiler frees the variable on every exit.
static void free_charp(char **p) { free(*p); }
#define AUTOFREE __attribute__((cleanup(free_charp)))

int cleanup_attribute(void) {
  AUTOFREE char *a = malloc(16);
  if (!a)
    return -1;
  AUTOFREE char *b = malloc(32);
  if (!b)
    return -1;
  return 0;
}

// 4. Freed by hand on each failure branch.
char *by_hand(void) {
  char *a = malloc(16);
  if (!a)
    return NULL;
  char *b = malloc(32);
  if (!b) {
    free(a);
    return NULL;
  }
  free(b);
  return a; // returned: ownership goes to the caller
}

// 5. Handed off before the failure: stored into the caller's object.
int handed_off(struct ctx *out) {
  out->a = malloc(16);
  if (!out->a)
    return -1;
  out->b = malloc(32);
  if (!out->b)
    return -1; // out->a belongs to the caller's object now
  return 0;
}

// 6. The failure path ends the program: nothing is returned to leak into.
int ends_program(void) {
  char *a = malloc(16);
  if (!a)
    abort();
  char *b = malloc(32);
  if (!b)
    exit(1);
  char *c = malloc(64);
  if (!c)
    fatal("c");
  free(a);
  free(b);
  free(c);
  return 0;
}

// 7. A failure test before anything is owned.
int nothing_owned_yet(void) {
  char *a = malloc(16);
  if (!a)
    return -1;
  free(a);
  return 0;
}

// 8. The second allocation is checked after the first is already freed.
int freed_before_next(void) {
  char *a = malloc(16);
  if (!a)
    return -1;
  free(a);
  char *b = malloc(32);
  if (!b)
    return -1;
  free(b);
  return 0;
}
