// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A variable set to a computed value next to an allocation, and otherwise
// only to 0, is the allocation's flag: where it is set it is nonzero, so
// `if (fieldlen) release(fieldobj);` releases on every path that allocated
// (redis sort.c lookupKeyByPattern).  Not when it is also set to a nonzero
// constant, or computed where nothing is allocated.
#include <stdlib.h>
#include <string.h>
char *strchr(const char *s, int c);
char *strstr(const char *h, const char *n);

typedef struct obj {
  int refs;
  char *ptr;
} obj;
obj *create(const char *s, size_t n) {
  obj *o = malloc(sizeof *o);
  if (!o)
    abort();
  o->refs = 1;
  o->ptr = 0;
  return o;
}
void release(obj *o) {
  if (o->refs == 1)
    free(o);
  else
    o->refs--;
}
obj *lookup(obj *k);

obj *by_pattern(const char *spat) {
  char *p, *f;
  obj *keyobj, *fieldobj = NULL, *o;
  int fieldlen;
  p = strchr(spat, '*');
  if (!p)
    return NULL;
  if ((f = strstr(p + 1, "->")) != NULL && *(f + 2) != '\0') {
    fieldlen = strlen(spat) - (f - spat) - 2;
    fieldobj = create(f + 2, fieldlen);
  } else {
    fieldlen = 0;
  }
  keyobj = create(spat, fieldlen ? fieldlen + 2 : 0);
  o = lookup(keyobj);
  if (o == NULL)
    goto noobj;
  release(keyobj);
  if (fieldobj)
    release(fieldobj);
  return o;
noobj:
  release(keyobj);
  if (fieldlen)
    release(fieldobj);
  return NULL;
}

// Also set to a nonzero constant where nothing is allocated: no flag.
obj *by_pattern_default(const char *spat) {
  char *p, *f;
  obj *keyobj, *fieldobj = NULL, *o;
  int fieldlen;
  p = strchr(spat, '*');
  if (!p)
    return NULL;
  if ((f = strstr(p + 1, "->")) != NULL && *(f + 2) != '\0') {
    fieldlen = strlen(spat) - (f - spat) - 2;
    fieldobj = create(f + 2, fieldlen);
  } else {
    fieldlen = 4;
  }
  keyobj = create(spat, fieldlen ? fieldlen + 2 : 0);
  o = lookup(keyobj);
  if (o == NULL)
    goto noobj;
  release(keyobj);
  if (fieldobj)
    release(fieldobj);
  return o;
noobj:
  release(keyobj);
  if (fieldlen)
    release(fieldobj);
  return NULL;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'fieldobj' leaks when 'by_pattern_default' fails here; free it before returning [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-18]]:16: note: 'fieldobj' allocated here
}

// Near miss: tested in the same list before the allocation (wakaama
// prv_updateRegistration: `payload_length = ...; if (payload_length == 0)
// return ...; payload = malloc(payload_length);`): it may be 0 there.
int payload_size(void);
int update(obj *server, int with_objects) {
  obj *transaction = create("t", 1);
  char *payload = NULL;
  int payload_length;
  if (with_objects) {
    payload_length = payload_size();
    if (payload_length == 0)
      return 500;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'transaction' leaks when 'update' fails here; free it before returning [alloc-group-unwind]{{$}}
    // CHECK-MESSAGES: :[[@LINE-8]]:22: note: 'transaction' allocated here
    // CHECK-MESSAGES: :[[@LINE-4]]:9: note: on the path where this fails
    payload = malloc(payload_length);
    if (!payload) {
      release(transaction);
      return 500;
    }
  }
  server->ptr = (char *)transaction;
  free(payload);
  return 0;
}
