//===--- DestroyDuty.h - destroy functions keeping their object -*- C++ -*-===//
//
// A destroy function releases what its object's fields own and, when the
// object is on the heap, the object too.  One that frees the fields but not
// the object (hiredis `redisFree` before 847a201) leaks every object it is
// meant to destroy, and no single call site shows it: each caller hands the
// object over and forgets it.  The callers say what the function is for:
// one that makes a new object, hands it to the function and then drops it
// (`c = calloc(...); ... redisFree(c); return NULL;`) uses it as the
// object's release.  A function some caller follows with a release of its
// own (`obj_clear(o); free(o);`) is a clear, not a destroy.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_DESTROYDUTY_H
#define ALLOC_TIDY_CORE_DESTROYDUTY_H

#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class FunctionDecl;
class ParmVarDecl;
class VarDecl;
} // namespace clang

namespace clang::tidy::alloc {

class CalleeResolver;

/// A destroy function that frees its object's fields but not the object,
/// though a caller drops a new object right after handing it over.
struct KeptObject {
  const FunctionDecl *Destroy = nullptr; ///< its definition in the unit
  const ParmVarDecl *Object = nullptr;
  const FunctionDecl *Caller = nullptr;
  const CallExpr *Drop = nullptr; ///< the call after which it is dropped
  const VarDecl *Local = nullptr; ///< the caller's variable
};

/// Every such destroy function defined in the unit of \p Ctx (once each, in
/// the order their first dropping call appears).
std::vector<KeptObject> destroysKeepingObject(ASTContext &Ctx,
                                              CalleeResolver &Resolver);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_DESTROYDUTY_H
