#!/usr/bin/env python3
"""Generates a corpus of small C files rich in allocation patterns, to show
how alloc-tidy's cost grows with input size and to look for crashes.

Usage: gen_corpus.py --files N --out DIR [--seed S]
Each file is self-contained (hermetic prototypes, no system headers) and
mixes justified and unjustified sites, allocation groups unwound correctly
and not, unchecked results, ownership-passing setters, loops, switches,
macros, realloc and out-parameter allocators.  Deterministic for a seed."""
import argparse
import os
import random

PRELUDE = """typedef unsigned long size_t;
#define NULL ((void *)0)
void *malloc(size_t n);
void *calloc(size_t n, size_t s);
void *realloc(void *p, size_t n);
void free(void *p);
char *strdup(const char *s);
void *memcpy(void *d, const void *s, size_t n);
size_t strlen(const char *s);
int asprintf(char **out, const char *fmt, ...);
void abort(void) __attribute__((noreturn));
#define NEW(T) ((T *)calloc(1, sizeof(T)))
struct item { char *name; char *value; struct item *next; int n; };
struct table { struct item *head; char *label; };
static struct table *g_table;
void item_set_name(struct item *it, const char *name);
void item_set_value(struct item *it, char *value);
"""

PATTERNS = [
    # correct goto ladder
    """int {f}(struct item *out, const char *a, const char *b) {{
  char *x = strdup(a); /* alloc: stored -- kept in out */
  if (!x)
    goto fail_x;
  char *y = strdup(b); /* alloc: stored -- kept in out */
  if (!y)
    goto fail_y;
  out->name = x;
  out->value = y;
  return 0;
fail_y:
  free(x);
fail_x:
  return -1;
}}
""",
    # leak on failure path
    """int {f}(struct item *out, size_t n) {{
  char *x = malloc(n);
  if (!x)
    return -1;
  char *y = malloc(n * 2);
  if (!y)
    return -2;
  out->name = x;
  out->value = y;
  return 0;
}}
""",
    # unchecked result and a loop
    """void {f}(int count) {{
  for (int i = 0; i < count; i++) {{
    char *buf = malloc(64);
    buf[0] = (char)i;
    free(buf);
  }}
}}
""",
    # switch with allocations
    """struct item *{f}(int kind, const char *s) {{
  struct item *it = NEW(struct item); // alloc: returned -- the caller owns it
  if (!it)
    return NULL;
  switch (kind) {{
  case 0:
    it->name = strdup(s);
    if (!it->name) {{
      free(it);
      return NULL;
    }}
    break;
  case 1:
    it->value = malloc(strlen(s) + 1);
    if (!it->value)
      return NULL;
    memcpy(it->value, s, strlen(s) + 1);
    break;
  default:
    break;
  }}
  return it;
}}
""",
    # realloc leak and growth
    """int {f}(char **bufp, size_t *cap) {{
  char *buf = *bufp;
  buf = realloc(buf, *cap * 2);
  if (!buf)
    return -1;
  *bufp = buf;
  *cap *= 2;
  return 0;
}}
""",
    # out-parameter allocator, status checked
    """int {f}(const char *who) {{
  char *msg;
  if (asprintf(&msg, "hello %s", who) < 0) /* alloc: scoped -- freed below */
    return -1;
  free(msg);
  return 0;
}}
""",
    # ownership setters
    """void {f}(struct item *it, const char *n) {{
  char *copy = strdup(n); // alloc: scoped -- handed to the setters
  if (!copy)
    return;
  item_set_name(it, copy);
  item_set_value(it, copy);
  free(copy);
}}
""",
    # permanent table at init
    """int {f}_init(void) {{
  g_table = NEW(struct table); /* alloc: permanent -- built once */
  if (!g_table)
    abort();
  g_table->label = strdup("table"); /* alloc: permanent -- built once */
  return g_table->label ? 0 : -1;
}}
""",
    # list building with cleanup on failure
    """struct item *{f}(int n) {{
  struct item *head = NULL;
  for (int i = 0; i < n; i++) {{
    struct item *it = calloc(1, sizeof *it); /* alloc: returned -- list node */
    if (!it) {{
      while (head) {{
        struct item *next = head->next;
        free(head);
        head = next;
      }}
      return NULL;
    }}
    it->next = head;
    head = it;
  }}
  return head;
}}
""",
    # small scoped buffer
    """int {f}(int v) {{
  char *tmp = malloc(32); /* alloc: scoped -- formatting */
  if (!tmp)
    return -1;
  tmp[0] = (char)v;
  int r = tmp[0];
  free(tmp);
  return r;
}}
""",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--functions", type=int, default=12, help="per file")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.files):
        parts = [PRELUDE]
        for j in range(args.functions):
            pat = rnd.choice(PATTERNS)
            parts.append(pat.format(f="f%d_%d" % (i, j)))
        with open(os.path.join(args.out, "unit%04d.c" % i), "w") as f:
            f.write("\n".join(parts))


if __name__ == "__main__":
    main()
