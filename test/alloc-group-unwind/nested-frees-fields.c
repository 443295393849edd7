// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// A destroy function that frees fields of its object's members
// (`free(info->subject.value)`, `params_free(&info->params)`, OpenSC
// sc_pkcs15_free_pubkey_info) releases what those members hold.
#include <stdlib.h>

struct params {
  void *data;
};
struct info {
  struct {
    char *value;
  } subject;
  struct params params;
};

void params_free(struct params *p) {
  if (!p)
    return;
  free(p->data);
  p->data = NULL;
}

void info_free(struct info *i) {
  if (i) {
    free(i->subject.value);
    params_free(&i->params);
    free(i);
  }
}

void info_free_shallow(struct info *i) {
  if (i) {
    free(i->subject.value);
    free(i);
  }
}

int op(void);

int decode(struct info **out) {
  struct info *info = calloc(1, sizeof *info);
  if (!info)
    return -1;
  info->params.data = malloc(8);
  if (!info->params.data) {
    info_free(info);
    return -1;
  }
  if (op() < 0) {
    info_free(info);
    return -2;
  }
  *out = info;
  return 0;
}

int decode_shallow(struct info **out) {
  struct info *info = calloc(1, sizeof *info);
  if (!info)
    return -1;
  info->params.data = malloc(8);
  if (!info->params.data) {
    info_free_shallow(info);
    return -1;
  }
  if (op() < 0) {
    info_free_shallow(info);
    return -2;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'info->params.data' leaks when 'decode_shallow' fails here; free it before returning [alloc-group-unwind]
  }
  *out = info;
  return 0;
}
