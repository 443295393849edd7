// RUN: %check_alloc_tidy %s alloc-group-unwind %t

#include <stdlib.h>
// A function that frees, through the member, the block it stored
// there before it fails leaves nothing in that field (civetweb
// prepare_cgi_environment frees `env->buf` when `env->var` cannot be
// allocated; handle_cgi_request then sets `blk.buf = NULL`).
struct cgi_env {
  char *buf;
  char **var;
};
static int prepare_env(struct cgi_env *env, size_t n) {
  env->buf = malloc(64);
  if (env->buf == NULL)
    return -1;
  env->var = malloc(n * sizeof(char *));
  if (env->var == NULL) {
    free(env->buf);
    return -1;
  }
  return 0;
}
void handle_cgi(size_t n) {
  struct cgi_env blk;
  if (prepare_env(&blk, n) != 0) {
    blk.buf = NULL;
    blk.var = NULL;
    goto done;
  }
  blk.buf[0] = 0;
done:
  free(blk.var);
  free(blk.buf);
}

// The bug the near miss above avoids: the function leaves its block in the
// field when it fails, and the caller's reset loses it.
static int prepare_env_leaky(struct cgi_env *env, size_t n) {
  env->buf = malloc(64);
  if (env->buf == NULL)
    return -1;
  env->var = malloc(n * sizeof(char *));
  if (env->var == NULL)
    return -1;
  return 0;
}
void handle_cgi_leaky(size_t n) {
  struct cgi_env blk;
  if (prepare_env_leaky(&blk, n) != 0) {
    blk.buf = NULL;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'blk.buf' is lost here: the assignment overwrites its only pointer; free it first, or keep it elsewhere [alloc-group-unwind]{{$}}
    blk.var = NULL;
    goto done;
  }
  blk.buf[0] = 0;
done:
  free(blk.var);
  free(blk.buf);
}
