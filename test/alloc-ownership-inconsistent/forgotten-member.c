// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// A destroy function that releases a structure's fields but never tears
// down a struct it holds by value, whose own destroy function the file
// defines, while the file stores new memory into that member's fields
// (NanoNNG conf_fini before 30d577cc4 never called
// conf_http_server_destroy(&conf->http_server)).
#include <stdlib.h>
#include <string.h>

struct http {
  char *user;
  char *pass;
};

struct conf {
  char *url;
  char *file;
  struct http http;  // filled, torn down nowhere: reported
  struct http admin; // torn down by another function
  struct http guest; // never filled
};

void http_destroy(struct http *h) {
  free(h->user);
  free(h->pass);
}

// Lends the member to be filled: keeps and frees none of it.
void http_init(struct http *h) {
  h->user = NULL;
  h->pass = NULL;
}

struct conf *conf_new(const char *u) {
  struct conf *c = calloc(1, sizeof *c);
  if (!c)
    return NULL;
  http_init(&c->http);
  c->url = strdup(u);
  c->file = strdup(u);
  c->http.user = strdup(u);
  c->http.pass = strdup(u);
  c->admin.user = strdup(u);
  return c;
}

void conf_admin_reset(struct conf *c) { http_destroy(&c->admin); }

void conf_fini(struct conf *c) {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'conf_fini' releases the fields of 'conf' but not those of its member 'http', which 'http_destroy' releases; call 'http_destroy' on it here [alloc-ownership-inconsistent]{{$}}
  // CHECK-MESSAGES: :[[@LINE-10]]:16: note: a field of 'http' is allocated here{{$}}
  free(c->url);
  free(c->file);
  free(c);
}

// Near miss: the fix, the member torn down by the parent's destroy function.
struct site {
  char *name;
  char *root;
  struct http http;
};

struct site *site_new(const char *n) {
  struct site *s = calloc(1, sizeof *s);
  if (!s)
    return NULL;
  s->name = strdup(n);
  s->root = strdup(n);
  s->http.user = strdup(n);
  return s;
}

void site_free(struct site *s) {
  free(s->name);
  free(s->root);
  http_destroy(&s->http);
  free(s);
}
