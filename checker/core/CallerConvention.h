//===--- CallerConvention.h - what callers do after a call fails -*- C++
//-*-===//
//
// A function that stores a pointer argument where it succeeds and returns a
// failure elsewhere leaves the argument to someone on the failing paths: to
// itself (free it before returning) or to its callers (free it when the call
// fails).  Its body cannot say which; its callers can.  When the callers in
// the unit hand the argument over for good (unbound: `if
// (!cfg_strlist_append(list, strdup(s))) return 0;`, or a variable not freed
// on the branch their test of the result sends a failure to), the function
// owns it on every path, failing ones included.  A caller that frees the
// argument on that branch says the opposite, and then nothing is concluded.
//
// Also here: the direct calls of each function of the unit, and the
// functions whose address the unit takes (callbacks, whose callers are not
// in sight), listed once per unit from unitStmts().
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_CALLERCONVENTION_H
#define ALLOC_TIDY_CORE_CALLERCONVENTION_H

#include "llvm/ADT/ArrayRef.h"
#include <cstdint>
#include <set>

namespace clang {
class ASTContext;
class CallExpr;
class FunctionDecl;
} // namespace clang

namespace clang::tidy::alloc {

class CalleeResolver;

/// A direct call of a function of the unit, and the function it is in.
struct CallSite {
  const CallExpr *Call = nullptr;
  const FunctionDecl *Caller = nullptr;
};

/// The direct calls of \p FD in the unit of \p Ctx (listed once per unit).
llvm::ArrayRef<CallSite> callsOf(const FunctionDecl *FD, ASTContext &Ctx);

/// True if the unit refers to \p FD other than as the callee of a direct
/// call (a callback, a table of handlers): callers out of sight.
bool addressTaken(const FunctionDecl *FD, ASTContext &Ctx);

/// The values a function returns where it fails and where it succeeds, as
/// its own returns show them.
struct ReturnClasses {
  std::set<int64_t> Fail, Ok;
  /// Some successful return gives a pointer that is not NULL.
  bool OkNonNull = false;
};

/// What the callers of a function do with one of its arguments.
struct HandOver {
  /// A call that hands the argument over for good: no name is left for it
  /// (`f(strdup(s))`), or the caller's branch for a failed call neither
  /// frees nor otherwise uses the variable it passed.  Null when none does,
  /// or when another caller frees the argument where the call failed.
  const CallExpr *ForGood = nullptr;
  const FunctionDecl *Caller = nullptr;
};

/// How the callers in the unit treat argument \p Index of \p FD where the
/// call fails, \p Classes telling a failure from a success.
HandOver callersHandOver(const FunctionDecl *FD, unsigned Index,
                         const ReturnClasses &Classes, ASTContext &Ctx,
                         CalleeResolver &Resolver);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_CALLERCONVENTION_H
