// RUN: %check_alloc_tidy %s alloc-unjustified %t

// A malformed justification is its own diagnostic, at the comment, saying
// what is wrong; the allocation it sits on is not reported a second time.
#include <alloc_tidy.h>
#include <stdlib.h>

void malformed(size_t n) {
  char *a = malloc(n); // alloc: forever -- never freed
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: malformed allocation justification: unknown lifetime 'forever'; use one of permanent, scoped, transaction, returned, stored [alloc-unjustified]{{$}}
  char *b = malloc(n); /* alloc: -- no lifetime */
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: malformed allocation justification: no lifetime; write 'alloc: <lifetime> -- <reason>' with one of permanent, scoped, transaction, returned, stored [alloc-unjustified]{{$}}
  char *c = malloc(n); // alloc: scoped
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: malformed allocation justification: no reason; write '-- <reason>' after 'scoped' [alloc-unjustified]{{$}}
  char *d = malloc(n); // alloc: scoped --
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: malformed allocation justification: empty reason; say after '--' why the allocation is needed [alloc-unjustified]{{$}}
  char *e = malloc(n); // alloc: scoped freed below
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: malformed allocation justification: no reason; write '-- <reason>' after 'scoped' [alloc-unjustified]{{$}}
  char *f = ALLOC_JUSTIFIED(forever, "x", malloc(n));
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: malformed allocation justification: unknown lifetime 'forever'; use one of {{.*}} [alloc-unjustified]{{$}}
  char *g = ALLOC_JUSTIFIED(scoped, "", malloc(n));
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: malformed allocation justification: empty reason; say why the allocation is needed [alloc-unjustified]{{$}}
  char *h = ALLOC_JUSTIFIED(scoped, reason, malloc(n));
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: malformed allocation justification: ALLOC_JUSTIFIED needs a string literal reason as its second argument [alloc-unjustified]{{$}}
  // A malformed comment far from any allocation is still reported.
  /* alloc: scopd -- typo */
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: malformed allocation justification: unknown lifetime 'scopd'; {{.*}} [alloc-unjustified]{{$}}
  free(a); free(b); free(c); free(d); free(e); free(f); free(g); free(h);
}

// Contract comments on function declarations are checked for form too.
/* alloc: takes method */
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: malformed allocation justification: contract 'takes' needs its parameters in parentheses: 'takes(name, ...)' [alloc-unjustified]{{$}}
void set_method(char *method);
/* alloc: copies(body); keeps(uri) */
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: malformed allocation justification: unknown contract 'keeps'; use takes, copies or borrows [alloc-unjustified]{{$}}
void set_body(const char *body, char *uri);
/* alloc: takes(uri) copies(body) */
// CHECK-MESSAGES: :[[@LINE-1]]:1: warning: malformed allocation justification: unexpected 'copies(body)' after the contract; separate clauses with ';' [alloc-unjustified]{{$}}
void set_both(const char *body, char *uri);
/* alloc: takes(uri); copies(body) -- the message keeps the URI */
void set_ok(const char *body, char *uri);
