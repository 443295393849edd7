// The profile (OpenSC profile.c): hands its out-parameter to file_dup,
// in another unit, and reports failure by a status.
#include <stddef.h>

typedef struct file file_t;
void file_dup(struct file **dest, const struct file *src);
struct entry { const char *name; struct file *file; struct entry *next; };
static struct entry *entries;
static struct entry *find_entry(const char *name) {
  for (struct entry *e = entries; e; e = e->next)
    if (e->name == name)
      return e;
  return NULL;
}

int profile_get_file(const char *name, file_t **ret) {
  struct entry *fi;
  if ((fi = find_entry(name)) == NULL)
    return -1201;
  file_dup(ret, fi->file);
  if (*ret == NULL)
    return -1404;
  return 0;
}

// Not an allocator: find_cached hands back the cache's own file.
void find_cached(const char *name, file_t **ret);
int profile_find(const char *name, file_t **ret) {
  find_cached(name, ret);
  if (*ret == NULL)
    return -1201;
  return 0;
}
