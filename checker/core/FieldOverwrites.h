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
// A setter (`xmpp_conn_set_cafile`) is called again by design: a field the
// struct's destroy function frees with the object is evidence enough there.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_FIELDOVERWRITES_H
#define ALLOC_TIDY_CORE_FIELDOVERWRITES_H

#include "DestroyDuty.h"
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
class OwningFields;

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
  /// Without such evidence: the function is a setter (`*_set_*`), called
  /// again with the same object, and the field owns what it holds: this
  /// destroy function frees it with the object, or (null) other code of
  /// the unit frees it (libstrophe xmpp_conn_set_cafile before 977ef75,
  /// whose _conn_reset frees conn->tls_cafile).
  const FunctionDecl *Destroy = nullptr;
  bool SetterOverwrite = false;
};

class FieldOverwrites {
public:
  /// Reads the unit's code once for the fields its functions release
  /// before they store a new value (deallocators known to \p Resolver),
  /// and the fields the unit's \p Destroys free with their object.
  void compute(ASTContext &Ctx, CalleeResolver &Resolver,
               const DestroyFunctions &Destroys);

  /// The blind overwrites in the body of \p FD, in source order.  With
  /// \p Owning, a setter's store into a field that owns what it holds (some
  /// code of the unit frees it) counts too.
  std::vector<BlindOverwrite> in(const FunctionDecl *FD, ASTContext &Ctx,
                                 CalleeResolver &Resolver,
                                 const OwningFields *Owning = nullptr) const;

private:
  bool Computed = false;
  llvm::DenseMap<const FieldDecl *, ReleaseBeforeStore> Evidence;
  /// The destroy function that frees each field with its object.
  llvm::DenseMap<const FieldDecl *, const FunctionDecl *> FreedWithObject;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_FIELDOVERWRITES_H
