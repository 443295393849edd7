// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A destroy function that refuses an invalid object (`if (file == NULL ||
// !sc_file_valid(file)) return;`, OpenSC sc_file_free) still frees every
// object it accepts: its callers' uses after it are uses after free.  A
// function dropping a reference count in the same place (`if (--o->refs)
// return;`, `if (!unref(o)) return;`) frees nothing on those paths, and a
// function that queues what passes its test takes nothing on the others.
#include <stdlib.h>

struct file {
  int magic;
  int size;
  int refs;
  char *name;
};

int file_valid(const struct file *f) {
  if (f == NULL)
    return 0;
  return f->magic == 0x1234;
}

void file_free(struct file *f) {
  if (f == NULL || !file_valid(f))
    return;
  free(f->name);
  free(f);
}

int size_after_free(struct file *f) {
  file_free(f);
  return f->size;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'f' is used after it was freed by 'file_free' at line [[@LINE-2]] [alloc-ownership-transfer]
}

// Near misses: reference counts, and a queue that takes what it accepts.
void file_put(struct file *f) {
  if (--f->refs)
    return;
  free(f);
}

int unref(struct file *f) { return --f->refs == 0; }

void file_put2(struct file *f) {
  if (!unref(f))
    return;
  free(f);
}

int size_after_put(struct file *f, struct file *g) {
  file_put(f);
  file_put2(g);
  return f->size + g->size;
}

struct queue {
  struct file *items[8];
  int n;
};

int enqueue(struct queue *q, struct file *f) {
  if (f->refs < 0)
    return 0;
  q->items[q->n++] = f;
  return 1;
}

void offer(struct queue *q) {
  struct file *f = calloc(1, sizeof *f);
  if (f == NULL)
    return;
  if (!enqueue(q, f))
    free(f);
}
