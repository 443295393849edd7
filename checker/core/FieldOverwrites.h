//===--- FieldOverwrites.h - stores over fields owning memory -*- C++ -*-=====//
//
// A setter that stores a new allocation into a field of an object it is
// handed (`req->line = strdup(s)`) leaks what the field held when the object
// is used twice: a kept-alive connection, a second status line, an item
// moved between containers.  Whether the field can hold memory there is not
// visible in the function, but the project says so when it releases the old
// value before storing a new one somewhere else (`if (req->line)
// free(req->line); req->line = strdup(s);`): the field is one that is set
// more than once.  A store of a new allocation into that field of a
// parameter's object, on a path where nothing reads, frees or resets the
// field first, is then an overwrite the rest of the project guards against.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_FIELDOVERWRITES_H
#define ALLOC_TIDY_CORE_FIELDOVERWRITES_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace clang {
class ASTContext;
class BinaryOperator;
class CallExpr;
class FieldDecl;
class FunctionDecl;
class MemberExpr;
class ParmVarDecl;
} // namespace clang

namespace clang::tidy::alloc {

class CalleeResolver;

/// Where a function releases what a field holds and then stores a new value
/// into it: the evidence that the field may own memory when it is stored.
struct ReleaseBeforeStore {
  const FunctionDecl *In = nullptr;
  SourceLocation Release; ///< the deallocator's call
};

/// A store of a new allocation over a field that may still own memory.
struct BlindOverwrite {
  const BinaryOperator *Store = nullptr;
  const MemberExpr *Target = nullptr;  ///< the field stored into
  const ParmVarDecl *Object = nullptr; ///< the parameter it is reached from
  const CallExpr *Alloc = nullptr;     ///< the allocation stored
  const ReleaseBeforeStore *Evidence = nullptr;
};

class FieldOverwrites {
public:
  /// Reads the unit's code once for the fields its functions release
  /// before they store a new value (deallocators known to \p Resolver).
  void compute(ASTContext &Ctx, CalleeResolver &Resolver);

  /// The blind overwrites in the body of \p FD, in source order.
  std::vector<BlindOverwrite> in(const FunctionDecl *FD, ASTContext &Ctx,
                                 CalleeResolver &Resolver) const;

private:
  bool Computed = false;
  llvm::DenseMap<const FieldDecl *, ReleaseBeforeStore> Evidence;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_FIELDOVERWRITES_H
