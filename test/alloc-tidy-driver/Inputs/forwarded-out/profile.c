// The profile (OpenSC profile.c): hands its out-parameter to file_dup,
// in another unit, and reports failure by a status.
#include <stddef.h>

struct file;
void file_dup(struct file **dest, const struct file *src);
const struct file *find_file(const char *name);

int profile_get_file(const char *name, struct file **ret) {
  const struct file *fi = find_file(name);
  if (fi == NULL)
    return -1201;
  file_dup(ret, fi);
  if (*ret == NULL)
    return -1404;
  return 0;
}

// Not an allocator: find_cached hands back the cache's own file.
void find_cached(const char *name, struct file **ret);
int profile_find(const char *name, struct file **ret) {
  find_cached(name, ret);
  if (*ret == NULL)
    return -1201;
  return 0;
}
