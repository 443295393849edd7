// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// A small library with an oSIP-like message API.  Three setters copy the
// text they are given; msg_set_method keeps the pointer itself, so a caller
// who frees its string after the call (as it must after the other three)
// leaves a dangling pointer in the message.
#include <stdlib.h>
#include <string.h>

typedef struct msg {
  char *method;
  char *body;
  char *uri;
  char *version;
  char *owner;
  char *tag;
} msg_t;

void msg_set_body(msg_t *m, const char *body) {
  free(m->body);
  m->body = strdup(body); // alloc: stored -- the message owns its copy
}

void msg_set_uri(msg_t *m, const char *uri) {
  m->uri = strdup(uri); // alloc: stored -- the message owns its copy
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'm->uri' may still own memory: 'msg_set_uri' is a setter, and a second call overwrites the block the first one stored; free it first, or test that it is NULL [alloc-ownership-inconsistent]
}

void msg_set_version(msg_t *m, const char *version) {
  char *copy = malloc(strlen(version) + 1); // alloc: stored -- kept in m
  if (!copy)
    return;
  strcpy(copy, version);
  m->version = copy;
}

void msg_set_method(msg_t *m, char *method) {
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'msg_set_method' takes ownership of 'method' (stored into 'm->method'), but the other functions of the 'msg_set_' family leave it with the caller (they copy or borrow it): callers will free or leak it by mistake; follow the family's convention, or declare this contract with '/* alloc: takes(method) */' or '__attribute__((ownership_takes(malloc, 2)))' [alloc-ownership-inconsistent]{{$}}
  m->method = method;
}

// Declared contracts win over inference: these stay silent.
/* alloc: takes(owner) -- the message frees its owner tag */
void msg_set_owner(msg_t *m, char *owner) { m->owner = owner; }

void msg_set_tag(msg_t *m, char *tag) __attribute__((ownership_takes(malloc, 2)));
void msg_set_tag(msg_t *m, char *tag) { m->tag = tag; }

// A different family (another object type), even with the same prefix: not
// compared with msg_set_*.
typedef struct log { char *prefix; } log_t;
void msg_set_prefix_of_log(log_t *l, char *prefix);
void log_set_prefix(log_t *l, char *prefix) { l->prefix = prefix; }

// Getters and queries that only read their argument are a family of their
// own and agree.
int msg_has_method(const msg_t *m, const char *method) {
  return m->method && strcmp(m->method, method) == 0;
}
int msg_has_uri(const msg_t *m, const char *uri) {
  return m->uri && strcmp(m->uri, uri) == 0;
}

// The message's destroy function frees what its fields hold: a field it
// frees owns its pointer, so storing into it is taking.
void msg_free(msg_t *m) {
  free(m->method);
  free(m->body);
  free(m->uri);
  free(m->version);
  free(m->owner);
  free(m->tag);
  free(m);
}
