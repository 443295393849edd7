// RUN: %check_alloc_tidy %s alloc-group-unwind,alloc-ownership-transfer %t

// A setter that takes its argument only when it succeeds (c-ares
// ares_dns_rr_set_opt_own: stored into the option array, or `return
// ARES_ENOMEM` first): its summary says "takes-on-success" with the status
// class its returns show, and a caller still owns the argument where the
// status it tested says the call failed (c-ares ares_dns_parse_rr_opt
// before 1ba6ce7 leaked it there).
#include <stdlib.h>
#include <string.h>

typedef enum { OK = 0, EFORMERR = 1, ENOMEM_ = 15 } status_t;
struct opt { unsigned short opt; unsigned char *val; };
struct rr { struct opt *opts; size_t n, cap; };
status_t rr_set_opt_own(struct rr *rr, unsigned short o, unsigned char *val) {
  if (rr == NULL)
    return EFORMERR;
  if (rr->n == rr->cap)
    return ENOMEM_;
  free(rr->opts[rr->n].val);
  rr->opts[rr->n].opt = o;
  rr->opts[rr->n].val = val;
  rr->n++;
  return OK;
}
void rr_free(struct rr *rr) {
  for (size_t i = 0; i < rr->n; i++)
    free(rr->opts[i].val);
  free(rr->opts);
}
status_t parse_opt(struct rr *rr, const unsigned char *buf, size_t len) {
  unsigned char *val = malloc(len);
  if (val == NULL)
    return ENOMEM_;
  memcpy(val, buf, len);
  status_t status = rr_set_opt_own(rr, 1, val);
  if (status != OK)
    return status;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'val' leaks when 'parse_opt' fails here; free it before returning [alloc-group-unwind]
  return OK;
}

// Near miss: released where the setter failed (the fix), without a
// warning that it was freed after the setter took it.
status_t parse_opt_fixed(struct rr *rr, const unsigned char *buf, size_t len) {
  unsigned char *val = malloc(len);
  if (val == NULL)
    return ENOMEM_;
  memcpy(val, buf, len);
  status_t status = rr_set_opt_own(rr, 1, val);
  if (status != OK) {
    free(val);
    return status;
  }
  return OK;
}
status_t parse_direct(struct rr *rr, const unsigned char *buf, size_t len) {
  unsigned char *val = malloc(len);
  if (val == NULL)
    return ENOMEM_;
  if (rr_set_opt_own(rr, 1, val) != OK)
    return EFORMERR;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'val' leaks when 'parse_direct' fails here; free it before returning [alloc-group-unwind]
  return OK;
}
// Near miss: the status is not tested; the setter took it on the paths
// that matter to the caller, as far as it can tell.
status_t parse_ignored(struct rr *rr, size_t len) {
  unsigned char *val = malloc(len);
  if (val == NULL)
    return ENOMEM_;
  rr_set_opt_own(rr, 1, val);
  return OK;
}

// The failure of a callee passed on (`if (status != OK) return status;`)
// is a failure too: the value is still the caller's there.
status_t grow(struct rr *rr);
status_t rr_add_opt_own(struct rr *rr, unsigned short o, unsigned char *val) {
  if (rr == NULL)
    return EFORMERR;
  status_t status = grow(rr);
  if (status != OK)
    return status;
  free(rr->opts[rr->n].val);
  rr->opts[rr->n].opt = o;
  rr->opts[rr->n].val = val;
  rr->n++;
  return OK;
}
status_t add_opt(struct rr *rr, size_t len) {
  unsigned char *val = malloc(len);
  if (val == NULL)
    return ENOMEM_;
  status_t status = rr_add_opt_own(rr, 2, val);
  if (status != OK)
    return status;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'val' leaks when 'add_opt' fails here; free it before returning [alloc-group-unwind]
  return OK;
}

// Near miss: a yes/no answer, not a status code (redis ebTrySegSplit links
// the segment into a list and returns 1, or returns 0 when it cannot
// split): the object is still the caller's to use after a success.
struct seg {
  struct seg *next;
  int n;
};
static struct seg *pending;
int try_add(struct seg *s) {
  if (s->n < 2)
    return 0;
  s->next = pending;
  pending = s;
  return 1;
}
int add_item(int n) {
  struct seg *s = calloc(1, sizeof(*s));
  if (s == NULL)
    return -1;
  s->n = n;
  if (try_add(s) != 1) {
    free(s);
    return 0;
  }
  return s->n;
}
