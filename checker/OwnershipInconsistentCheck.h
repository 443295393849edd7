//===--- OwnershipInconsistentCheck.h - alloc-ownership-inconsistent -*- C++
//-*-===//

#ifndef ALLOC_TIDY_OWNERSHIPINCONSISTENTCHECK_H
#define ALLOC_TIDY_OWNERSHIPINCONSISTENTCHECK_H

#include "core/AllocCheckBase.h"
#include "core/Contracts.h"
#include "core/DestroyDuty.h"
#include "core/FieldLedger.h"
#include "core/FieldOverwrites.h"
#include "core/Justification.h"
#include <optional>
#include <vector>

namespace clang::tidy::alloc {

/// Flags functions of an API family (same name prefix, same first
/// parameter type) whose ownership convention for their pointer arguments
/// differs from the family's majority, stores into a field that another
/// function releases before it stores, and destroy functions that keep
/// their object.
class OwnershipInconsistentCheck : public AllocCheckBase {
public:
  OwnershipInconsistentCheck(StringRef Name, ClangTidyContext *Context)
      : AllocCheckBase(Name, Context) {}
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkDefinition(
      const FunctionDecl *Def,
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  void checkDeclared(const FunctionDecl *FD, ASTContext &Ctx);
  /// Stores of new allocations over a field the project releases before
  /// it stores into it elsewhere.
  void checkOverwrites(const FunctionDecl *FD, ASTContext &Ctx);
  FieldOverwrites Overwrites;
  /// Destroy functions that free their object's fields but not the object
  /// a caller drops after them.
  void checkDestroy(const FunctionDecl *FD, ASTContext &Ctx);
  std::optional<std::vector<KeptObject>> Kept;
  /// Plain frees of objects whose struct has a destroy function.
  void checkPlainFrees(const FunctionDecl *FD, ASTContext &Ctx);
  /// The unit's destroy functions, found once for both scans above.
  const DestroyFunctions &destroyFunctionsOf(ASTContext &Ctx);
  std::optional<DestroyFunctions> Destroys;
  /// Destroy functions that leave out a field the project allocates and
  /// never frees.
  void checkForgottenFields(const FunctionDecl *FD, ASTContext &Ctx);
  /// The destroy function of the unit for the struct \p RD, unless it is
  /// \p FD itself; or null.
  const FunctionDecl *otherTeardown(const RecordDecl *RD,
                                    const FunctionDecl *FD) const;
  /// A field pointing to a struct that the project's users release through
  /// its exported destroy function.
  bool leftToUsers(const FieldDecl *F, const FunctionDecl *FD, ASTContext &Ctx);
  FieldLedger Ledger;
  /// The function of the unit that releases the most fields of each
  /// struct (its destroy function here), once per unit.
  std::optional<llvm::DenseMap<const RecordDecl *, const FunctionDecl *>>
      Teardowns;
  /// True when \p FD, the destroy function of \p F's struct, leaves out
  /// the member \p F, a struct held by value whose own destroy function
  /// the unit defines and which the project fills (the unit, for a struct
  /// of the file, \p Private): reported then.
  bool nestedTeardown(const FunctionDecl *FD, const FieldDecl *F,
                      const llvm::DenseSet<const FieldDecl *> &Named,
                      bool Private);
  std::shared_ptr<const JustificationIndex> Index;
  const SourceManager *SM = nullptr;
  std::vector<FunctionContract> Members;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_OWNERSHIPINCONSISTENTCHECK_H
