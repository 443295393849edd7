// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// A parameter stored into a member of a local structure is kept no longer
// than a local variable (cJSON cJSON_PrintPreallocated: `p.buffer = buf`,
// a print buffer on the stack handed to the printer): no take, even where
// the member owns what other code stores in it.
#include <stdlib.h>
#include <string.h>

typedef struct printbuffer {
  unsigned char *buffer;
  size_t length;
  int noalloc;
} printbuffer;

int print_into(printbuffer *p, const char *text) {
  size_t n = strlen(text);
  if (n >= p->length)
    return 0;
  p->buffer[0] = (unsigned char)text[0];
  return 1;
}
void print_release(printbuffer *p) { free(p->buffer); }

int print_preallocated(const char *text, char *buf, size_t len) {
  printbuffer p = {0};
  p.buffer = (unsigned char *)buf;
  p.length = len;
  p.noalloc = 1;
  return print_into(&p, text);
}
int print_length(const char *text, char *buf) { return buf && strlen(text); }
int print_check(const char *text, char *buf) { return buf && *text; }

// The same store into a member of the caller's object outlives the call:
// a take, against its family's convention.
struct conn {
  char *buf;
};
void conn_close(struct conn *c) { free(c->buf); }
int conn_attach(struct conn *c, char *buf) {
  c->buf = buf;
  // CHECK-MESSAGES: :[[@LINE-2]]:39: warning: 'conn_attach' takes ownership of 'buf' (stored into 'c->buf'), but the other functions of the 'conn_' family leave it with the caller (they copy or borrow it): {{.*}} [alloc-ownership-inconsistent]{{$}}
  return 1;
}
int conn_length(struct conn *c, char *buf) { return c && strlen(buf); }
// CHECK-MESSAGES: :[[@LINE-1]]:39: note: 'conn_length' only borrows 'buf'
int conn_check(struct conn *c, char *buf) { return c && *buf; }
// CHECK-MESSAGES: :[[@LINE-1]]:38: note: 'conn_check' only borrows 'buf'
