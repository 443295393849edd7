// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Fields one member down (`pub->cmd.details.name`) are places of their own:
// storing into `pub->cmd.details.payload` does not overwrite what
// `pub->cmd.details.name` holds (paho.mqtt.c MQTTAsync_send).
#include <stdlib.h>
#include <string.h>

struct details { char *name; void *payload; int len; };
struct command { int type; struct details details; };
struct queued { struct command cmd; int token; };
int add_command(struct queued *q) __attribute__((ownership_takes(malloc, 1)));

int send_leaky(const char *name, int len) {
  struct queued *pub = malloc(sizeof *pub); /* alloc: stored -- queued command */
  if (pub == NULL)
    return -1;
  memset(pub, 0, sizeof *pub);
  if ((pub->cmd.details.name = strdup(name)) == NULL) { /* alloc: stored -- queued command */
    free(pub);
    return -1;
  }
  if ((pub->cmd.details.payload = malloc(len)) == NULL) { /* alloc: stored -- queued command */
    free(pub);
    return -1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pub->cmd.details.name' leaks when allocation of 'pub->cmd.details.payload' fails; {{.*}} [alloc-group-unwind]{{$}}
  }
  return add_command(pub);
}

// Near miss: both freed before the failing return.
int send_fixed(const char *name, int len) {
  struct queued *pub = malloc(sizeof *pub); /* alloc: stored -- queued command */
  if (pub == NULL)
    return -1;
  memset(pub, 0, sizeof *pub);
  if ((pub->cmd.details.name = strdup(name)) == NULL) { /* alloc: stored -- queued command */
    free(pub);
    return -1;
  }
  if ((pub->cmd.details.payload = malloc(len)) == NULL) { /* alloc: stored -- queued command */
    free(pub->cmd.details.name);
    free(pub);
    return -1;
  }
  return add_command(pub);
}
