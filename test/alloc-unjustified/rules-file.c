// RUN: %check_alloc_tidy %s alloc-unjustified %t -- \
// RUN:   --config="{CheckOptions: [{key: alloc-unjustified.RulesFiles, value: '%S/Inputs/project-rules.yaml'}]}"
// RUN: %check_alloc_tidy -check-suffix=GLOBAL %s alloc-unjustified %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/project-rules.yaml'}]}"
// RUN: %check_alloc_tidy -check-suffix=NORULES %s alloc-unjustified %t
// RUN: %check_alloc_tidy -check-suffix=EXTRA %s alloc-unjustified %t -- \
// RUN:   --config="{CheckOptions: [{key: alloc-unjustified.ExtraAllocators, value: 'pool_alloc=pool_free; pool_strdup'}]}"
// RUN: %check_alloc_tidy -check-suffix=NOLIBC %s alloc-unjustified %t -- \
// RUN:   --config="{CheckOptions: [{key: alloc-unjustified.BuiltinRules, value: 'hidden'}]}"

// A project's allocators, described in a user rules file (RulesFiles, set
// for this check or globally) or listed in ExtraAllocators, are sites like
// malloc.  Without them, the calls are ordinary calls.
#include <stddef.h>
void *malloc(size_t);
void *pool_alloc(size_t n);
char *pool_strdup(const char *s);
void pool_free(void *p);
int pool_alloc_into(size_t n, void **out);

void use_pool(const char *s, void **out) {
  void *a = pool_alloc(16);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'pool_alloc' allocates heap memory without a justification; {{.*}} [alloc-unjustified]{{$}}
  // CHECK-MESSAGES-GLOBAL: :[[@LINE-2]]:13: warning: 'pool_alloc' allocates heap memory without {{.*}} [alloc-unjustified]{{$}}
  // CHECK-MESSAGES-EXTRA: :[[@LINE-3]]:13: warning: 'pool_alloc' allocates heap memory without {{.*}} [alloc-unjustified]{{$}}
  char *b = pool_strdup(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'pool_strdup' allocates {{.*}} [alloc-unjustified]{{$}}
  // CHECK-MESSAGES-GLOBAL: :[[@LINE-2]]:13: warning: 'pool_strdup' allocates {{.*}} [alloc-unjustified]{{$}}
  // CHECK-MESSAGES-EXTRA: :[[@LINE-3]]:13: warning: 'pool_strdup' allocates {{.*}} [alloc-unjustified]{{$}}
  pool_alloc_into(8, out);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'pool_alloc_into' allocates {{.*}} [alloc-unjustified]{{$}}
  // CHECK-MESSAGES-GLOBAL: :[[@LINE-2]]:3: warning: 'pool_alloc_into' allocates {{.*}} [alloc-unjustified]{{$}}
  void *c = pool_alloc(16); // alloc: transaction -- per-request pool block
  pool_free(a);
  pool_free(b);
  pool_free(c);
  void *m = malloc(1); // alloc: scoped -- libc still applies
  // With BuiltinRules naming only 'hidden', malloc is not described.
  void *n = malloc(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  // CHECK-MESSAGES-GLOBAL: :[[@LINE-2]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  // CHECK-MESSAGES-NORULES: :[[@LINE-3]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  // CHECK-MESSAGES-EXTRA: :[[@LINE-4]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  (void)m; (void)n;
}
