// The caller (OpenSC pkcs15-rtecp.c create_sysdf before 5b9ca2ec): the
// file is leaked when its path is too short.
#include <stdlib.h>

struct file {
  int size;
};
int profile_get_file(const char *name, struct file **ret);
int create_file(struct file *f);
int profile_find(const char *name, struct file **ret);

int create_sysdf(const char *name) {
  struct file *file;
  int r = profile_get_file(name, &file);
  if (r == 0) {
    if (file->size <= 2)
      return -1400;
    r = create_file(file);
    free(file);
  }
  return r;
}

int create_sysdf_fixed(const char *name) {
  struct file *file;
  int r = profile_get_file(name, &file);
  if (r == 0) {
    if (file->size <= 2) {
      free(file);
      return -1400;
    }
    r = create_file(file);
    free(file);
  }
  return r;
}

int cached_size(const char *name) {
  struct file *file;
  if (profile_find(name, &file) != 0)
    return -1;
  if (file->size <= 2)
    return -1400;
  return file->size;
}
