// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// An out-parameter allocator whose success is one non-zero code (wakaama
// object_readData returns COAP_205_CONTENT where it stored the array and
// COAP_404_NOT_FOUND or COAP_500_INTERNAL_SERVER_ERROR before): the status
// variable it returns is given that one constant besides the failures, so
// success "equals" it. A caller that tested for it owns the array.
#include <stdlib.h>

typedef unsigned char coap_status_t;
#define COAP_205_CONTENT 69
#define COAP_404_NOT_FOUND 132
#define COAP_500_INTERNAL_SERVER_ERROR 160

typedef struct { int type; long value; } data_t;
typedef struct object {
  struct object *next;
  int id;
  coap_status_t (*readFunc)(int id, int *size, data_t **data);
} object_t;
typedef struct observed {
  struct observed *next;
  int id;
  long last;
} observed_t;

object_t *find_object(object_t *list, int id);
int decode_int(const data_t *d, long *v);

coap_status_t read_data(object_t *list, int id, int *sizeP, data_t **dataP) {
  coap_status_t result;
  object_t *target = find_object(list, id);
  if (target == NULL)
    return COAP_404_NOT_FOUND;
  *sizeP = 1;
  *dataP = malloc(sizeof(data_t));
  if (*dataP == NULL)
    return COAP_500_INTERNAL_SERVER_ERROR;
  result = COAP_205_CONTENT;
  if (target->readFunc)
    result = target->readFunc(id, sizeP, dataP);
  return result;
}

// wakaama observe_step before 3cd572a6: the decode error continues the loop
// past the free at the end of the iteration.
void observe_step(object_t *objects, observed_t *list) {
  for (observed_t *t = list; t != NULL; t = t->next) {
    data_t *dataP = NULL;
    int size = 0;
    long v = 0;
    if (COAP_205_CONTENT != read_data(objects, t->id, &size, &dataP))
      continue; // nothing was allocated
    if (1 != decode_int(dataP, &v))
      continue;
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 'dataP' is lost at this 'continue': no pointer to it is left; free it before leaving the block [alloc-group-unwind]{{$}}
    t->last = v;
    free(dataP);
  }
}

// The fix: freed before the 'continue'.
void observe_step_fixed(object_t *objects, observed_t *list) {
  for (observed_t *t = list; t != NULL; t = t->next) {
    data_t *dataP = NULL;
    int size = 0;
    long v = 0;
    if (COAP_205_CONTENT != read_data(objects, t->id, &size, &dataP))
      continue;
    if (1 != decode_int(dataP, &v)) {
      free(dataP);
      continue;
    }
    t->last = v;
    free(dataP);
  }
}

// The success tested the other way round, and an ordering test that the
// success lies on one side of.
int read_one(object_t *objects, int id, long *out) {
  data_t *dataP = NULL;
  int size = 0;
  coap_status_t st = read_data(objects, id, &size, &dataP);
  if (st == COAP_205_CONTENT) {
    *out = dataP->value;
    free(dataP);
    return 0;
  }
  return -1; // nothing was allocated
}
int read_two(object_t *objects, int id, long *out) {
  data_t *dataP = NULL;
  int size = 0;
  if (read_data(objects, id, &size, &dataP) >= COAP_404_NOT_FOUND)
    return -1; // nothing was allocated
  if (dataP->value < 0)
    return -1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'dataP' leaks when 'read_two' fails here; free it before returning [alloc-group-unwind]{{$}}
  *out = dataP->value;
  free(dataP);
  return 0;
}

// Near miss: a callee may change the returned variable through its
// address, so the one constant it is given says nothing of success.
void note_status(coap_status_t *st);
coap_status_t read_either(object_t *list, int id, data_t **dataP) {
  coap_status_t result = COAP_205_CONTENT;
  if (find_object(list, id) == NULL)
    return COAP_404_NOT_FOUND;
  *dataP = malloc(sizeof(data_t));
  if (*dataP == NULL)
    return COAP_500_INTERNAL_SERVER_ERROR;
  note_status(&result);
  return result;
}
void observe_either(object_t *objects, observed_t *list) {
  for (observed_t *t = list; t != NULL; t = t->next) {
    data_t *dataP = NULL;
    long v = 0;
    if (COAP_205_CONTENT != read_either(objects, t->id, &dataP))
      continue;
    if (1 != decode_int(dataP, &v))
      continue;
    t->last = v;
    free(dataP);
  }
}

// Near miss: a constant given only in an error branch (re's vreplyf: `if
// (!mb) { err = ENOMEM; goto out; }`) is a failure, not the success.
int send_it(unsigned char *mb);
int reply(int ok, unsigned char **mbp) {
  int err;
  if (!ok)
    return 22;
  unsigned char *mb = malloc(16);
  if (!mb) {
    err = 12;
    goto out;
  }
  err = send_it(mb);
out:
  if (!err && mbp)
    *mbp = mb;
  else
    free(mb);
  return err;
}
int answer(void) {
  unsigned char *mb = NULL;
  int e = reply(1, &mb);
  if (e)
    return e;
  free(mb);
  return 0;
}


// Near miss: memory kept in the caller's object, which `*out` only views
// (SQLite walIndexPageRealloc: `pWal->apWiData[i] = malloc(n); ... *ppPage =
// pWal->apWiData[i];`), is not the caller's to free.
struct wal {
  int n;
  unsigned char *pages[8];
};
int page_get(struct wal *w, int i, unsigned char **page) {
  int rc = 0;
  if (i < 0 || i >= 8)
    return 7;
  if (w->pages[i] == NULL) {
    w->pages[i] = malloc(64);
    if (!w->pages[i])
      rc = 7;
  }
  *page = w->pages[i];
  return rc;
}
int page_first(struct wal *w) {
  unsigned char *page = NULL;
  if (page_get(w, 0, &page) != 0)
    return -1;
  if (page[0] == 0)
    return -1;
  return page[0];
}
