// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A member of the caller's object freed by a function that then fails
// without resetting it: the caller, which still owns the object, frees the
// member again.
//  - cJSON print_value before d514bb8 frees `output_buffer->buffer`
//    through a copy of the library's hooks when a raw item has no string,
//    and print() frees the buffer again on that failure.
//  - OpenSC sc_pkcs15_decode_pukdf_entry before 638a500 frees
//    `der->value` with `der = &obj->content`, and the caller's
//    sc_pkcs15_free_object frees `obj->content.value` again.
#include <stdlib.h>
#include <string.h>

typedef int json_bool;
typedef struct hooks {
  void *(*allocate)(size_t size);
  void (*deallocate)(void *pointer);
} hooks_t;
static void *hook_malloc(size_t size) { return malloc(size); }
static void hook_free(void *pointer) { free(pointer); }
static hooks_t global_hooks = {hook_malloc, hook_free};

typedef struct printbuffer {
  unsigned char *buffer;
  size_t length;
  json_bool noalloc;
  hooks_t hooks;
} printbuffer;

json_bool print_raw(const char *raw, printbuffer *const output_buffer) {
  if (raw == NULL) {
    if (!output_buffer->noalloc)
      output_buffer->hooks.deallocate(output_buffer->buffer);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'output_buffer->buffer' is freed, but the caller's object 'output_buffer' still points to it when 'print_raw' fails: the caller frees or reads it again; set it to NULL after the free [alloc-ownership-transfer]{{$}}
    return 0;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: note: fails here{{$}}
  }
  return 1;
}

// The caller that frees the buffer again. The free in print_raw is no
// contract for its callers (it says nothing frees 'buffer' for them), so
// the bug is reported once, in print_raw.
char *print(const char *raw) {
  printbuffer p = {0};
  p.hooks = global_hooks;
  p.buffer = p.hooks.allocate(256);
  if (!p.buffer)
    return NULL;
  if (!print_raw(raw, &p)) {
    p.hooks.deallocate(p.buffer);
    return NULL;
  }
  return (char *)p.buffer;
}

// The fix: the buffer is the caller's to free.
json_bool print_raw_fixed(const char *raw, printbuffer *const output_buffer) {
  if (raw == NULL)
    return 0;
  return output_buffer->length != 0;
}

// Near miss: reset after the free.
json_bool print_raw_reset(const char *raw, printbuffer *const output_buffer) {
  if (raw == NULL) {
    output_buffer->hooks.deallocate(output_buffer->buffer);
    output_buffer->buffer = NULL;
    return 0;
  }
  return 1;
}

// Near miss: freed on success only (a function that consumes the buffer).
json_bool print_flush(printbuffer *const output_buffer) {
  if (output_buffer->length == 0)
    return 0;
  output_buffer->hooks.deallocate(output_buffer->buffer);
  return 1;
}

struct der { unsigned char *value; size_t len; };
struct object { struct der content; void *data; };

void object_free(struct object *obj) {
  free(obj->content.value);
  free(obj->data);
  free(obj);
}

int decode_entry(struct object *obj, int r) {
  struct der *der = &obj->content;
  if (r < 0) {
    if (der->len)
      free(der->value);
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'der->value' is freed, but the caller's object 'obj' still points to it when 'decode_entry' fails: the caller frees or reads it again; set it to NULL after the free [alloc-ownership-transfer]{{$}}
  }
  return r;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: fails here{{$}}
}

// The fix: the member reset through the object.
int decode_entry_fixed(struct object *obj, int r) {
  struct der *der = &obj->content;
  if (r < 0) {
    if (der->len) {
      free(der->value);
      obj->content.value = NULL;
      obj->content.len = 0;
    }
  }
  return r;
}

// Near miss: the object handed to a function that may reset it.
void der_clear(struct der *der);
int decode_entry_cleared(struct object *obj, int r) {
  if (r < 0) {
    free(obj->content.value);
    der_clear(&obj->content);
    return r;
  }
  return 0;
}

// Near miss: a local alias that is reassigned is not the object's member.
int decode_other(struct object *obj, struct der *spare, int r) {
  struct der *der = &obj->content;
  if (r > 0)
    der = spare;
  if (r < 0) {
    free(der->value);
    return -1;
  }
  return 0;
}

// Near miss: a function that returns nothing (a clear function whose
// caller frees the object next).
void object_clear(struct object *obj) {
  free(obj->content.value);
  free(obj->data);
}

// Near miss: the object itself released after its member.
struct view { char *cursor; };
int view_destroy(struct view *v, int r) {
  if (r < 0) {
    free(v->cursor);
    free(v);
    return -1;
  }
  return 0;
}

// Near miss: a member of another object the parameter points to (libucl
// utstring_free(parser->err) frees `(parser->err)->d`, then the string,
// and the parser's pointer to it is reset).
typedef struct ut_string { char *d; size_t n; } ut_string;
struct parser { ut_string *err; };
int parser_retry(struct parser *parser, int res) {
  if (!res) {
    free(parser->err->d);
    free(parser->err);
    parser->err = NULL;
    return -1;
  }
  return 0;
}

// Near miss: an initialiser that sets the member first (libuv
// uv_loop_init sets `loop->watchers = NULL`, frees it when a later step
// fails): a caller does not destroy an object whose initialisation failed.
struct loop { void **watchers; unsigned nwatchers; };
int platform_init(struct loop *loop);
int loop_init(struct loop *loop, int flags) {
  int err;
  loop->watchers = NULL;
  loop->nwatchers = 0;
  if (flags < 0)
    return -22;
  err = platform_init(loop);
  if (err != 0)
    goto fail;
  return 0;
fail:
  free(loop->watchers);
  loop->nwatchers = 0;
  return -1;
}

// Near miss: a block the function stored in the member itself and frees
// through the member (civetweb prepare_cgi_environment): the function
// undoes its own work, and its callers do not look at the member when it
// fails (civetweb resets it, lighttpd fastcgi_get_packet's caller skips
// it).
struct cgi_env { char *buf; char **var; };
int prepare_env(struct cgi_env *env, size_t n) {
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
void env_free(struct cgi_env *env) { free(env->buf); free(env->var); }

// Near miss: the object is handed to the call that frees the member, which
// may unlink it (OpenSC sc_pkcs15_remove_unusedspace(p15card,
// p15card->unusedspace_list) sets the list's head to the next entry).
struct space { struct space *next; };
struct card { struct space *unused; };
void remove_space(struct card *c, struct space *s) {
  c->unused = s->next;
  free(s);
}
int encode_spaces(struct card *c, int r) {
  if (r < 0) {
    remove_space(c, c->unused);
    return r;
  }
  return 0;
}
