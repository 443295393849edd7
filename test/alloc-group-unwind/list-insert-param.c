// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A helper that puts a new node at the front of the caller's list (`item->next
// = *list; *list = item;`, unbound port_insert and cfg_str2list_insert) does
// not hand the caller a fresh out-parameter: the node joins a list the caller
// already owns and releases as a whole, on failure too (unbound
// listening_ports_open frees the list when ports_create_if fails). A helper
// that stores a fresh node into `*out` without linking the old value still
// allocates into its out-parameter.
#include <stdlib.h>

struct port {
  struct port *next;
  int fd;
};

int port_insert(struct port **list, int fd) {
  struct port *item = malloc(sizeof(*item));
  if (!item)
    return 0;
  item->next = *list;
  item->fd = fd;
  *list = item;
  return 1;
}

int port_new(struct port **out, int fd) {
  struct port *item = malloc(sizeof(*item));
  if (!item)
    return 0;
  item->next = NULL;
  item->fd = fd;
  *out = item;
  return 1;
}

int open_socket(int n);

// Near miss: the nodes are the caller's list's.
int ports_create(struct port **list, int n) {
  int s = open_socket(n);
  if (s == -1)
    return 0;
  if (!port_insert(list, s))
    return 0;
  if (open_socket(n + 1) == -1)
    return 0;
  return 1;
}

// The fresh out-parameter leaks when the function fails after it.
int port_create(struct port **out, int n) {
  if (!port_new(out, n))
    return 0;
  if (open_socket(n + 1) == -1)
    return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '*out' leaks when 'port_create' fails here; free it before returning [alloc-group-unwind]
  return 1;
}

