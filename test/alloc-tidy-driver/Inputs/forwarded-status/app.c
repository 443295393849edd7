#include <stdlib.h>

struct msg;
int msg_alloc(struct msg **mp, unsigned long n);
int msg_alloc_any(struct msg **mp, unsigned long n);
void msg_free(struct msg *m);
int send_msg(struct msg *m);

int post(int len) {
  struct msg *m;
  if (msg_alloc(&m, 16) != 0)
    return -1;
  if (len < 0)
    return -1;
  if (send_msg(m) != 0) {
    msg_free(m);
    return -1;
  }
  msg_free(m);
  return 0;
}

int post_any(int len) {
  struct msg *m;
  if (msg_alloc_any(&m, 16) != 0)
    return -1;
  if (len < 0)
    return -1;
  if (send_msg(m) != 0) {
    msg_free(m);
    return -1;
  }
  msg_free(m);
  return 0;
}
