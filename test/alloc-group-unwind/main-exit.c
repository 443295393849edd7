// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Returning from main ends the process: the memory main still holds then is
// given back to the system, so its failing exits leak nothing (nginx's main
// returns 1 after each failed start-up step).  Memory lost while main runs
// still counts.
#include <stdlib.h>
#include <string.h>


int main(int argc, char **argv) {
  char *conf = malloc(64);
  if (conf == NULL)
    return 1;
  char *log = strdup(argc > 1 ? argv[1] : "log");
  if (log == NULL)
    return 1;
  if (strlen(log) > 60)
    return 1;
  for (int i = 0; i < argc; i++) {
    char *arg = strdup(argv[i]);
    if (arg == NULL)
      return 1;
    if (strlen(arg) == 0)
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'arg' is lost at this 'continue': no pointer to it is left; free it before leaving the block [alloc-group-unwind]{{$}}
    free(arg);
  }
  free(log);
  free(conf);
  return 0;
}

// Near miss: the same steps in a function the program goes on after.
int start(int argc, char **argv) {
  char *conf = malloc(64);
  if (conf == NULL)
    return 1;
  char *log = strdup(argc > 1 ? argv[1] : "log");
  if (log == NULL)
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'conf' leaks when allocation of 'log' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  if (strlen(log) > 60)
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: note: 'conf' also leaks at this exit{{$}}
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'log' leaks when 'start' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(log);
  free(conf);
  return 0;
}
