//===--- Contracts.h - ownership contracts of the user's own API -*- C++
//-*-===//
//
// Infers, from a function's body, what it does with each pointer parameter:
// keeps it (stores it where it outlives the call, frees it, hands it to a
// function that takes it), copies it (duplicates it with an allocator), or
// borrows it.  Explicit declarations win over inference: the ownership_takes
// and ownership_holds attributes, and "alloc: takes(p); copies(q)" comments.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_CONTRACTS_H
#define ALLOC_TIDY_CORE_CONTRACTS_H

#include "AllocationSites.h"
#include "Justification.h"
#include "clang/Basic/SourceLocation.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FieldDecl;
class FunctionDecl;
class ParmVarDecl;
} // namespace clang

namespace clang::tidy::alloc {

struct ParamContract {
  const ParmVarDecl *Param = nullptr;
  unsigned Index = 0;
  ArgContract Contract = ArgContract::Borrows;
  bool Explicit = false;   ///< declared, not inferred
  bool Frees = false;      ///< passed to a deallocator
  bool OutParam = false;   ///< a 'T **' the body assigns through ('*p = ...')
  SourceLocation Evidence; ///< the statement that decided it
  std::string How; ///< "stored into 'm->method'", "duplicated by 'strdup'"
  /// The field a store put it into ("stored into 'm->method'"), if any.
  const FieldDecl *StoredField = nullptr;
  /// The store was into an element of that field (`loop->watchers[fd] =
  /// w`): the field owns it only if something frees its elements.
  bool StoredElement = false;
};

struct FunctionContract {
  const FunctionDecl *FD = nullptr;
  std::vector<ParamContract> Params; ///< pointer parameters only
  bool ReturnsOwned = false;         ///< returns memory the caller must free
};

/// The contract of the definition \p FD.  \p Index supplies contract
/// comments (may be null).  ReturnsOwned is filled by the caller that runs
/// the ownership dataflow (see OwnershipAnalysis).
FunctionContract inferContract(const FunctionDecl *FD, ASTContext &Ctx,
                               CalleeResolver &Resolver,
                               const JustificationIndex *Index);

/// The API family of \p FD: its name up to and including the last '_' and
/// the type of its first parameter, which must be a pointer ("msg_set_" on
/// "struct msg *").  Empty when \p FD is not part of one.
std::string familyKey(const FunctionDecl *FD);

/// The name prefix of a family key.
llvm::StringRef familyPrefix(llvm::StringRef Key);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_CONTRACTS_H
