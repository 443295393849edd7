// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A block handed out past its header fields: the function returns
// '&ptr->data' and its free function steps back with offsetof (c-ares
// ares_malloc_data / ares_free_data).  The block goes with the pointer.
#include <stddef.h>
#include <stdlib.h>

struct data {
  int mark;
  int type;
  union { int num; char text[16]; } data;
};

void *malloc_data(int type) {
  struct data *ptr = malloc(sizeof *ptr);
  if (!ptr)
    return NULL;
  switch (type) {
  case 1:
  case 2:
    break;
  default:
    free(ptr);
    return NULL;
  }
  ptr->mark = 0x5a;
  ptr->type = type;
  return &ptr->data;
}

// Near miss: the address of another object's field is returned, and the
// block allocated here is left behind.
struct data *current(void);
void *wrong_data(int type) {
  struct data *ptr = malloc(sizeof *ptr);
  if (!ptr)
    return NULL;
  if (type == 0) {
    free(ptr);
    return NULL;
  }
  ptr->type = type;
  return &current()->data;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ptr' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]
}
