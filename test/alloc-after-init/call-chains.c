// RUN: %check_alloc_tidy %s alloc-after-init %t -- \
// RUN:   --config="{CheckOptions: [{key: alloc-after-init.InitFunctions, value: '^(main|.*_init)$'}]}"
// RUN: %check_alloc_tidy -check-suffix=OFF %s alloc-after-init %t

// Allocation only during initialisation (JPL rule 3, MISRA C Dir 4.12).
// Functions reachable only from the init functions may allocate, however
// deep; anything reachable from elsewhere may not, permanent or not.
// Without InitFunctions the check is off (-OFF: no finding at all).
#include <stdlib.h>

static char *pool;
static char *slots;

// init -> prepare -> reserve -> carve: three static levels below init.
static char *carve(size_t n) { return malloc(n); /* alloc: permanent -- start-up */ }
static char *reserve(size_t n) { return carve(n); }
static void prepare(void) { slots = reserve(64); }

int node_init(void) {
  pool = malloc(4096); /* alloc: permanent -- sized at start-up */
  prepare();
  return pool ? 0 : -1;
}

// handle_request (external) -> parse (static) -> build (static) -> node
static char *node(size_t n) {
  return malloc(n); /* alloc: permanent -- justified, still after init */
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'malloc' allocates after initialisation; allocate during start-up, or from a pool set up there [alloc-after-init]{{$}}
  // CHECK-NOTES: :[[@LINE+5]]:5: note: reached through 'handle_request' -> 'parse' -> 'build' -> 'node', outside the init functions (InitFunctions: '^(main|.*_init)$')
}
static char *build(size_t n) { return node(n); }
static char *parse(const char *s) { return build(s ? 32 : 16); }

int handle_request(const char *s) {
  char *tree = parse(s);
  free(tree);
  return 0;
}

// A static function used as a callback: its callers are unknown.
static void *on_event(size_t n) {
  return calloc(1, n); /* alloc: transaction -- per event */
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'calloc' allocates after initialisation; {{.*}} [alloc-after-init]{{$}}
  // CHECK-NOTES: :[[@LINE-3]]:14: note: reached through 'on_event', outside the init functions {{.*}}
}
void register_handler(void *(*cb)(size_t));
void wire_init(void) { register_handler(on_event); }

// A static helper called both from init and from a request path.
static char *both(void) {
  return malloc(8); /* alloc: returned -- helper */
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'malloc' allocates after initialisation; {{.*}} [alloc-after-init]{{$}}
  // CHECK-NOTES: :[[@LINE+3]]:5: note: reached through 'late' -> 'both', outside the init functions {{.*}}
}
int early_init(void) { return both() != 0; }
int late(void) { return both() != 0; }

int main(void) {
  char *args = malloc(16); /* alloc: permanent -- main is an init function */
  free(args);
  return node_init() || early_init();
}
