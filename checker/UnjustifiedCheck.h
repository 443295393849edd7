//===--- UnjustifiedCheck.h - alloc-unjustified -----------------*- C++ -*-===//

#ifndef ALLOC_TIDY_UNJUSTIFIEDCHECK_H
#define ALLOC_TIDY_UNJUSTIFIEDCHECK_H

#include "core/AllocCheckBase.h"
#include "core/Justification.h"
#include <optional>

namespace clang::tidy::alloc {

/// Flags every heap allocation site that carries no written justification
/// of its lifetime and reason, and every malformed justification.
class UnjustifiedCheck : public AllocCheckBase {
public:
  UnjustifiedCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Calls of functions that allocate through an allocator (known from
  /// their bodies) are sites too.
  const bool InferredAllocators;
  std::shared_ptr<const JustificationIndex> Index;
  const SourceManager *SM = nullptr;
  ASTContext *Ctx = nullptr; ///< of the unit being matched
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_UNJUSTIFIEDCHECK_H
