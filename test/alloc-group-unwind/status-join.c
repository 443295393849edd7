// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// The status of out-parameter allocators, joined from several paths, still
// settles each path's allocation (IoTivity OCParsePayload: a switch calls
// one parser per payload type into the same status variable).
#include <stdlib.h>

typedef enum { OK = 0, ERR = 1, BAD = 2, NOMEM = 3 } status_t;
typedef struct payload { int type; } payload_t;

static status_t parse_a(payload_t **out, int x) {
  if (x < 0)
    return BAD;
  payload_t *p = malloc(sizeof *p);
  if (!p)
    return NOMEM;
  *out = p;
  return OK;
}

static status_t parse_b(payload_t **out, int x) {
  if (x > 5)
    return BAD;
  payload_t *p = calloc(1, sizeof *p);
  if (!p)
    return NOMEM;
  *out = p;
  return OK;
}

int later_step_fails(int);
int use(payload_t *);

status_t parse_any(int type, int x) {
  payload_t *p = NULL;
  status_t rc;
  switch (type) {
  case 0:
    rc = parse_a(&p, x);
    break;
  case 1:
    rc = parse_b(&p, x);
    break;
  default:
    rc = ERR;
    break;
  }
  // Near miss: a failed parser set nothing.
  if (rc != OK)
    return rc;
  // The parser succeeded, then this function fails: whichever parser ran,
  // its payload leaks.
  if (later_step_fails(x))
    return BAD;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'p' leaks when 'parse_any' fails here; free it before returning [alloc-group-unwind]
  use(p);
  free(p);
  return OK;
}
