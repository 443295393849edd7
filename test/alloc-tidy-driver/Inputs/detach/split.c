#include <stddef.h>

/* c-ares ares_buf_split_str: the status variable is returned, and the
   out-parameter is set under `if (status == OK)`: an out-parameter
   allocator whose success is OK. */
typedef enum { OK = 0, EFORMERR = 1, ENOMEM = 15 } status_t;
struct arr;
char **arr_finish(struct arr *a, size_t *n);
void arr_destroy(struct arr *a);
status_t split_array(const char *s, struct arr **out);

status_t split_str(const char *s, char ***strs, size_t *nstrs) {
  status_t status;
  struct arr *arr = NULL;
  if (strs == NULL || nstrs == NULL)
    return EFORMERR;
  *strs = NULL;
  *nstrs = 0;
  status = split_array(s, &arr);
  if (status != OK)
    goto done;
done:
  if (status == OK) {
    *strs = arr_finish(arr, nstrs);
  } else {
    arr_destroy(arr);
  }
  return status;
}
