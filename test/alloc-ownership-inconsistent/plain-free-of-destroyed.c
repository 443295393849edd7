// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t

// An object of a struct the project has a destroy function for, released
// with plain free(): the destroy function also releases what the fields
// own, so they leak (OpenSC card-jpki.c before 12b4e677: the virtual MF,
// an sc_file_t with ACL entries, released with free instead of
// sc_file_free).
#include <stdlib.h>

typedef struct acl { struct acl *next; int method; } acl_t;
typedef struct file {
  acl_t *acl;
  unsigned char *sec_attr;
  int id;
} file_t;

void file_free(file_t *file) {
  if (file == NULL)
    return;
  free(file->acl);
  free(file->sec_attr);
  free(file);
}

struct drvdata {
  file_t *mf;
  int flags;
};
struct card {
  void *drv_data;
};

int finish(struct card *card) {
  struct drvdata *drvdata = card->drv_data;
  if (drvdata) {
    if (drvdata->mf)
      free(drvdata->mf);
    // CHECK-NOTES: :[[@LINE-1]]:7: warning: 'drvdata->mf' is released with 'free', which leaks what its fields own: 'file_free' is the destroy function of its struct; release it with 'file_free' [alloc-ownership-inconsistent]
    // CHECK-NOTES: :17:6: note: 'file_free' releases the object and what its fields own: acl, sec_attr
    free(drvdata);
    card->drv_data = NULL;
  }
  return 0;
}

// The fix.
int finish_fixed(struct card *card) {
  struct drvdata *drvdata = card->drv_data;
  if (drvdata) {
    file_free(drvdata->mf);
    free(drvdata);
    card->drv_data = NULL;
  }
  return 0;
}

// Near miss: a hand-written destroy that releases the fields first.
void file_release(file_t *f) {
  free(f->sec_attr);
  free(f);
}

// Near miss: a shell whose fields were moved to another object.
void file_move(file_t *to, file_t *from) {
  to->acl = from->acl;
  to->sec_attr = from->sec_attr;
  free(from);
}

// Near miss: a new object this function made, its fields not set yet.
file_t *file_new_checked(int id) {
  file_t *f = calloc(1, sizeof(*f));
  if (!f)
    return NULL;
  if (id < 0) {
    free(f);
    return NULL;
  }
  f->id = id;
  return f;
}

// Near miss: a new object that this function set up as a shallow copy of
// another one's fields (IoTivity SendListObserverNotification: `resp.payload
// = create(); memcpy(resp.payload, payload, ...); ... OICFree(resp.payload)`):
// the fields are the other object's, so only the shell is freed.
#include <string.h>
file_t *file_create(void);
struct response {
  file_t *payload;
  int result;
};
int notify(const file_t *shared) {
  struct response resp = {0};
  resp.payload = file_create();
  if (!resp.payload)
    return -1;
  memcpy(resp.payload, shared, sizeof(*shared));
  free(resp.payload);
  return 0;
}
void drop_payload(struct card *card) {
  struct drvdata *drvdata = card->drv_data;
  drvdata->mf = file_create();
  free(drvdata->mf);
}

// Near miss: a project function that frees its argument is not a plain
// deallocator (SQLite's fkTriggerDelete frees a trigger's steps itself).
void log_id(int id);
void file_drop(file_t *f) {
  log_id(f->id);
  free(f);
}
void drop_mf(struct card *card) {
  struct drvdata *drvdata = card->drv_data;
  file_drop(drvdata->mf);
}
