// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Failing exits, by default: which returns are failures, exits that skip a
// release the function makes on its other paths, and the correlated
// conditions that are not leaks.
#include <stdlib.h>
#include <string.h>

int check(const char *s);
int parse_one(const char *s, char **out);

// Positive error codes: the function's last return (0) is its success, so
// any other constant is a failure.
int positive_codes(const char *s) {
  char *buf = strdup(s);
  if (!buf)
    return 12;
  if (!check(buf))
    return 22;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'buf' leaks when 'positive_codes' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(buf);
  return 0;
}

// A status variable returned after a failed call.
int status_var(const char *s) {
  int rc = 0;
  char *tmp = malloc(16);
  if (!tmp)
    return -1;
  rc = check(s);
  if (rc != 0)
    return rc;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'tmp' leaks when 'status_var' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(tmp);
  return rc;
}

// A void function: no failure value, but the other path frees the copy.
void void_exit(const char *s) {
  char *copy = strdup(s);
  if (!copy)
    return;
  if (!check(copy))
    return;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'copy' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]{{$}}
  free(copy);
}

// Near miss: NULL is this lookup's ordinary result (its last statement
// returns it), not its failure; the element is inserted.
struct elem { struct elem *next; void *data; };
struct table { struct elem *first; };
void *insert(struct table *t, void *data) {
  if (!data)
    return NULL;
  struct elem *e = malloc(sizeof *e);
  if (!e)
    return data;
  e->data = data;
  e->next = t->first;
  t->first = e;
  return NULL;
}
void table_clear(struct table *t) {
  struct elem *e = t->first;
  while (e) {
    struct elem *next = e->next;
    free(e);
    e = next;
  }
}

// Near miss: allocated and released under the same unchanged condition.
int correlated(const char *s, int *cols) {
  int *map = 0;
  if (cols) {
    map = malloc(16);
    if (!map)
      goto cleanup;
  }
  if (!check(s))
    goto cleanup;
cleanup:
  if (cols)
    free(map);
  return -1;
}

// Near miss: a flag set with the allocation guards its release.
int flagged(const char *s) {
  int own = 0;
  char *p = (char *)s;
  if (!check(s)) {
    p = strdup(s);
    if (!p)
      return -1;
    own = 1;
  }
  if (p[0] == 0) {
    if (own)
      free(p);
    return -2;
  }
  if (own)
    free(p);
  return 0;
}

// Near miss: the release under a computed condition settles the joined
// paths (`n` is not zero when the copy exists, which the analysis cannot
// know).
int computed_guard(const char *s) {
  char *copy = 0;
  int n = 0;
  if (s && s[0]) {
    copy = strdup(s);
    if (!copy)
      return -1;
    n = (int)strlen(copy);
  }
  if (n)
    free(copy);
  if (!check(s))
    return -2;
  return 0;
}

// The end of a void function reached on the false edge of a NULL test.
void free_if_set(const char *s) {
  char *copy = strdup(s);
  if (copy)
    free(copy);
}

// A constructor written with a NULL guard is an allocator; the caller
// leaks its result on a parse error.
struct obj { int kind; };
static struct obj *obj_new(int kind) {
  struct obj *o = malloc(sizeof *o);
  if (o != NULL) {
    o->kind = kind;
  }
  return o;
}
int use_obj(const char *s) {
  struct obj *o = obj_new(1);
  if (!o)
    return -1;
  if (!check(s))
    return -2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'o' leaks when 'use_obj' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(o);
  return 0;
}

// Allocator hooks: calls through a global function pointer, or a field of
// a global structure, initialised with an allocator.
struct hooks { void *(*allocate)(size_t); void (*deallocate)(void *); };
static struct hooks global_hooks = {malloc, free};
static void *(*plain_hook)(size_t) = malloc;
int hooked(const char *s) {
  char *a = global_hooks.allocate(8);
  if (!a)
    return -1;
  char *b = plain_hook(8);
  if (!b) {
    global_hooks.deallocate(a);
    return -1;
  }
  if (!check(s))
    return -2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'a' leaks when 'hooked' fails here; free it before returning [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'b' leaks when 'hooked' fails here; free it before returning [alloc-group-unwind]{{$}}
  global_hooks.deallocate(a);
  free(b);
  return 0;
}

// Near miss: a hook set at run time only (no initialiser) is unknown.
static void *(*late_hook)(size_t);
int late(const char *s) {
  char *a = late_hook(8);
  if (!a)
    return -1;
  if (!check(s))
    return -2;
  free(a);
  return 0;
}

// read() only fills the buffer (rules/libc.yaml): the buffer still leaks
// on the short read.
#include <unistd.h>
int read_all(int fd, size_t n) {
  char *p = malloc(n);
  if (!p)
    return -1;
  if (read(fd, p, n) != (ssize_t)n)
    return -2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' leaks when 'read_all' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(p);
  return 0;
}

// Near miss: an unknown function without a body may keep the buffer.
int keep_somewhere(char *p);
int handed(const char *s) {
  char *p = strdup(s);
  if (!p)
    return -1;
  if (keep_somewhere(p) != 0)
    return -2;
  return 0;
}

// A header allocator: returns its block past a header, frees `p - 1`.
void *hdr_alloc(size_t n) {
  long *p = malloc(n + sizeof(long));
  if (p == NULL)
    return NULL;
  p[0] = 0x0F0F;
  return p + 1;
}
void hdr_free(void *p) {
  if (p)
    free((long *)p - 1);
}
int with_headers(const char *s) {
  char *a = hdr_alloc(8);
  if (!a)
    return -1;
  char *b = hdr_alloc(8);
  if (!b)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'a' leaks when allocation of 'b' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]{{$}}
  hdr_free(a);
  hdr_free(b);
  return 0;
}

// A replaceable allocator: a hook set at run time, else malloc.
static void *(*user_malloc)(size_t);
void *mm_malloc(size_t n) {
  if (user_malloc)
    return user_malloc(n);
  return malloc(n);
}
int with_mm(const char *s) {
  char *p = mm_malloc(8);
  if (!p)
    return -1;
  if (!check(s))
    return -2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' leaks when 'with_mm' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(p);
  return 0;
}

// Its deallocator: a hook set at run time, else free (libevent
// event_mm_free_): the hook stands in for free.
static void (*user_free)(void *);
void mm_free(void *p) {
  if (user_free)
    user_free(p);
  else
    free(p);
}
int with_mm_free(const char *s, int n) {
  char *p = mm_malloc(8);
  if (!p)
    return -1;
  if (!check(s)) {
    mm_free(p);
    return -2;
  }
  if (n > 8)
    return -3;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' leaks when 'with_mm_free' fails here; free it before returning [alloc-group-unwind]{{$}}
  mm_free(p);
  return 0;
}

// Near miss: a hook alone is an unknown callee, not a deallocator.
void hook_only(void *p) {
  if (user_free)
    user_free(p);
}
int with_hook_only(const char *s) {
  char *p = malloc(8);
  if (!p)
    return -1;
  hook_only(p);
  if (!check(s))
    return -2;
  return 0;
}

// The same through a local and memset (libevent event_mm_calloc_): the
// hook's result is held in 'p' and returned by memset.
void *mm_calloc(size_t count, size_t size) {
  if (count == 0 || size == 0)
    return NULL;
  if (user_malloc) {
    void *p = NULL;
    p = user_malloc(count * size);
    if (p)
      return memset(p, 0, count * size);
  } else {
    void *p = calloc(count, size);
    return p;
  }
  return NULL;
}
int with_mm_calloc(const char *s) {
  char *p = mm_calloc(1, 8);
  if (!p)
    return -1;
  if (!check(s))
    return -2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' leaks when 'with_mm_calloc' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(p);
  return 0;
}

// Near miss: a local that also holds a pointer from elsewhere is not the
// hook's result alone, so the function allocates nothing for certain.
void *pick(size_t n, void *spare) {
  void *p = spare;
  if (user_malloc)
    p = user_malloc(n);
  return p;
}
int with_pick(const char *s, void *spare) {
  char *p = pick(8, spare);
  if (!p)
    return -1;
  if (!check(s))
    return -2;
  return 0;
}

// An out-parameter allocator that tests `*out` itself: its failure returns
// are not stores, so its status is known and a caller's `!= 0` test reads
// the failure right.
struct object { const char *value; size_t len; };
int object_read(struct object *o, char **bufferP) {
  if (o->value == NULL)
    return -2;
  *bufferP = malloc(o->len);
  if (*bufferP == NULL)
    return -1;
  memcpy(*bufferP, o->value, o->len);
  return 0;
}
int observe(struct object *o);
void set_payload(void *response, char *buffer);
int handle_request(struct object *o, int observeOpt, void *response) {
  char *buffer = NULL;
  if (object_read(o, &buffer) != 0)
    return -1;
  if (observeOpt && observe(o) != 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'buffer' leaks when 'handle_request' fails here; free it before returning [alloc-group-unwind]{{$}}
  set_payload(response, buffer);
  return 0;
}

// An error epilogue after the success return: the jumps reach 'return -1',
// the failure; the 'return 0' just before the label is the success, though
// the body's last statement returns -1.
int epilogue(const char *s, char **out) {
  char *a = strdup(s);
  if (!a)
    return -1;
  char *b = strdup(s);
  if (!b)
    goto fail;
  if (check(b))
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'a' leaks when 'epilogue' fails here; free it before returning [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: 'b' leaks when 'epilogue' fails here; free it before returning [alloc-group-unwind]{{$}}
  *out = a;
  // 'b' leaks on success too: a success exit, reported under ReportAllExits
  // only (the near miss: this return is not a failure).
  return 0;
fail:
  free(a);
  return -1;
}

// The status an out-parameter allocator returns is a status, not a pointer:
// 'rv' keeps the failing paths apart (hiredis _redisContextConnectTcp, where
// setsockopt failing skipped freeaddrinfo of the source address list).
struct addrinfo { struct addrinfo *ai_next; };
int getaddrinfo(const char *node, const char *service,
                const struct addrinfo *hints, struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);
int setsockopt(int s, int level, int name, const void *v, unsigned len);
#define SOL_SOCKET 1
#define SO_REUSEADDR 2
int connect_from(const char *host, const char *src, int s) {
  int rv, n = 1;
  struct addrinfo hints, *servinfo = NULL, *bservinfo;
  memset(&hints, 0, sizeof(hints));
  if ((rv = getaddrinfo(host, "80", &hints, &servinfo)) != 0)
    return -1;
  if (src) {
    if ((rv = getaddrinfo(src, NULL, &hints, &bservinfo)) != 0)
      goto error;
    if (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &n, sizeof(n)) < 0)
      goto error;
    freeaddrinfo(bservinfo);
  }
  rv = 0;
  goto end;
error:
  rv = -1;
end:
  freeaddrinfo(servinfo);
  return rv;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'bservinfo' leaks when 'connect_from' fails here; free it before returning [alloc-group-unwind]{{$}}
}

// A retried allocation into the same place (`if (getaddrinfo(a, .., &res))
// getaddrinfo(b, .., &res)`) handles the first one's failure: later leaks
// are failing exits of the function, not of that first allocation.
int connect_retry(const char *host, const char *alt, const char *src, int s) {
  int rv, n = 1;
  struct addrinfo hints, *servinfo = NULL, *bservinfo;
  memset(&hints, 0, sizeof(hints));
  if ((rv = getaddrinfo(host, "80", &hints, &servinfo)) != 0) {
    if ((rv = getaddrinfo(alt, "80", &hints, &servinfo)) != 0)
      return -1;
  }
  if ((rv = getaddrinfo(src, NULL, &hints, &bservinfo)) != 0)
    goto error;
  if (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &n, sizeof(n)) < 0)
    goto error;
  freeaddrinfo(bservinfo);
  rv = 0;
  goto end;
error:
  rv = -1;
end:
  freeaddrinfo(servinfo);
  return rv;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'bservinfo' leaks when 'connect_retry' fails here; free it before returning [alloc-group-unwind]{{$}}
}
