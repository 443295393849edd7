// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t -- -- -I %S/Inputs/user-destroy

// A destroy function that leaves out a field pointing to a struct whose own
// destroy function the library exports and never calls itself hands that
// object to its users, who release it through that function (NanoNNG
// rule_free leaves rule.repub to nanomq's rule_repub_free, and nanomq
// moves it to a new rule before rule_free on update): not reported.  Near
// miss: a field pointing to a struct whose destroy function the file
// calls (or keeps to itself) is reported when left out.
#include <stdlib.h>
#include <string.h>
#include "sink.h"

struct sink {
  char *addr;
  char *name;
};

struct logger {
  char *path;
  char *tag;
};

struct route {
  char *topic;
  char *filter;
  struct sink *sink;  // the users' to release with sink_free
  struct logger *log; // logger_free is the file's own: reported
};

struct sink *sink_new(const char *addr) {
  struct sink *s = calloc(1, sizeof *s);
  if (!s)
    return NULL;
  s->addr = strdup(addr);
  s->name = strdup("sink");
  return s;
}

void sink_free(struct sink *s) {
  if (!s)
    return;
  free(s->addr);
  free(s->name);
  free(s);
}

static struct logger *logger_new(const char *path) {
  struct logger *l = calloc(1, sizeof *l);
  if (!l)
    return NULL;
  l->path = strdup(path);
  l->tag = strdup("route");
  return l;
}

static void logger_free(struct logger *l) {
  free(l->path);
  free(l->tag);
  free(l);
}

struct route *route_new(const char *t, const char *addr, const char *path) {
  struct route *r = calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->topic = strdup(t);
  r->filter = strdup("#");
  r->sink = sink_new(addr);
  r->log = logger_new(path);
  return r;
}

void route_free(struct route *r) {
  // CHECK-MESSAGES: :[[@LINE-1]]:6: warning: 'route_free' releases the fields of 'route' but not 'log', which holds memory allocated at {{.*}} that no code frees; free it here [alloc-ownership-inconsistent]{{$}}
  free(r->topic);
  free(r->filter);
  free(r);
}

void route_reset_log(struct route *r, const char *path) {
  struct logger *old = logger_new(path);
  if (old)
    logger_free(old);
}
