// RUN: %check_alloc_tidy %s alloc-lifetime-mismatch %t

// Each lifetime, once where the code keeps it (silent) and once where it
// does not (reported).
#include <stdlib.h>
#include <string.h>

struct conn { char *rx; };
struct request { char *scratch; char *note; };
struct cache { char *blob; };
void request_free(struct request *r);
void consume(const char *s);

// --- permanent ---------------------------------------------------------------
static char *table;
static char *lookup;

int node_init(void) {
  table = malloc(4096); /* alloc: permanent -- sized once at start-up */
  lookup = malloc(1024); /* alloc: permanent -- built once at start-up */
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'lookup' is justified as 'permanent' but 'lookup' is freed; keep it, or justify its real lifetime [alloc-lifetime-mismatch]{{$}}
  // CHECK-NOTES: :[[@LINE+5]]:3: note: freed here by 'free'
  return table && lookup ? 0 : -1;
}

void node_reset(void) {
  free(lookup);
}

void per_request(int n) {
  for (int i = 0; i < n; i++) {
    char *slot = malloc(64); /* alloc: permanent -- one slot per request */
    // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'slot' is justified as 'permanent' but is allocated in a loop; allocate it once at start-up [alloc-lifetime-mismatch]{{$}}
    consume(slot);
  }
}

// --- scoped ------------------------------------------------------------------
int scoped_ok(size_t n, int fail) {
  char *tmp = malloc(n); /* alloc: scoped -- freed on every path */
  if (!tmp)
    return -1;
  if (fail) {
    free(tmp);
    return -1;
  }
  free(tmp);
  return 0;
}

int scoped_leaks(size_t n, int fail) {
  char *tmp = malloc(n); /* alloc: scoped -- work buffer */
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'tmp' is justified as 'scoped' but is not freed on every path; free it before each return [alloc-lifetime-mismatch]{{$}}
  // CHECK-NOTES: :[[@LINE+4]]:5: note: returns here without freeing it
  if (!tmp)
    return -1;
  if (fail)
    return -1;
  free(tmp);
  return 0;
}

char *scoped_returned(size_t n) {
  char *tmp = malloc(n); /* alloc: scoped -- handed back */
  // CHECK-NOTES: :[[@LINE-1]]:15: warning: 'tmp' is justified as 'scoped' but is returned; justify it as 'returned' [alloc-lifetime-mismatch]{{$}}
  return tmp;
}

// --- returned ----------------------------------------------------------------
char *returned_ok(size_t n) {
  return malloc(n); /* alloc: returned -- the caller frees it */
}

int returned_out(char **out, size_t n) {
  char *p = malloc(n); /* alloc: returned -- through *out */
  if (!p)
    return -1;
  *out = p;
  return 0;
}

void returned_not(size_t n) {
  char *p = malloc(n); /* alloc: returned -- said so, but freed here */
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'p' is justified as 'returned' but is never returned; return it, or justify its real lifetime [alloc-lifetime-mismatch]{{$}}
  free(p);
}

// --- stored ------------------------------------------------------------------
int stored_ok(struct conn *c, size_t n) {
  c->rx = malloc(n); /* alloc: stored -- lives with the connection */
  return c->rx ? 0 : -1;
}

void stored_not(size_t n) {
  char *p = malloc(n); /* alloc: stored -- said so, but only used here */
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'p' is justified as 'stored' but is never stored; store it, or justify its real lifetime [alloc-lifetime-mismatch]{{$}}
  free(p);
}

// --- transaction -------------------------------------------------------------
int transaction_ok(struct request *r, size_t n) {
  r->scratch = malloc(n); /* alloc: transaction -- request_free() releases it */
  return r->scratch ? 0 : -1;
}

char *transaction_returned(size_t n) {
  return malloc(n); /* alloc: transaction -- the caller's request owns it */
}

int transaction_not(struct cache *c, size_t n) {
  c->blob = malloc(n); /* alloc: transaction -- nothing ends this one */
  // CHECK-NOTES: :[[@LINE-1]]:13: warning: 'c->blob' is justified as 'transaction' but no transaction-end function frees it; store it in the transaction's object [alloc-lifetime-mismatch]{{$}}
  // CHECK-NOTES: :[[@LINE-2]]:13: note: transaction-end functions match TransactionEnd '(_free|_destroy|_end|_done|_finish|_release)$'
  return c->blob ? 0 : -1;
}

// Unjustified and malformed sites are alloc-unjustified's to report.
void unjustified(size_t n) {
  char *p = malloc(n);
  free(p);
}
