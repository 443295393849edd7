// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// Memory freed while a member of the caller's object still points to it
// (cJSON parse_string before 8e00ef3c: `item->valuestring = out` before
// parsing, `cJSON_free(out)` on the fail path, and the caller's
// cJSON_Delete(item) frees it again). Reported for members the project
// releases (item_delete frees valuestring).
#include <stdlib.h>
#include <string.h>
typedef struct item { struct item *next; char *valuestring; int type; } item_t;
void item_delete(item_t *c) {
  while (c) {
    item_t *n = c->next;
    free(c->valuestring);
    free(c);
    c = n;
  }
}
const char *parse_string(item_t *item, const char *str) {
  const char *ptr = str + 1;
  char *out = NULL;
  size_t len = 0;
  if (*str != '"')
    goto fail;
  while (ptr[len] && ptr[len] != '"')
    len++;
  out = malloc(len + 1);
  if (!out)
    goto fail;
  item->valuestring = out;
  item->type = 4;
  for (size_t i = 0; i < len; i++) {
    if (ptr[i] == '\\')
      goto fail;
    out[i] = ptr[i];
  }
  out[len] = 0;
  return ptr + len;
fail:
  if (out != NULL)
    free(out);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'out' is freed, but 'item->valuestring' still points to it when 'parse_string' returns: the caller's object keeps a dangling pointer that it frees or reads again; set 'item->valuestring' to NULL here, or store it only once it is kept [alloc-ownership-transfer]{{$}}
  return NULL;
}

// The fix: stored once the string is complete.
const char *parse_string_fixed(item_t *item, const char *str) {
  const char *ptr = str + 1;
  char *out = NULL;
  size_t len = 0;
  if (*str != '"')
    goto fail;
  while (ptr[len] && ptr[len] != '"')
    len++;
  out = malloc(len + 1);
  if (!out)
    goto fail;
  item->type = 4;
  for (size_t i = 0; i < len; i++) {
    if (ptr[i] == '\\')
      goto fail;
    out[i] = ptr[i];
  }
  out[len] = 0;
  item->valuestring = out;
  return ptr + len;
fail:
  if (out != NULL)
    free(out);
  return NULL;
}
// Near miss: the member cleared after the free.
const char *parse_string_cleared(item_t *item, const char *str) {
  char *out = malloc(8);
  if (!out)
    return NULL;
  item->valuestring = out;
  if (*str == 0) {
    free(out);
    item->valuestring = NULL;
    return NULL;
  }
  return str;
}

// Near miss: a member nothing in the project releases (a view).
typedef struct view { const char *name; char *cursor; } view_t;
int view_fill(view_t *v, const char *src) {
  char *tmp = malloc(8);
  if (!tmp)
    return -1;
  v->cursor = tmp;
  if (*src == 0) {
    free(tmp);
    return -1;
  }
  v->name = src;
  return 0;
}

// Near miss: the caller's object restored by a struct copy before the free
// (nginx ngx_http_geo_block: `save = *cf; cf->pool = pool; ... *cf = save;
// ngx_destroy_pool(pool);`).
typedef struct pool { char *data; } pool_t;
typedef struct conf { pool_t *pool; void *ctx; } conf_t;
void pool_destroy(pool_t *p) { free(p->data); free(p); }
void conf_free(conf_t *c) { pool_destroy(c->pool); free(c); }
int parse_conf(conf_t *cf);
int block(conf_t *cf) {
  conf_t save = *cf;
  pool_t *pool = malloc(sizeof(*pool));
  if (!pool)
    return -1;
  cf->pool = pool;
  int rv = parse_conf(cf);
  *cf = save;
  pool_destroy(pool);
  return rv;
}

// Near miss: the parameter walks on (libevent
// apply_socktype_protocol_hack: `for (; ai; ai = ai->ai_next)`), so the
// block freed in a later iteration is not the one an earlier iteration
// linked.
struct ai { struct ai *next; int type; char *name; };
void ai_free(struct ai *a) {
  while (a) {
    struct ai *n = a->next;
    free(a->name);
    free(a);
    a = n;
  }
}
int hack(struct ai *ai) {
  struct ai *n;
  for (; ai; ai = ai->next) {
    if (ai->type)
      continue;
    n = malloc(sizeof(*n));
    if (!n)
      return -1;
    memcpy(n, ai, sizeof(*n));
    if (n->name) {
      n->name = strdup(n->name);
      if (!n->name) {
        free(n);
        return -1;
      }
    }
    n->next = ai->next;
    ai->next = n;
  }
  return 0;
}
