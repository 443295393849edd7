// RUN: %check_alloc_tidy -check-suffixes=,DEF %s alloc-group-unwind %t
// RUN: %check_alloc_tidy -check-suffixes=,ALL %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: alloc-group-unwind.ReportAllExits, value: true}]}"

// By default, failing exits are reported (a return of a failure value, or a
// path on which an allocation failed), and an allocation the function keeps
// on every path, never freed, stored, returned or handed on (once, at the
// allocation); ReportAllExits also reports ordinary returns and the end of
// the function when they still own memory.
#include <stdlib.h>

int validate(const char *s);

int parse(const char *s) {
  char *copy = malloc(64);
  if (!copy)
    return -1;
  if (!validate(s))
    return -2;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'copy' leaks when 'parse' fails here; free it before returning [alloc-group-unwind]{{$}}
  free(copy);
  return 0;
}

void forgets(void) {
  char *p = malloc(4);
  // CHECK-MESSAGES-DEF: :[[@LINE-1]]:13: warning: 'p' is never freed, stored or returned: it leaks on every path through 'forgets'; free it once it is no longer used [alloc-group-unwind]{{$}}
  if (p)
    p[0] = 0;
}
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:1: warning: 'p' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}

// A success return (1 is not in the failure class of a function whose
// failures are negative) that keeps memory the function frees on its other
// path: reported by default, as an exit that skips the release.
int keeps(const char *s) {
  char *copy = malloc(64);
  if (!copy)
    return -1;
  if (validate(s))
    return 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'copy' leaks here, though the function releases it on its other paths; free it before this exit too [alloc-group-unwind]{{$}}
  free(copy);
  return 0;
}

// Not released anywhere: only ReportAllExits reports the success exit; by
// default the allocation is reported once.
int stores_nowhere(const char *s) {
  char *copy = malloc(64);
  // CHECK-MESSAGES-DEF: :[[@LINE-1]]:16: warning: 'copy' is never freed, stored or returned: it leaks on every path through 'stores_nowhere'; free it once it is no longer used [alloc-group-unwind]{{$}}
  if (!copy)
    return -1;
  if (validate(s))
    return 1;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:5: warning: 'copy' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}
  copy[0] = 0;
  return 0;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: 'copy' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}
}

// Read by a function that only reads it (a system header's), then dropped:
// reported by default. Handed to a function that may keep it: not.
#include <string.h>
void keep(char *p);

size_t measures(void) {
  char *p = strdup("x");
  // CHECK-MESSAGES-DEF: :[[@LINE-1]]:13: warning: 'p' is never freed, stored or returned: it leaks on every path through 'measures'; free it once it is no longer used [alloc-group-unwind]{{$}}
  return p ? strlen(p) : 0;
}
// CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'p' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}

void hands_on(void) {
  char *p = malloc(4);
  if (p)
    keep(p);
}

// Allocated through an out-parameter of the unit's own function and then
// dropped (NanoNNG set_log_level before 50eb8b9f2).
static void set_string_var(char **var, const char *v) {
  if (v)
    *var = strdup(v);
}
int level_of(const char *env) {
  char *level = NULL;
  set_string_var(&level, env);
  // CHECK-MESSAGES-DEF: :[[@LINE-1]]:3: warning: 'level' is never freed, stored or returned: it leaks on every path through 'level_of'; free it once it is no longer used [alloc-group-unwind]{{$}}
  return level && strcmp(level, "debug") == 0;
}
// CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'level' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}

// Near miss: an interior pointer of the block is returned, and a variable
// of an inner block has the same name (hiredis sdsnewlen's SDS_HDR_VAR).
struct hdr {
  int len;
};
char *new_string(int n) {
  struct hdr *sh = malloc(sizeof(struct hdr) + n + 1);
  if (sh == NULL)
    return NULL;
  char *s = (char *)sh + sizeof(struct hdr);
  {
    struct hdr *sh = (void *)(s - sizeof(struct hdr));
    sh->len = n;
  }
  return s;
  // (ReportAllExits does not follow the interior pointer.)
  // CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'sh' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}
}

// Near miss: the address of an element is stored elsewhere (nginx
// ngx_resolver_srv_names_handler: `addrs[i].sockaddr = &sockaddr[i].sa`).
struct sa {
  int family;
};
struct sa_storage {
  struct sa sa;
  char pad[16];
};
struct addr {
  struct sa *sa;
};
void fill_addrs(struct addr *addrs, int n) {
  struct sa_storage *sockaddr = malloc(n * sizeof(struct sa_storage));
  if (!sockaddr)
    return;
  for (int i = 0; i < n; i++) {
    sockaddr[i].sa.family = 0;
    addrs[i].sa = &sockaddr[i].sa;
  }
}
// CHECK-MESSAGES-ALL: :[[@LINE-1]]:1: warning: 'sockaddr' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}

// Near miss: handed to a function of the file that links it into a queue
// (ioto pubAck: `msg = packPub(..); queueMsg(mq, msg, NULL);`).
struct node {
  struct node *next, *prev;
};
struct queue {
  struct node head;
};
static void enqueue(struct queue *q, struct node *n) {
  n->next = &q->head;
  n->prev = q->head.prev;
  q->head.prev->next = n;
  q->head.prev = n;
}
int post(struct queue *q) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return -1;
  enqueue(q, n);
  return 0;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: 'n' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}
}

// Handed to a function of the file whose parameter is not `const` but which
// only reads it (its summary borrows and links nothing): reported, like a
// `const` one (unbound do_auth_zone_transfer's `nm`, given to
// auth_zones_startprobesequence).
static int weight(struct node *n) { return n->next != NULL; }
int weigh(void) {
  struct node *n = calloc(1, sizeof *n);
  // CHECK-MESSAGES-DEF: :[[@LINE-1]]:20: warning: 'n' is never freed, stored or returned: it leaks on every path through 'weigh'; free it once it is no longer used [alloc-group-unwind]{{$}}
  if (!n)
    return -1;
  return weight(n);
}
// CHECK-MESSAGES-ALL: :[[@LINE-2]]:3: warning: 'n' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}

// Near miss: linked by a function that forwards it to the linking one
// (its summary links it too).
static void push(struct queue *q, struct node *n, int front) {
  if (front)
    q->head.next = n;
  else
    enqueue(q, n);
}
int post_front(struct queue *q) {
  struct node *n = malloc(sizeof *n);
  if (!n)
    return -1;
  push(q, n, 1);
  return 0;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: 'n' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}
}

// Near miss: the assignment's value is stored through an out-parameter too
// (SQLite minMaxQuery: `*ppMinMax = pOrderBy = sqlite3ExprListDup(..)`).
int dup_list(char **out, const char *s) {
  char *copy;
  *out = copy = strdup(s);
  if (copy)
    copy[0] = 'x';
  return copy != NULL;
}

// Never freed, with a failing return before the end (NanoNNG
// scram_handle_server_final_msg's verifier): by default it leaks on every
// path, reported once at the allocation rather than at the failing return.
int verify(const char *msg, const char *expect) {
  char *v = strdup(msg);
  // CHECK-MESSAGES-DEF: :[[@LINE-1]]:13: warning: 'v' is never freed, stored or returned: it leaks on every path through 'verify'; free it once it is no longer used [alloc-group-unwind]{{$}}
  if (!expect)
    return -1;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:5: warning: 'v' leaks when 'verify' fails here; free it before returning [alloc-group-unwind]{{$}}
  return v && strcmp(v, expect) == 0 ? 0 : -2;
  // CHECK-MESSAGES-ALL: :[[@LINE-1]]:3: warning: 'v' is still owned when the function returns here; {{.*}} [alloc-group-unwind]{{$}}
}
