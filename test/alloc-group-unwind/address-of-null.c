// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A pointer set to NULL and then handed by address to a function that may
// write it is no longer known NULL: the test after the call does not end
// every path (NanoNNG put_msgs_to_aio before 9115cbc: `list = NULL;
// ringBuffer_get_and_clean_msgs(rb, &rb->cap, &list); if (ret != 0 || list
// == NULL) return -1;`, then the leak after the message allocation fails).
// So are the pointer fields of a local struct whose address it gets.
// Near miss: a function whose parameter points to const cannot write it,
// and the test still decides the path.
#include <stdlib.h>

struct item;
int take_all(int *count, struct item ***list);
int peek(struct item **const *list);
void use(struct item **list, int *len);

int drain(int n) {
  int ret;
  int count = 0;
  int *len = NULL;
  struct item **list = NULL;
  ret = take_all(&count, &list);
  if (ret != 0 || list == NULL)
    return -1;
  len = malloc(sizeof *len);
  if (len == NULL)
    return -1;
  char *tag = malloc(n);
  if (tag == NULL)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'len' leaks when allocation of 'tag' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  use(list, len);
  free(tag);
  free(len);
  return 0;
}

int drain_const(int n) {
  int *len = NULL;
  struct item **list = NULL;
  peek(&list);
  if (list == NULL)
    return -1;
  len = malloc(sizeof *len);
  if (len == NULL)
    return -1;
  char *tag = malloc(n);
  if (tag == NULL)
    return -1;
  use(list, len);
  free(tag);
  free(len);
  return 0;
}

struct result { char *buf; int n; };
int fill(struct result *r);

int collect(int n) {
  struct result r;
  r.buf = NULL;
  char *tag = malloc(8);
  if (tag == NULL)
    return -1;
  fill(&r);
  if (r.buf == NULL) {
    free(tag);
    return -1;
  }
  char *body = malloc(n);
  if (body == NULL)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'tag' leaks when allocation of 'body' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  free(body);
  free(tag);
  return r.n;
}
