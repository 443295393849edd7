//===--- StatusFacts.h - what a body's tests and returns say ----*- C++ -*-===//
//
// Two facts the summaries read from a function's own statements, beside
// the dataflow: a return that refuses the object a destroy function was
// given, and a status function that never returns a positive value.  Both
// come from OpenSC's shapes (`if (file == NULL || !sc_file_valid(file))
// return;` in sc_file_free; LOG_TEST_RET and LOG_FUNC_RETURN(ctx, 0) around
// every status), and both let a caller's path end where the code says it
// does.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_STATUSFACTS_H
#define ALLOC_TIDY_CORE_STATUSFACTS_H

#include <cstdint>
#include <optional>

namespace clang {
class ASTContext;
class CompoundStmt;
class Expr;
class FunctionDecl;
class ReturnStmt;
class ParmVarDecl;
class Stmt;
} // namespace clang

namespace clang::tidy::alloc {

class CalleeResolver;

/// A return that leaves a parameter's object alone because a test of the
/// object refused it (`if (file == NULL || !sc_file_valid(file)) return;`,
/// OpenSC sc_file_free): the branch holds only the return, and its test
/// reads the parameter, changes nothing (no assignment, no ++ or --) and
/// hands what it reads of the parameter only to const pointers.  A destroy
/// function refusing an invalid object frees every object it accepts; a
/// reference count dropped in the test (`if (--o->refs) return;`,
/// `if (!unref(o)) return;`) is no such test.
bool refusesParam(const Stmt *Exit, const ParmVarDecl *P, ASTContext &Ctx);

/// Whether \p FD, a function returning a signed integer, returns only 0 or
/// negative values: each return gives a constant <= 0, a variable it has
/// just tested negative (`if (_ret < 0) return _ret;`), a variable
/// initialised with such a constant and never changed (`int _ret = 0; ...
/// return _ret;`, OpenSC LOG_FUNC_RETURN(ctx, 0)), or the result of a
/// function known to return no positive value.
bool neverPositive(const FunctionDecl *FD, ASTContext &Ctx,
                   CalleeResolver &Resolver);

/// The integer value of \p E when it is a constant (NULL is 0).
std::optional<int64_t> constantOf(const Expr *E, ASTContext &Ctx);

/// The integer value the return statement \p S returns, when it is a
/// constant (NULL is 0).
std::optional<int64_t> returnedConstant(const Stmt *S, ASTContext &Ctx);

/// The constant \p FD returns right after a test finds one of its fresh
/// allocations NULL (`p = malloc(n); if (p == NULL) return 0;`), when every
/// such return gives the same one: a failure of the function, whatever its
/// other returns give (unbound inplace_cb_register_wrapped returns 0 there
/// and the status of a registration elsewhere).
std::optional<int64_t> allocationFailureValue(const FunctionDecl *FD,
                                              ASTContext &Ctx,
                                              CalleeResolver &Resolver);

/// The return that ends the function's normal path: the last statement,
/// unless the body ends in an error epilogue that only jumps reach
/// (`return 0; fail: free(p); return -1;`), where it is the return just
/// before the epilogue's first label.
const ReturnStmt *successReturn(const CompoundStmt *Body);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_STATUSFACTS_H
