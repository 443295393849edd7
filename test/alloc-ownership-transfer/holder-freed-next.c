// RUN: %check_alloc_tidy %s alloc-ownership-transfer %t

// A node held by a list head inside another object, freed just before that
// object is freed with a plain free (which does not walk the list): the
// free is the node's only one (IoTivity BuildActionSetFromString's error
// label: 'OCFREE(capa) OCFREE(action)' after 'AddCapability(&action->head,
// capa)').
#include <stdlib.h>

#define FREE_AND_CLEAR(p) { free(p); p = NULL; }

typedef struct cap { struct cap *next; } cap_t;
typedef struct action { cap_t *head; struct action *next; } action_t;
typedef struct set { action_t *head; } set_t;

void add_cap(cap_t **head, cap_t *node) {
  if (!*head) {
    *head = node;
    return;
  }
  cap_t *p = *head;
  while (p->next)
    p = p->next;
  p->next = node;
}

void add_action(action_t **head, action_t *node) {
  if (!*head) {
    *head = node;
    return;
  }
  action_t *p = *head;
  while (p->next)
    p = p->next;
  p->next = node;
}

int more(void);

int build(set_t **set) {
  action_t *action = NULL;
  cap_t *cap = NULL;
  *set = calloc(1, sizeof **set);
  if (!*set)
    return -1;
  action = calloc(1, sizeof *action);
  if (!action)
    goto exit;
  cap = calloc(1, sizeof *cap);
  if (!cap)
    goto exit;
  add_cap(&action->head, cap);
  if (more() < 0)
    goto exit;
  add_action(&(*set)->head, action);
  if (more() < 0)
    goto exit;
  return 0;
exit:
  FREE_AND_CLEAR(cap)
  FREE_AND_CLEAR(action)
  FREE_AND_CLEAR(*set)
  return -1;
}

// Near miss: the holder outlives the free; the list keeps a dangling node.
int build_dangling(set_t *set) {
  action_t *action = calloc(1, sizeof *action);
  if (!action)
    return -1;
  add_action(&set->head, action);
  if (more() < 0) {
    free(action);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'action' is freed after 'add_action' took ownership of it at line [[@LINE-3]] {{.*}} [alloc-ownership-transfer]
    return -1;
  }
  return 0;
}
