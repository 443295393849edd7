#include "queue.h"
#include <stdlib.h>

int post(struct queue *q) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return -1;
  n->len = 1;
  relay(q, n);
  return 0;
}

int weigh(void) {
  struct node *n = calloc(1, sizeof *n);
  if (!n)
    return -1;
  return node_weight(n);
}
