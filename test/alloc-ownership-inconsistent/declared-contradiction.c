// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/declared-rules.yaml'}]}"

// Contracts are checked, not trusted: a declaration (rules file or
// attribute) that the function's own body contradicts is reported.
#include <stdlib.h>
#include <string.h>

struct cfg { char *name, *path, *host; };

// Declared "copies", but the body frees its argument.
void cfg_copy_name(char *name, struct cfg *c) {
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'cfg_copy_name' is declared to copy 'name' ({{.*}}declared-rules.yaml), but its body frees it on every path: callers will free it again; fix the declaration or the body [alloc-ownership-inconsistent]{{$}}
  c->name = strdup(name);
  free(name);
}

// Declared "takes", but the body only reads it.
void cfg_set_path(struct cfg *c, const char *path) {
  // CHECK-MESSAGES: :[[@LINE-1]]:46: warning: 'cfg_set_path' is declared to take 'path' ({{.*}}declared-rules.yaml), but its body never frees or keeps it: the caller leaks it; fix the declaration or the body [alloc-ownership-inconsistent]{{$}}
  (void)strlen(path);
  (void)c;
}

// Near miss: declared "takes", and the body stores it in a field the
// destroy function frees.
void cfg_set_host(struct cfg *c, char *host) { c->host = host; }
void cfg_free(struct cfg *c) {
  free(c->name);
  free(c->host);
  free(c);
}

// Declared by attribute, contradicted by the body.
void release_it(void *p) __attribute__((ownership_takes(malloc, 1)));
void release_it(void *p) { (void)p; }
// CHECK-MESSAGES: :[[@LINE-1]]:23: warning: 'release_it' is declared to take 'p' ({{.*}}), but its body never frees or keeps it: the caller leaks it; fix the declaration or the body [alloc-ownership-inconsistent]{{$}}

// Near miss: the attribute matches the body.
void drop_it(void *p) __attribute__((ownership_takes(malloc, 1)));
void drop_it(void *p) { free(p); }
