// RUN: %check_alloc_tidy %s alloc-unjustified %t

// A comment that looks meant as a justification but is not one gets a note
// at the comment saying what to change.  The allocation stays reported.
#include <stdlib.h>

void hints(size_t n) {
  char *a = malloc(n); // ALLOC: scoped -- freed below
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'malloc' allocates heap memory without a justification; {{.*}} [alloc-unjustified]{{$}}
  // CHECK-NOTES: :[[@LINE-2]]:24: note: not read as a justification: the keyword is lowercase: 'alloc:'
  // TODO alloc: scoped -- freed below
  char *b = malloc(n);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  // CHECK-NOTES: :[[@LINE-3]]:3: note: not read as a justification: 'alloc:' must open the comment; move 'TODO' after the reason
  char *c = malloc(n); /* allocate: scoped -- freed below */
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  // CHECK-NOTES: :[[@LINE-2]]:24: note: not read as a justification: the keyword is 'alloc:', not 'allocate:'
  char *d = malloc(n); // alloc : scoped -- freed below
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  // CHECK-NOTES: :[[@LINE-2]]:24: note: not read as a justification: no blank before the colon: 'alloc:'
  char *e = malloc(n
                   ); /* Allocation: scoped -- wrapped, and misspelt */
  // CHECK-NOTES: :[[@LINE-2]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  // CHECK-NOTES: :[[@LINE-2]]:23: note: not read as a justification: the keyword is 'alloc:', not 'Allocation:'

  // Near misses that must stay silent: no hint without a colon after the
  // word, or where the word is part of another ("malloc:").
  char *f = malloc(n); // allocates the scratch buffer
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  char *g = malloc(n); // see malloc: the libc manual
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'malloc' allocates {{.*}} [alloc-unjustified]{{$}}
  free(a); free(b); free(c); free(d); free(e); free(f); free(g);
}
