// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// A store into an element of a field's array (`loop->watchers[w->fd] = w`,
// libuv uv__io_start) takes the pointer only where something frees the
// array's elements: freeing the array itself (`free(loop->watchers)`) says
// nothing of them, and a function whose store is not known to hand over
// leaves its family's vote.
#include <stdlib.h>

struct watcher {
  int fd;
};
struct loop {
  struct watcher **watchers;
  int n;
};
void io_init(struct watcher *w, int fd) { w->fd = fd; }
int io_active(struct loop *loop, const struct watcher *w) {
  return loop->n > w->fd;
}
void io_start(struct loop *loop, struct watcher *w) {
  loop->watchers[w->fd] = w;
}
void io_stop(struct loop *loop, struct watcher *w) {
  if (loop->watchers[w->fd] == w)
    loop->watchers[w->fd] = NULL;
}
void io_feed(struct loop *loop, struct watcher *w) { loop->n += w->fd; }
void loop_close(struct loop *loop) { free(loop->watchers); }
// The array handed to a function that may free or move it (libuv
// `uv__reallocf(loop->watchers, n)`): nothing of its elements.
void grow_watchers(struct watcher **w, int n);
void loop_resize(struct loop *loop) { grow_watchers(loop->watchers, loop->n); }

// Near miss: a table whose elements the unit frees owns what is stored in
// them, and its family's other members borrow.
struct item {
  int key;
};
struct table {
  struct item **items;
  int n;
};
void tab_init(struct item *it, int key) { it->key = key; }
int tab_has(struct table *t, const struct item *it) { return t->n > it->key; }
void tab_put(struct table *t, struct item *it) {
  t->items[it->key] = it;
}
// CHECK-MESSAGES: :[[@LINE-3]]:44: warning: 'tab_put' takes ownership of 'it' (stored into 't->items[...]'), but the other functions of the 'tab_' family leave it with the caller (they copy or borrow it): {{.*}} [alloc-ownership-inconsistent]{{$}}
// CHECK-MESSAGES: :[[@LINE-5]]:49: note: 'tab_has' only borrows 'it'
// CHECK-MESSAGES: :[[@LINE+1]]:45: note: 'tab_feed' only borrows 'it'
void tab_feed(struct table *t, struct item *it) { t->n += it->key; }
void table_clear(struct table *t) {
  for (int i = 0; i < t->n; i++)
    free(t->items[i]);
}
