// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A local array of one struct used through `->` (cJSON print(): `printbuffer
// buffer[1]; ... buffer->buffer = ...`) is a local object: its fields are
// followed like those of a plain local struct. cJSON's print() before
// af5b491 detached the buffer before the reallocation was known to have
// succeeded, and lost it when the reallocation failed.
#include <stdlib.h>
#include <string.h>

struct printbuffer {
  unsigned char *buffer;
  size_t length;
};
int fill(struct printbuffer *p);

unsigned char *print(void) {
  struct printbuffer buffer[1];
  unsigned char *printed = NULL;
  memset(buffer, 0, sizeof(buffer));
  buffer->buffer = malloc(256); // alloc: scoped -- the print buffer
  buffer->length = 256;
  if (!buffer->buffer)
    goto fail;
  if (!fill(buffer))
    goto fail;
  printed = realloc(buffer->buffer, buffer->length + 1); // alloc: returned -- the printed text
  buffer->buffer = NULL;
  if (printed == NULL)
    goto fail;
  return printed;
fail:
  if (buffer->buffer != NULL)
    free(buffer->buffer);
  return NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'buffer->buffer' leaks when reallocation of 'printed' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
}

// The fix: the buffer is detached once the reallocation succeeded.
unsigned char *print_fixed(void) {
  struct printbuffer buffer[1];
  unsigned char *printed = NULL;
  memset(buffer, 0, sizeof(buffer));
  buffer->buffer = malloc(256); // alloc: scoped -- the print buffer
  buffer->length = 256;
  if (!buffer->buffer)
    goto fail;
  if (!fill(buffer))
    goto fail;
  printed = realloc(buffer->buffer, buffer->length + 1); // alloc: returned -- the printed text
  if (printed == NULL)
    goto fail;
  buffer->buffer = NULL;
  return printed;
fail:
  if (buffer->buffer != NULL)
    free(buffer->buffer);
  return NULL;
}

// Near miss: an array of several structs is not one object.
unsigned char *print_pair(void) {
  struct printbuffer buffers[2];
  memset(buffers, 0, sizeof(buffers));
  buffers->buffer = malloc(16); // alloc: returned -- the caller's
  return buffers->buffer;
}
