// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Two gotos into one error label, one after the block was released and one
// before: the release on the other rung decides nothing about this one
// (hiredis _redisContextConnectTcp, fixed in 2f09a2e: a setsockopt failure
// jumped to 'error' past freeaddrinfo(bservinfo)).
#include <stdlib.h>

struct conn { int flags; int fd; };
int set_option(struct conn *c);
int do_connect(struct conn *c);
struct addrinfo { int ai_flags; struct addrinfo *ai_next; };
int getaddrinfo(const char *node, const char *service,
                const struct addrinfo *hints, struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);

int connect_tcp(struct conn *c, const char *source) {
  int rv;
  struct addrinfo *bound = NULL;
  if (getaddrinfo(source, NULL, NULL, &bound) != 0)
    goto error;
  if (set_option(c) < 0)
    goto error;
  freeaddrinfo(bound);
  if (do_connect(c) != 0)
    goto error;
  rv = 0;
  goto end;
error:
  rv = -1;
end:
  return rv;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'bound' leaks when 'connect_tcp' fails here; free it before returning [alloc-group-unwind]{{$}}
}

// Near miss: every rung that still owns it releases it first.
int connect_fixed(struct conn *c, const char *source) {
  int rv;
  struct addrinfo *bound = NULL;
  if (getaddrinfo(source, NULL, NULL, &bound) != 0)
    goto error;
  if (set_option(c) < 0) {
    freeaddrinfo(bound);
    goto error;
  }
  freeaddrinfo(bound);
  if (do_connect(c) != 0)
    goto error;
  rv = 0;
  goto end;
error:
  rv = -1;
end:
  return rv;
}

// Near miss: released under a computed condition on the path itself (`if
// (n) free(p);`), then one goto: that condition decided it, not a rung.
unsigned long strlen(const char *s);
int release_if(struct conn *c, const char *s) {
  char *p = malloc(16); /* alloc: scoped */
  if (!p)
    return -1;
  unsigned long n = strlen(s);
  if (n)
    free(p);
  if (do_connect(c) != 0)
    goto error;
  if (!n)
    free(p);
  return 0;
error:
  return -1;
}

// Near miss: the label itself releases under the status (`err: if (r < 0)
// free_info(info);`, OpenSC sc_pkcs15_decode_pukdf_entry): a release after
// the label is that label's cleanup, whatever the analysis knows of r.
struct info { char *data; };
struct object { struct info *data; };
int parse_attrs(int n);
int decode_value(struct object *obj);
static void free_info(struct info *info) {
  if (info) {
    free(info->data);
    free(info);
  }
}
int decode_entry(struct object *obj, int n) {
  int r;
  struct info *info = calloc(1, sizeof *info); /* alloc: stored -- obj->data */
  if (info == NULL)
    return -12;
  r = parse_attrs(n);
  if (r < 0)
    goto err;
  info->data = malloc(8); /* alloc: stored -- info->data */
  if (info->data == NULL) {
    r = -12;
    goto err;
  }
  obj->data = info;
  info = NULL;
  r = decode_value(obj);
  if (r < 0) {
    info = obj->data;
    obj->data = NULL;
  }
  if (r < 0)
    goto err;
err:
  if (r < 0)
    free_info(info);
  return r;
}
