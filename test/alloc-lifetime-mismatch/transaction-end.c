// RUN: %check_alloc_tidy %s alloc-lifetime-mismatch %t -- \
// RUN:   --config="{CheckOptions: [{key: alloc-lifetime-mismatch.TransactionEnd, value: '^txn_commit$'}]}"

// TransactionEnd names the functions that end a unit of work.
#include <stdlib.h>

struct txn { char *log; };
struct other { char *log; };
void txn_commit(struct txn *t);
void other_free(struct other *o);

int begin(struct txn *t) {
  t->log = malloc(128); /* alloc: transaction -- released by txn_commit */
  return t->log ? 0 : -1;
}

int other(struct other *o) {
  o->log = malloc(128); /* alloc: transaction -- other_free is not an end here */
  // CHECK-NOTES: :[[@LINE-1]]:12: warning: 'o->log' is justified as 'transaction' but no transaction-end function frees it; {{.*}} [alloc-lifetime-mismatch]{{$}}
  // CHECK-NOTES: :[[@LINE-2]]:12: note: transaction-end functions match TransactionEnd '^txn_commit$'
  return o->log ? 0 : -1;
}
