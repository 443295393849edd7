//===--- UnjustifiedCheck.h - alloc-unjustified -----------------*- C++ -*-===//

#ifndef ALLOC_TIDY_UNJUSTIFIEDCHECK_H
#define ALLOC_TIDY_UNJUSTIFIEDCHECK_H

#include "core/AllocCheckBase.h"
#include "core/Justification.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace clang::tidy::alloc {

/// Flags every heap allocation site that carries no written justification
/// of its lifetime and reason, and every malformed justification.
class UnjustifiedCheck : public AllocCheckBase {
public:
  UnjustifiedCheck(StringRef Name, ClangTidyContext *Context)
      : AllocCheckBase(Name, Context) {}
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Whether the site at \p Loc is justified; marks the justification used.
  bool justified(SourceLocation Loc);

  JustificationIndex Index;
  const SourceManager *SM = nullptr;
  /// Direct callees: references that are calls, not address-taking.
  llvm::DenseSet<const Expr *> CalleeRefs;
  std::vector<const DeclRefExpr *> AllocatorRefs;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_UNJUSTIFIEDCHECK_H
