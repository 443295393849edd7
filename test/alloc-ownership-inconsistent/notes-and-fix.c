// RUN: %check_alloc_tidy %s alloc-ownership-inconsistent %t -- --fix-notes

// The notes list the family's other members; a note's fix-it declares the
// contract above the definition (applied with --fix-notes).
#include <stdlib.h>
#include <string.h>

struct req { char *a; char *b; char *c; };

void req_set_a(struct req *r, const char *a) { r->a = strdup(a); } // alloc: stored -- r owns it
// CHECK-NOTES: :[[@LINE-1]]:53: warning: 'r->a' may still own memory: 'req_set_a' is a setter, and a second call overwrites the block the first one stored{{.*}} [alloc-ownership-inconsistent]
// CHECK-NOTES: :[[@LINE+13]]:6: note: 'req_free' frees 'a' with the object
void req_set_b(struct req *r, const char *b) { r->b = strdup(b); } // alloc: stored -- r owns it
// CHECK-NOTES: :[[@LINE-1]]:53: warning: 'r->b' may still own memory: 'req_set_b' is a setter{{.*}} [alloc-ownership-inconsistent]
// CHECK-NOTES: :[[@LINE+10]]:6: note: 'req_free' frees 'b' with the object
void req_set_c(struct req *r, char *c) { r->c = c; }
// CHECK-NOTES: :[[@LINE-1]]:37: warning: 'req_set_c' takes ownership of 'c' (stored into 'r->c'), but the other functions of the 'req_set_' family leave it with the caller (they copy or borrow it){{.*}} [alloc-ownership-inconsistent]
// CHECK-NOTES: :[[@LINE-8]]:43: note: 'req_set_a' copies 'a'
// CHECK-NOTES: :[[@LINE-6]]:43: note: 'req_set_b' copies 'b'
// CHECK-NOTES: :[[@LINE-4]]:1: note: declare the contract to keep it
// CHECK-FIXES: /* alloc: takes(c) */
// CHECK-FIXES-NEXT: void req_set_c(struct req *r, char *c) { r->c = c; }

// What makes 'r->c' an owning field: the request's destroy function frees it.
void req_free(struct req *r) {
  free(r->a);
  free(r->b);
  free(r->c);
  free(r);
}
