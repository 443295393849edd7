#include "queue.h"
#include <stdlib.h>

/* Links the node into the queue: neither frees it nor owns it. */
void queue_push(struct queue *q, struct node *n) {
  n->next = NULL;
  if (q->tail)
    q->tail->next = n;
  else
    q->first = n;
  q->tail = n;
}

/* Only reads the node. */
int node_weight(struct node *n) { return n->len; }
