// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: 'libc;%S/Inputs/zones.yaml'}]}"

// A constructor that keeps its argument in the object it returns (unbound
// local_zone_create keeps the zone's name in the zone): the argument lives
// as long as that object, so reading it after the call is no use after a
// hand-over.  A setter's keeping it elsewhere still is.
#include <stdlib.h>
#include <string.h>

struct zone {
  char *name;
  struct zone *parent;
};
struct zones {
  struct zone *head;
};
struct zone *zone_find(struct zones *zs, const char *name) {
  struct zone *z = zs->head;
  while (z && strcmp(z->name, name) != 0)
    z = z->parent;
  return z;
}
void zone_free(struct zone *z) {
  free(z->name);
  free(z);
}

struct zone *zone_create(char *name) {
  struct zone *z = calloc(1, sizeof *z); // alloc: returned -- a new zone
  if (!z)
    return NULL;
  z->name = name;
  return z;
}

// Near miss: the name is read after zone_create adopted it into z.
struct zone *zone_add(struct zones *zs, char *name) {
  struct zone *z = zone_create(name);
  if (!z) {
    free(name);
    return NULL;
  }
  z->parent = zone_find(zs, name);
  z->parent = z->parent ? z->parent : zs->head;
  zs->head = z;
  return z;
}

// A setter that keeps it for an object the caller does not hold: the
// caller's later write is to memory it no longer owns.
void zones_set_default(struct zones *zs, char *name);
void set_default(struct zones *zs, const char *s) {
  char *name = strdup(s); // alloc: stored -- the default zone's name
  if (!name)
    return;
  zones_set_default(zs, name);
  name[0] = '.';
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'name' is used after 'zones_set_default' took ownership of it at line {{[0-9]+}} ({{.*}}zones.yaml{{.*}}: takes its argument); copy it before the call if it is still needed [alloc-ownership-transfer]{{$}}
}
