//===--- OwningFields.h - which struct fields own what they point to ------===//
//
// A pointer stored into a field outlives the call that stores it, but
// storing is not owning: intrusive lists, back-pointers and views store
// pointers that somebody else frees.  A field owns its pointee when some
// code the unit sees releases what it holds: a deallocator (rules,
// attributes, a summary of another unit) called on `x->field`, a function
// of this unit that frees the parameter it is handed `x->field` as, or a
// destroy function (another unit's summary) that frees that field by name.
// A field *may* own (maybeOwns) when it is handed to a function that could
// free it but whose contract is not known: another unit's function not
// summarised yet, or whose summary could not settle that argument (a
// reference count, a hook), or a destructor-shaped function pointer
// (`list->destruct(node->data)`).
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_OWNINGFIELDS_H
#define ALLOC_TIDY_CORE_OWNINGFIELDS_H

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringSet.h"
#include <set>
#include <string>

namespace clang {
class ASTContext;
class Decl;
class FieldDecl;
} // namespace clang

namespace clang::tidy::alloc {

class AllocationModel;
class CalleeResolver;

class OwningFields {
public:
  /// Scans the unit of \p Ctx once, with the declared rules of \p Resolver
  /// and the other units' summaries \p External (may be null).
  void compute(ASTContext &Ctx, CalleeResolver &Resolver,
               const AllocationModel *External);

  /// True when something the unit sees releases what \p F points to.
  bool owns(const FieldDecl *F) const;
  /// True when \p F is handed (`x->f`) to a function of another unit not
  /// summarised yet, which may release it: whether it owns is not known.
  bool maybeOwns(const FieldDecl *F) const;
  /// True when something the unit sees releases the elements of the array
  /// \p F points to (`free(x->f[i])`, or a local loaded from one).
  bool ownsElements(const FieldDecl *F) const;

private:
  bool Computed = false;
  llvm::DenseSet<const FieldDecl *> Fields;
  llvm::DenseSet<const FieldDecl *> Maybe;
  llvm::DenseSet<const FieldDecl *> Elements;
  /// Field names other units' destroy functions free (FreedFields), where
  /// the unit does not declare the destroy function (or the field is a
  /// member's): any field of that name.
  llvm::StringSet<> Names;
  /// The same, of the structure the destroy function's parameter points to
  /// as the unit declares it: `user` freed by `RM_FreeModuleUser(
  /// RedisModuleUser *)` is that structure's field, not every `user`.
  std::set<std::pair<const Decl *, std::string>> Qualified;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_OWNINGFIELDS_H
