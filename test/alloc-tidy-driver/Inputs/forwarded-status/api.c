struct msg;
int msg_alloc_inner(struct msg **mp, unsigned long n);
int msg_alloc_loose(struct msg **mp, unsigned long n);

/* The public names: each returns its inner function's status. */
int msg_alloc(struct msg **mp, unsigned long n) {
  return (msg_alloc_inner(mp, n));
}
int msg_alloc_any(struct msg **mp, unsigned long n) {
  return msg_alloc_loose(mp, n);
}
