#include <stddef.h>

struct arr;
struct buf;
char **arr_finish(struct arr *a, size_t *n);
struct buf *buf_create_const(const char *data, size_t len);
void buf_destroy(struct buf *b);
void lib_free(void *p);
int parse(struct buf *b);
int use(char **v, size_t n);

int load(struct arr *a) {
  size_t n = 0;
  char **v = arr_finish(a, &n);
  if (v == NULL)
    return -1;
  if (n == 0)
    return -1;
  use(v, n);
  lib_free(v);
  return 0;
}

int read_text(const char *text, size_t len) {
  struct buf *b = buf_create_const(text, len);
  if (b == NULL)
    return -1;
  int r = parse(b);
  buf_destroy(b);
  return r;
}

typedef enum { OK = 0, EFORMERR = 1 } status_t;
status_t split_str(const char *s, char ***strs, size_t *nstrs);
void free_array(char **v, size_t n);
int to_int(const char *s);

/* c-ares process_option: an early return past the cleanup label. */
status_t option(const char *text, int *timeout) {
  char **kv = NULL;
  size_t num = 0;
  status_t status = split_str(text, &kv, &num);
  if (status != OK)
    goto done;
  int v = to_int(kv[0]);
  if (v == 0)
    return EFORMERR;
  *timeout = v;
done:
  free_array(kv, num);
  return status;
}

/* c-ares ares_conn.c: the claimed data is the caller's own connection,
   freed right after. */
struct node;
struct conn { int fd; };
void *node_claim(struct node *node);
int open_conn(struct conn *conn, struct node *node) {
  if (conn->fd < 0) {
    node_claim(node);
    lib_free(conn);
    return -1;
  }
  return 0;
}
