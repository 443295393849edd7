// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// A field the project releases before it stores a new value into it
// (libevent's evhttp_response_code_, cJSON's add_item_to_object) is set more
// than once over an object's life; a store of a new allocation into it, on
// a path where nothing reads, frees or resets it first, leaks the old value
// (libevent evhttp_parse_response_line, cJSON cJSON_ReplaceItemInObject).
#include <stdlib.h>
#include <string.h>
int atoi(const char *s);

struct request {
  char *line;
  char *host;
  char *body;
  char *path;
  int code;
};

// The evidence: the old line is released before a new one is stored.
int set_code(struct request *req, int code, const char *reason) {
  req->code = code;
  if (req->line != NULL)
    free(req->line);
  req->line = strdup(reason);
  return req->line ? 0 : -1;
}

int parse_status(struct request *req, const char *line) {
  req->code = atoi(line);
  if (req->code < 100)
    return -1;
  if ((req->line = strdup(line + 4)) == NULL)
  // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'req->line' may still own memory: this store of a new allocation overwrites it, but 'set_code' releases the old value before it stores one; free it first, or test that it is NULL [alloc-ownership-inconsistent]
  // CHECK-NOTES: :24:5: note: 'set_code' releases 'line' before storing a new value
    return -1;
  return 0;
}

// Overwritten in a loop: the second turn loses the first.
void parse_lines(struct request *req, char **lines, int n) {
  for (int i = 0; i < n; ++i)
    req->line = strdup(lines[i]);
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'req->line' may still own memory: this store of a new allocation overwrites it, but 'set_code' releases the old value before it stores one; free it first, or test that it is NULL [alloc-ownership-inconsistent]
  // CHECK-NOTES: :24:5: note: 'set_code' releases 'line' before storing a new value
}

// Near miss: the field is tested first (the fix).
int parse_status_fixed(struct request *req, const char *line) {
  if (req->line != NULL)
    free(req->line);
  req->line = strdup(line);
  return req->line ? 0 : -1;
}

// Near miss: stored only when empty.
void default_line(struct request *req) {
  if (!req->line)
    req->line = strdup("OK");
}

// Near miss: a new object of the function's own.
struct request *request_new(const char *line) {
  struct request *r = calloc(1, sizeof(*r));
  if (!r)
    return NULL;
  r->line = strdup(line);
  return r;
}

// Near miss: the object is cleared first.
void request_init(struct request *req, const char *line) {
  memset(req, 0, sizeof(*req));
  req->line = strdup(line);
}

// Near miss: the parameter is pointed at a new object first.
void request_fill(struct request *req, const char *line) {
  req = calloc(1, sizeof(*req));
  if (!req)
    return;
  req->line = strdup(line);
  free(req->line);
  free(req);
}

// Near miss: a reallocation of the field keeps what it holds.
void grow_line(struct request *req, size_t n) {
  req->line = realloc(req->line, n);
}

// Near miss: a value that is not a new allocation.
void borrow_line(struct request *req, char *line) { req->line = line; }

// Near miss: no function releases the host before storing one: its
// destroy function frees it, which says nothing of a store by a function
// that is not a setter.  A setter (set_host), called again by design, is
// reported (setter-overwrite.c).
void request_free(struct request *req) {
  // CHECK-NOTES: :[[@LINE-1]]:6: warning: 'request_free' releases the fields of 'request' but not 'path', which holds memory allocated at {{.*}}.c:{{[0-9]+}} (strdup) that no code frees; free it here [alloc-ownership-inconsistent]
  // CHECK-NOTES: :{{[0-9]+}}:13: note: 'path' is allocated here
  free(req->host);
  req->host = NULL;
  free(req->line);
  free(req);
}
void fill_host(struct request *req, const char *host) {
  req->host = strdup(host);
}
void set_host(struct request *req, const char *host) {
  req->host = strdup(host);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'req->host' may still own memory: 'set_host' is a setter, and a second call overwrites the block the first one stored; free it first, or test that it is NULL [alloc-ownership-inconsistent]
  // CHECK-NOTES: :99:6: note: 'request_free' frees 'host' with the object
}

// Near miss: a parser that fills the object its only caller just made
// (libevent parse_authority): the field is empty there.
static int parse_path(struct request *req, const char *s) {
  req->path = strdup(s);
  return req->path ? 0 : -1;
}
void request_set_path(struct request *req, const char *path) {
  if (req->path)
    free(req->path);
  req->path = strdup(path);
}
struct request *request_parse(const char *s) {
  struct request *req = NULL;
  req = calloc(1, sizeof(*req));
  if (!req || parse_path(req, s) < 0)
    return NULL;
  return req;
}

// The same parser, also handed the caller's object: reported.
static int reparse_path(struct request *req, const char *s) {
  req->path = strdup(s);
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'req->path' may still own memory: this store of a new allocation overwrites it, but 'request_set_path' releases the old value before it stores one; free it first, or test that it is NULL [alloc-ownership-inconsistent]
  // CHECK-NOTES: :124:5: note: 'request_set_path' releases 'path' before storing a new value
  return req->path ? 0 : -1;
}
int request_reparse(struct request *req, const char *s) {
  return reparse_path(req, s);
}

// Near miss: the object holding the field was just stored on this path
// (civetweb's client certificate: `conn->cert = calloc(..)` before
// `conn->cert->subject = strdup(..)`).
struct cert {
  char *subject;
};
struct session {
  struct cert *cert;
};
void cert_set_subject(struct cert *c, const char *s) {
  free(c->subject);
  c->subject = strdup(s);
}
void session_get_cert(struct session *sess, const char *s) {
  sess->cert = calloc(1, sizeof(*sess->cert));
  if (!sess->cert)
    return;
  sess->cert->subject = strdup(s);
}

// Near miss: a structure on the caller's stack, set up by a static helper.
static void cert_init(struct cert *c, const char *s) {
  c->subject = strdup(s);
}
void cert_print(const char *s) {
  struct cert c;
  cert_init(&c, s);
  free(c.subject);
}

// Near miss: released and reset in one chained store (SQLite
// pcache1EnforceMaxPage: `pCache->pBulk = pCache->pFree = 0;`) is no
// store of a new value.
struct cache {
  char *bulk;
  char *free_list;
};
void cache_shrink(struct cache *c) {
  free(c->bulk);
  c->bulk = c->free_list = 0;
}
void cache_init_bulk(struct cache *c, size_t n) {
  c->bulk = malloc(n);
}

// Near miss: a member of a tagged union owns what it holds only under its
// tag (SQLite's `pOp->p4.z` when `p4type == P4_DYNAMIC`).
struct op {
  int type;
  union {
    char *z;
    int i;
  } p4;
};
void op_set_dynamic(struct op *o, const char *z) {
  if (o->type == 1)
    free(o->p4.z);
  o->p4.z = strdup(z);
  o->type = 1;
}
void op_change(struct op *o, const char *z) {
  o->p4.z = strdup(z);
  o->type = 1;
}
