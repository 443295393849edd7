// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Functions of one recursive component that hand a parameter to each other
// and otherwise only read it borrow it: a member's call to another not yet
// summarised tells nothing until the component's next round (cJSON's
// print_value, print_array and print_object pass the print buffer around;
// cJSON_PrintBuffered leaked the buffer when print_value failed, fixed in
// 2a3a313).
#include <stdlib.h>
#include <string.h>

struct item {
  int type;
  struct item *child;
  struct item *next;
};
struct printbuffer {
  char *buffer;
  size_t length;
  size_t offset;
};

static int print_value(const struct item *item, struct printbuffer *p);

static int print_array(const struct item *item, struct printbuffer *p) {
  const struct item *c;
  for (c = item->child; c != NULL; c = c->next)
    if (!print_value(c, p))
      return 0;
  return 1;
}

static int print_value(const struct item *item, struct printbuffer *p) {
  if (p->offset >= p->length)
    return 0;
  if (item->type == 1)
    return print_array(item, p);
  p->buffer[p->offset++] = 'x';
  return 1;
}

char *print_buffered(const struct item *item, size_t prebuffer) {
  struct printbuffer p = {0};
  p.buffer = malloc(prebuffer);
  if (!p.buffer)
    return NULL;
  p.length = prebuffer;
  if (!print_value(item, &p))
    return NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p.buffer' leaks when 'print_buffered' fails here; free it before returning [alloc-group-unwind]{{$}}
  return p.buffer;
}

// The fix.
char *print_buffered_fixed(const struct item *item, size_t prebuffer) {
  struct printbuffer p = {0};
  p.buffer = malloc(prebuffer);
  if (!p.buffer)
    return NULL;
  p.length = prebuffer;
  if (!print_value(item, &p)) {
    free(p.buffer);
    return NULL;
  }
  return p.buffer;
}

// Near miss: a member of the component frees the buffer when it fails; the
// component's next round hands that to its callers.
static int emit_value(const struct item *item, struct printbuffer *p);
static int emit_array(const struct item *item, struct printbuffer *p) {
  const struct item *c;
  for (c = item->child; c != NULL; c = c->next)
    if (!emit_value(c, p))
      return 0;
  return 1;
}
static int emit_value(const struct item *item, struct printbuffer *p) {
  if (p->offset >= p->length) {
    free(p->buffer);
    p->buffer = NULL;
    return 0;
  }
  if (item->type == 1)
    return emit_array(item, p);
  p->buffer[p->offset++] = 'x';
  return 1;
}
char *emit_buffered(const struct item *item, size_t prebuffer) {
  struct printbuffer p = {0};
  p.buffer = malloc(prebuffer);
  if (!p.buffer)
    return NULL;
  p.length = prebuffer;
  if (!emit_value(item, &p))
    return NULL;
  return p.buffer;
}
