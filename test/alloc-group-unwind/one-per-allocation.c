// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// One warning per leaked allocation, at the first exit it leaks from, with
// a note at each other exit (unbound dynlibmod's cb_pair leaked at four
// returns; Clang's static analyzer also reports a leak once per
// allocation site).  Two allocations leaking at one exit stay two warnings.
#include <stdlib.h>
#include <string.h>

struct cb {
  char *name;
};

int lookup(const char *);

int add_callback(const char *name, int kind) {
  struct cb *cb = malloc(sizeof *cb); // alloc: returned -- stored on success
  if (!cb)
    return -1;
  if (kind == 1)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'cb' leaks when 'add_callback' fails here; free it before returning [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-6]]:19: note: 'cb' allocated here{{$}}
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: on the path where this fails{{$}}
  if (kind == 2)
    return -2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'cb' also leaks at this exit{{$}}
  if (lookup(name) < 0)
    return -3;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'cb' also leaks at this exit{{$}}
  free(cb);
  return 0;
}

// Two allocations leaking at the same exit are two bugs: two warnings, the
// second allocation's other exit a note under its own warning.
int pair(int kind) {
  char *a = malloc(8); // alloc: scoped -- freed below
  if (!a)
    return -1;
  char *b = malloc(8); // alloc: scoped -- freed below
  if (!b)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'a' leaks when allocation of 'b' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  if (kind)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'a' also leaks at this exit{{$}}
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'b' leaks when 'pair' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(b);
  free(a);
  return 0;
}

// Lost at two `continue`s: one warning, a note at the second.
void names(char **argv, int n) {
  for (int i = 0; i < n; i++) {
    char *s = strdup(argv[i]); // alloc: scoped -- freed below
    if (!s)
      return;
    if (s[0] == '-')
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 's' is lost at this 'continue': no pointer to it is left; free it before leaving the block [alloc-group-unwind]{{$}}
    if (s[0] == '+')
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: note: 's' is also lost at this 'continue'{{$}}
    free(s);
  }
}
