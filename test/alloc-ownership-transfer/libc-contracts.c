// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'glib'}]}"

// Contracts of libc and GLib: a borrowed result, a deallocator of another
// family, use after free, and a pointer the environment keeps.
#include <stdlib.h>
#include <string.h>

void *g_malloc(size_t n);
char *g_strdup(const char *s);
void g_free(void *p);
typedef struct GList GList;
GList *g_list_append(GList *list, void *data);

void borrowed(void) {
  char *home = getenv("HOME");
  free(home);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'home' is freed but 'getenv' only lends it (rules/libc.yaml: returns borrowed); do not free it [alloc-ownership-transfer]{{$}}
}

void mixed_families(void) {
  char *a = malloc(8); // alloc: scoped -- freed below
  if (!a)
    return;
  g_free(a);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'a' is allocated by 'malloc' (family libc, rules/libc.yaml) but freed by 'g_free' (family glib, rules/glib.yaml); release it with 'free' [alloc-ownership-transfer]{{$}}
  char *b = g_strdup("x"); // alloc: scoped -- freed below
  free(b);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'b' is allocated by 'g_strdup' (family glib, rules/glib.yaml) but freed by 'free' (family libc, rules/libc.yaml); release it with 'g_free' [alloc-ownership-transfer]{{$}}
  char *c = g_malloc(8); // alloc: scoped -- freed below
  g_free(c);
}

void twice(void) {
  char *p = malloc(8); // alloc: scoped -- freed below
  if (!p)
    return;
  free(p);
  p[0] = 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is used after it was freed by 'free' at line 38 [alloc-ownership-transfer]{{$}}
  free(p);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'p' is freed after it was freed by 'free' at line 38; release it once [alloc-ownership-transfer]{{$}}
}

void environment(void) {
  char *kv = strdup("A=1"); // alloc: permanent -- the environment keeps it
  if (!kv)
    return;
  putenv(kv);
  free(kv);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'kv' is freed after 'putenv' took ownership of it at line 49 (rules/libc.yaml: takes its argument); the new owner releases it too: remove this free [alloc-ownership-transfer]{{$}}
}

// A list holds its data: the caller may use it, but not free it.
GList *hold(GList *list) {
  char *d = strdup("x"); // alloc: stored -- the list keeps it
  if (!d)
    return list;
  list = g_list_append(list, d);
  d[0] = 'y';
  return list;
}

GList *hold_then_free(GList *list) {
  char *d = strdup("x"); // alloc: stored -- the list keeps it
  if (!d)
    return list;
  list = g_list_append(list, d);
  free(d);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'd' is freed after 'g_list_append' took ownership of it at line 68 (rules/glib.yaml: holds its argument); the new owner releases it too: remove this free [alloc-ownership-transfer]{{$}}
  return list;
}

// Near misses: a free on only one path, then a fresh allocation; a
// NULL-tolerant free of a pointer that was never allocated.
void near_misses(int flag) {
  char *p = malloc(8); // alloc: scoped -- freed below
  if (flag) {
    free(p);
    p = malloc(16); // alloc: scoped -- freed below
  }
  if (p)
    p[0] = 0;
  free(p);
  char *q = NULL;
  free(q);
}
