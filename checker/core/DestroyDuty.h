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

#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class RecordDecl;
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

/// The destroy function of each struct of the unit that has one: a function
/// declared in the unit that frees its argument, a pointer to the struct,
/// and what the argument's fields own (`frees: N` with `frees-fields: N`,
/// declared or inferred); of several, the one that frees the most fields.
using DestroyFunctions =
    llvm::DenseMap<const RecordDecl *, const FunctionDecl *>;
DestroyFunctions destroyFunctions(ASTContext &Ctx, CalleeResolver &Resolver);

/// A plain deallocator given an object that has a destroy function.
struct PlainFree {
  const CallExpr *Free = nullptr;
  const Expr *Object = nullptr;
  const FunctionDecl *Destroy = nullptr;
};

/// The plain frees in \p FD of objects it did not make or set (a field of
/// another object, a parameter, a global; no local, no field of a local
/// struct, no place \p FD assigns) whose struct has a destroy function in
/// \p Known,
/// where \p FD does not itself handle any field of that object: not the
/// destroy function, not a hand-written one (`free(o->name); free(o);`),
/// not a shell whose fields were moved out (`n->x = o->x; free(o);`).
std::vector<PlainFree> plainFreesOfDestroyed(const FunctionDecl *FD,
                                             const DestroyFunctions &Known,
                                             ASTContext &Ctx,
                                             CalleeResolver &Resolver);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_DESTROYDUTY_H
