// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Memory stored through a `T **` out-parameter belongs to the caller only
// when the function succeeds: callers do not free an out-parameter after an
// error, so a failing return that leaves it there leaks it (OpenSC
// card-mcrd.c do_select, fixed by checking the length before allocating).
#include <stdlib.h>
#include <string.h>

#define ERR_NOMEM -2
#define ERR_DATA -3
typedef struct file { int type; size_t size; } file_t;
file_t *file_new(void) { return calloc(1, sizeof(file_t)); }
void file_free(file_t *f) { free(f); }
void parse_fcp(file_t *f, const unsigned char *buf, size_t len);
int cleanup_out(file_t **f);
int alloc_into(file_t **f) {
  *f = malloc(sizeof **f);
  if (*f == NULL)
    return -1;
  return 0;
}

int select_bad_length(const unsigned char *resp, size_t len, file_t **file) {
  *file = file_new();
  if (!*file)
    return ERR_NOMEM;
  if (resp[1] > len - 2)
    return ERR_DATA;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '*file' leaks when 'select_bad_length' fails here; free it before returning [alloc-group-unwind]{{$}}
  // CHECK-MESSAGES: :[[@LINE-6]]:11: note: '*file' allocated here
  parse_fcp(*file, resp + 2, resp[1]);
  return 0;
}

// The same through an out-parameter allocator handed the parameter itself.
int select_via_helper(const unsigned char *resp, size_t len, file_t **file) {
  if (alloc_into(file) != 0)
    return ERR_NOMEM;
  if (len < 2)
    return ERR_DATA;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: '*file' leaks when 'select_via_helper' fails here; free it before returning [alloc-group-unwind]{{$}}
  parse_fcp(*file, resp, len);
  return 0;
}

// Near miss: the length is checked before the allocation (the fix).
int select_fixed(const unsigned char *resp, size_t len, file_t **file) {
  if (resp[1] > len - 2)
    return ERR_DATA;
  *file = file_new();
  if (!*file)
    return ERR_NOMEM;
  parse_fcp(*file, resp + 2, resp[1]);
  return 0;
}

// Near miss: released through the out-parameter before the error return.
int select_unwound(const unsigned char *resp, size_t len, file_t **file) {
  *file = file_new();
  if (!*file)
    return ERR_NOMEM;
  if (resp[1] > len - 2) {
    file_free(*file);
    *file = NULL;
    return ERR_DATA;
  }
  parse_fcp(*file, resp + 2, resp[1]);
  return 0;
}

// Near miss: every return succeeds; the caller owns '*file'.
int make_file(file_t **file, int type) {
  *file = file_new();
  if (!*file)
    return ERR_NOMEM;
  (*file)->type = type;
  return 0;
}

// Near miss: the out-parameter itself goes to a function that may free or
// keep what it points to.
int select_cleaned(const unsigned char *resp, size_t len, file_t **file) {
  *file = file_new();
  if (!*file)
    return ERR_NOMEM;
  if (resp[1] > len - 2) {
    cleanup_out(file);
    return ERR_DATA;
  }
  return 0;
}

// Near miss: a `char *` parameter written through is not an out-parameter
// of a pointer; storing a pointer into the caller's object is a hand-over.
struct holder { file_t *f; };
int attach(struct holder *h, int fail) {
  h->f = file_new();
  if (!h->f)
    return ERR_NOMEM;
  if (fail)
    return ERR_DATA;
  return 0;
}

// Near miss: an in-out parameter, read before it is written: the caller's
// list, created on first use, stays with the caller whatever happens
// (c-ares ares_nameoffset_create).
struct list;
struct list *list_create(void);
int list_append(struct list *l, void *item);
int remember(struct list **list, const char *name) {
  if (*list == NULL)
    *list = list_create();
  if (*list == NULL)
    return ERR_NOMEM;
  char *copy = strdup(name);
  if (copy == NULL)
    return ERR_NOMEM;
  if (list_append(*list, copy) != 0) {
    free(copy);
    return ERR_NOMEM;
  }
  return 0;
}

// A failing return through a macro's own status variable, once per
// expansion (OpenSC's LOG_FUNC_RETURN): `int _ret = r; return _ret;` with a
// constant r is a return of that constant.
void log_ret(int r);
#define FUNC_RETURN(r)                                                        \
  do {                                                                        \
    int _ret = (r);                                                           \
    if (_ret <= 0)                                                            \
      log_ret(_ret);                                                          \
    return _ret;                                                              \
  } while (0)
int open_logged(int a, int b, int c, int d, int e) {
  if (a)
    FUNC_RETURN(ERR_DATA);
  if (b)
    FUNC_RETURN(ERR_DATA);
  if (c)
    FUNC_RETURN(ERR_DATA);
  char *buf = malloc(16);
  if (!buf)
    FUNC_RETURN(ERR_NOMEM);
  if (d)
    FUNC_RETURN(ERR_DATA);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'buf' leaks when 'open_logged' fails here; free it before returning [alloc-group-unwind]{{$}}
  if (e) {
    free(buf);
    FUNC_RETURN(ERR_DATA);
  }
  free(buf);
  return 0;
}

// Near miss: success is `return 0`, the last statement returns the error
// (OpenSC authentic_is_selected): the success returns are not failures.
int cached(int valid, file_t **file_out) {
  if (valid) {
    if (file_out)
      alloc_into(file_out);
    return 0;
  }
  return ERR_DATA;
}

// Near miss: a tree built under '*out' through an alias walking down it;
// the error path frees the whole tree (wakaama prv_convertRecord).
struct node { struct node *value; int id; };
struct node *node_new(void) { return calloc(1, sizeof(struct node)); }
void tree_free(struct node *n);
int build_tree(int depth, struct node **out) {
  *out = node_new();
  if (*out == NULL)
    return -1;
  {
    struct node *parent = *out;
    for (int i = 0; i < depth; i++) {
      parent->value = node_new();
      if (parent->value == NULL)
        goto error;
      parent = parent->value;
      parent->id = i;
    }
  }
  return 0;
error:
  tree_free(*out);
  *out = NULL;
  return -1;
}

// Near miss: an error message handed out on failure is the purpose of
// '*err', which never carries memory on success (SQLite's pzErrMsg).
int run_sql(const char *sql, char **err) {
  if (sql == NULL) {
    if (err)
      *err = strdup("no statement");
    return ERR_DATA;
  }
  if (err)
    *err = NULL;
  return 0;
}

// Near miss: a success return after an allocation failed on the way still
// hands '*cols' to the caller; names stored through an alias walking the
// array go with it (SQLite sqlite3ColumnsFromExprList).
struct col { char *name; };
int make_columns(int n, const char **names, struct col **cols, int *ncols) {
  struct col *a = calloc((size_t)n, sizeof *a);
  struct col *c;
  int i;
  *ncols = n;
  *cols = a;
  if (!a)
    return ERR_NOMEM;
  for (i = 0, c = a; i < n; i++, c++) {
    char *name = strdup(names[i]);
    c->name = name;
  }
  return 0;
}
