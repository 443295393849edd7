/*
 * msg_handler.c - a small request handler of the kind alloc-tidy is for:
 * a long-running node that parses text requests ("SET key value",
 * "GET key"), keeps a fixed table of entries, and answers each request.
 *
 * Some allocations here carry a justification, some do not, and a few are
 * wrong in the ways the checks look for.  Run:
 *   clang-tidy-19 --load=build/lib/alloc-tidy-plugin.so \
 *     --checks='-*,alloc-*' examples/msg_handler.c --
 */
#define _GNU_SOURCE /* asprintf, strdup, getline */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/alloc_tidy.h"

#define MAX_ENTRIES 64
#define NEW(T) ((T *)calloc(1, sizeof(T)))

struct entry {
  char *key;   /* alloc: stored -- owned by the table until replaced */
  char *value; /* alloc: stored -- owned by the table until replaced */
};

struct request {
  char *verb;
  char *key;
  char *value;
};

static struct entry *table;
static char *reply_buf;

/* Called once at start-up. */
int node_init(void) {
  /* alloc: permanent -- the table is sized once at start-up and never freed */
  table = calloc(MAX_ENTRIES, sizeof *table);
  if (!table)
    return -1;
  reply_buf = ALLOC_JUSTIFIED(permanent, "one reply buffer for the node's lifetime",
                              malloc(512));
  if (!reply_buf)
    return -1;
  return 0;
}

static void request_free(struct request *r) {
  if (!r)
    return;
  free(r->verb);
  free(r->key);
  free(r->value);
  free(r);
}

/* Splits "VERB key [value]" into a request.  The caller frees it. */
static struct request *request_parse(const char *line) {
  struct request *r = NEW(struct request); // alloc: returned -- the caller owns the request
  if (!r)
    return NULL;
  char *copy = strdup(line);
  if (!copy) {
    free(r);
    return NULL;
  }
  char *save = NULL;
  char *verb = strtok_r(copy, " \n", &save);
  char *key = strtok_r(NULL, " \n", &save);
  char *value = strtok_r(NULL, "\n", &save);
  if (!verb || !key) {
    free(copy);
    free(r);
    return NULL;
  }
  r->verb = strdup(verb);
  r->key = strdup(key);
  if (!r->verb || !r->key) {
    request_free(r);
    free(copy);
    return NULL;
  }
  if (value) {
    r->value = malloc(strlen(value) + 1);
    if (!r->value) {
      request_free(r);
      return NULL; /* leaks 'copy' */
    }
    strcpy(r->value, value);
  }
  free(copy);
  return r;
}

static int table_set(const char *key, const char *value) {
  for (int i = 0; i < MAX_ENTRIES; i++) {
    struct entry *e = &table[i];
    if (e->key && strcmp(e->key, key) != 0)
      continue;
    char *k = strdup(key);   /* alloc: stored -- becomes the entry's key */
    char *v = strdup(value); /* alloc: stored -- becomes the entry's value */
    if (!k || !v)
      return -1; /* leaks whichever of k and v succeeded */
    free(e->key);
    free(e->value);
    e->key = k;
    e->value = v;
    return 0;
  }
  return -1;
}

/* Answers one request line; the reply goes to stdout. */
int handle_line(const char *line) {
  struct request *r = request_parse(line);
  if (!r)
    return -1;
  int rc = 0;
  if (strcmp(r->verb, "SET") == 0 && r->value) {
    rc = table_set(r->key, r->value);
  } else if (strcmp(r->verb, "GET") == 0) {
    char *msg;
    /* alloc: scoped -- formatted reply, freed below */
    if (asprintf(&msg, "%s=%s", r->key, "?") < 0) {
      request_free(r);
      return -1;
    }
    puts(msg);
    free(msg);
  } else {
    char *err = malloc(64);
    snprintf(err, 64, "bad verb %s", r->verb);
    puts(err);
    free(err);
    rc = -1;
  }
  request_free(r);
  return rc;
}

int main(void) {
  if (node_init() != 0)
    return 1;
  char *line = NULL;
  size_t cap = 0;
  while (getline(&line, &cap, stdin) > 0)
    handle_line(line);
  free(line);
  return 0;
}
