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

/* Near miss (SQLite vtabCallConstructor): the message is set under the
   else branch of `rc != OK`, but `rc = EFORMERR` follows it: that store is
   made on failure, so the function is no allocator of *err. */
void *lib_malloc(size_t n);
int declared_schema(int x);
status_t construct(int x, char **err) {
  status_t rc;
  if (x < 0)
    return EFORMERR;
  rc = split_array("x", NULL);
  if (rc != OK) {
    *err = NULL;
  } else if (!declared_schema(x)) {
    *err = lib_malloc(32);
    rc = EFORMERR;
  }
  return rc;
}
