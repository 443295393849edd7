// RUN: %check_alloc_tidy %s alloc-group-unwind %t
// RUN: %check_alloc_tidy -check-suffixes=,ALL %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: alloc-group-unwind.ReportAllExits, value: true}]}"

// A structure copied whole takes what its pointer fields hold along
// (IoTivity CACreateNewDataSet: 'responseInfo->info = responseData;').
#include <stdlib.h>
#include <string.h>

typedef struct info { char *token; int len; } info_t;
typedef struct resp { info_t info; int code; } resp_t;
typedef struct data { resp_t *resp; int type; } data_t;

data_t *make(const char *tok, int n) {
  info_t info = { .len = n };
  info.token = malloc(n);
  if (!info.token)
    return NULL;
  memcpy(info.token, tok, n);
  resp_t *r = calloc(1, sizeof *r);
  if (!r) {
    free(info.token);
    return NULL;
  }
  r->info = info;
  data_t *d = calloc(1, sizeof *d);
  if (!d) {
    // Still true: freeing the response does not free the token it holds.
    free(r);
    return NULL;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'info.token' leaks when allocation of 'd' fails; free it on this path or jump to the cleanup label [alloc-group-unwind]
  }
  d->resp = r;
  // No warning here, not even with ReportAllExits: the token is in the
  // response, which is in 'd'.
  return d;
}

// Copied into the caller's object: handed out.
void fill(info_t *out, int n) {
  info_t info = { .len = n };
  info.token = malloc(n);
  *out = info;
}

int check(const char *);

// Near miss: a copy into a local structure is followed, and its fields
// still leak on a failing exit.
int local_copy(int n) {
  info_t a = { .len = n };
  a.token = malloc(n);
  if (!a.token)
    return -1;
  info_t b;
  b = a;
  if (check(b.token) < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'a.token' leaks when 'local_copy' fails here; free it before returning [alloc-group-unwind]
  free(b.token); // frees a.token: the same block
  return 0;
}

// The same, copied by an initialiser, into a structure handed to a
// function that keeps it.
int enqueue(info_t *item);
int init_copy(int n) {
  info_t a = { .len = n };
  a.token = malloc(n);
  if (!a.token)
    return -1;
  info_t b = a;
  return enqueue(&b);
}
