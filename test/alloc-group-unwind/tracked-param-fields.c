// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A parameter the function may release (here: stored into a block's back
// pointer) is followed as a value it owns on entry, to learn its contract.
// It still points to the caller's object: memory stored into its fields
// goes to the caller at a success exit (libuv uv_fs_poll_start:
// `ctx->parent_handle = handle; ... handle->poll_ctx = ctx; return 0;`).
#include <stdlib.h>
#include <string.h>

typedef struct handle {
  int flags;
  void *poll_ctx;
} handle_t;
struct timer {
  int t;
};
struct ctx {
  handle_t *parent;
  struct timer timer;
  char path[1];
};
int timer_init(struct timer *t);
static int is_active(const handle_t *h) { return h->flags & 4; }

int poll_start(handle_t *handle, const char *path) {
  struct ctx *ctx;
  size_t len;
  int err;
  if (is_active(handle))
    return 0;
  len = strlen(path);
  ctx = calloc(1, sizeof(*ctx) + len);
  if (ctx == NULL)
    return -12;
  ctx->parent = handle;
  memcpy(ctx->path, path, len + 1);
  err = timer_init(&ctx->timer);
  if (err < 0)
    goto fail;
  handle->poll_ctx = ctx;
  return 0;
fail:
  free(ctx);
  return err;
}

// The same shape without the store: the success exit keeps what the error
// path frees.
int poll_start_forgets(handle_t *handle, const char *path) {
  struct ctx *ctx;
  size_t len;
  int err;
  if (is_active(handle))
    return 0;
  len = strlen(path);
  ctx = calloc(1, sizeof(*ctx) + len);
  if (ctx == NULL)
    return -12;
  ctx->parent = handle;
  memcpy(ctx->path, path, len + 1);
  err = timer_init(&ctx->timer);
  if (err < 0)
    goto fail;
  return 0;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'ctx' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-10]]:9: note: 'ctx' allocated here
fail:
  free(ctx);
  return err;
}
