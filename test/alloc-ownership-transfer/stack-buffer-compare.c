// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A buffer that starts on the stack and moves to the heap when it is too
// small (hiredis sdscatvprintf): `buf != staticbuf` is true whenever `buf`
// holds a heap block, so the branch that skips the free never keeps the
// block it freed, and the next iteration's use is of the new block.
#include <stdio.h>
#include <stdlib.h>

char *grow(const char *s, size_t buflen) {
  char staticbuf[1024], *buf = staticbuf;
  if (buflen > sizeof(staticbuf)) {
    buf = malloc(buflen);
    if (buf == NULL)
      return NULL;
  } else {
    buflen = sizeof(staticbuf);
  }
  while (1) {
    buf[buflen - 2] = '\0';
    snprintf(buf, buflen, "%s", s);
    if (buf[buflen - 2] != '\0') {
      if (buf != staticbuf)
        free(buf);
      buflen *= 2;
      buf = malloc(buflen);
      if (buf == NULL)
        return NULL;
      continue;
    }
    break;
  }
  return buf;
}

// The address of a variable, as `&local`, compares the same way.
struct box { int v; };
void reset(struct box *b) {
  struct box local;
  struct box *p = b ? b : malloc(sizeof *p);
  if (p == NULL)
    return;
  for (int i = 0; i < 3; i++) {
    p->v = i;
    if (p != &local && p != b)
      free(p);
    p = malloc(sizeof *p);
    if (p == NULL)
      return;
  }
  if (p != b)
    free(p);
}

// Near miss: the edge where the pointer differs from the buffer learns
// nothing, so the free there is still a free, and the use after it is
// reported.
void after(size_t n) {
  char staticbuf[64];
  char *buf = malloc(n);
  if (buf == NULL)
    return;
  if (buf != staticbuf)
    free(buf);
  buf[0] = '\0';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'buf' is used after it was freed by 'free' at line [[@LINE-2]] [alloc-ownership-transfer]{{$}}
}
