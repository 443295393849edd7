// RUN: %check_alloc_tidy %s alloc-unchecked-result %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/db-rules.yaml'}]}"
// RUN: %check_alloc_tidy -check-suffix=UNWIND %s alloc-group-unwind %t -- \
// RUN:   --config="{CheckOptions: [{key: RulesFiles, value: '%S/Inputs/db-rules.yaml'}]}"

// A family whose allocators record failure in a flag (failure-flag in the
// rules: SQLite's db->mallocFailed).  Testing the flag checks every
// allocation of the family made before it.
struct db { int mallocFailed; };
struct node { int v; char *name; };
struct box { struct node *n; };
void *db_malloc(struct db *db, unsigned long n);
void db_free(struct db *db, void *p);

void flag_checked(struct db *db) {
  struct node *n = db_malloc(db, sizeof *n); /* alloc: scoped -- freed below */
  if (db->mallocFailed)
    return;
  n->v = 1;
  db_free(db, n);
}

// A pointer stored in a struct's field and tested there is no flag.
void field_tested(struct db *db, struct box *out) {
  struct box b;
  b.n = db_malloc(db, sizeof *b.n); /* alloc: stored -- moved to out */
  if (b.n)
    b.n->v = 1;
  *out = b;
}

void not_checked(struct db *db) {
  struct node *n = db_malloc(db, sizeof *n); /* alloc: scoped -- freed below */
  n->v = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'n' from 'db_malloc' at line 33 is dereferenced without a NULL check; {{.*}} [alloc-unchecked-result]{{$}}
  db_free(db, n);
}

// The family's allocators fail once the flag is set (SQLite's do), so a set
// flag after two allocations means both are NULL: nothing leaks there.  An
// allocation checked before the flag test still leaks.
int pair(struct db *db, struct node *out) {
  char *a = db_malloc(db, 8); /* alloc: stored -- out->name */
  char *b = db_malloc(db, 8); /* alloc: scoped -- freed below */
  if (db->mallocFailed)
    return -1;
  out->name = a;
  db_free(db, b);
  return 0;
}

int checked_then_flag(struct db *db, struct node *out) {
  char *a = db_malloc(db, 8); /* alloc: stored -- out->name */
  if (!a)
    return -1;
  char *b = db_malloc(db, 8); /* alloc: scoped -- freed below */
  if (db->mallocFailed)
    return -1;
  // CHECK-MESSAGES-UNWIND: :[[@LINE-1]]:5: warning: 'a' leaks when allocation of 'b' fails; {{.*}} [alloc-group-unwind]{{$}}
  out->name = a;
  db_free(db, b);
  return 0;
}
