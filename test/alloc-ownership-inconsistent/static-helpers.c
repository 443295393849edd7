// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// Near miss: a file's static helpers share a prefix ("prv_") without being
// an API family; their conventions are not compared.
#include <stdlib.h>

struct ctx { char *a, *b; };
static void prv_keep(struct ctx *c, char *s) { c->a = s; }
static void prv_look(struct ctx *c, const char *s) { (void)c; (void)s; }
static void prv_look2(struct ctx *c, const char *s) { (void)c; (void)s; }
void ctx_free(struct ctx *c) { free(c->a); free(c); }

void use(struct ctx *c, char *s) {
  prv_keep(c, s);
  prv_look(c, s);
  prv_look2(c, s);
}

// The same shapes, externally visible: an API family that disagrees.
void api_keep(struct ctx *c, char *s) { c->a = s; }
// CHECK-MESSAGES: :[[@LINE-1]]:36: warning: 'api_keep' takes ownership of 's' (stored into 'c->a'), but the other functions of the 'api_' family leave it with the caller {{.*}} [alloc-ownership-inconsistent]{{$}}
void api_look(struct ctx *c, const char *s) { (void)c; (void)s; }
void api_look2(struct ctx *c, const char *s) { (void)c; (void)s; }
