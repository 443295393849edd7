/* Case libucl-parse-key-empty (ucl_parse_key, src/ucl_parser.c).
 * Cause: the allocator is not recognised because of its NULL guard.
 * ucl_object_new() (static inline, include/ucl.h) is "new = malloc(); if
 * (new != NULL) { init } return new;". On the path where malloc failed the
 * returned 'new' is the failed allocation (Owned=false after the NULL test),
 * not the NULL sentinel, so ownedOrNull() fails and no "allocates: return" is
 * inferred. "if (new == NULL) return NULL;" instead makes it an allocator,
 * and then the case is found on the real tree (buggy only). The same guard
 * blocks ucl_object_typed_new (libucl-parser-stack-alloc-failure) and
 * expat's parserCreate ("if (!parser) return parser;").
 * Expected: lines 32 and 34 "'nobj' leaks when 'parse_key' fails here". */
#include <stdlib.h>
#include <string.h>
struct obj { char *trash_key; const char *key; int keylen; int ref; };
struct parser { struct obj *cur; };
static inline struct obj *obj_new(void) {
  struct obj *new = malloc(sizeof(struct obj));
  if (new != NULL) {
    memset(new, 0, sizeof(struct obj));
    new->ref = 1;
  }
  return new;
}

int copy_key(const char *src, int len, char **dst, const char **key);

_Bool parse_key(struct parser *parser, const char *c, int len) {
  const char *key;
  struct obj *nobj = obj_new();
  int keylen = copy_key(c, len, &nobj->trash_key, &key);
  if (keylen == -1)
    return 0;
  else if (keylen == 0)
    return 0;
  nobj->key = key;
  nobj->keylen = keylen;
  parser->cur = nobj;
  return 1;
}
