struct node {
  struct node *next;
  int len;
};
struct queue {
  struct node *first, *tail;
};
void queue_push(struct queue *q, struct node *n);
int node_weight(struct node *n);
void relay(struct queue *q, struct node *n);
