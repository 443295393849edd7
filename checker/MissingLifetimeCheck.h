//===--- MissingLifetimeCheck.h - alloc-missing-lifetime --------*- C++ -*-===//

#ifndef ALLOC_TIDY_MISSINGLIFETIMECHECK_H
#define ALLOC_TIDY_MISSINGLIFETIMECHECK_H

#include "core/AllocCheckBase.h"
#include "core/Justification.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace clang::tidy::alloc {

/// Flags API-level lifetimes left unsaid: functions that return owned heap
/// memory without an allocator attribute, and struct fields that receive
/// owned allocations without an "alloc:" comment on their declaration.
class MissingLifetimeCheck : public AllocCheckBase {
public:
  MissingLifetimeCheck(StringRef Name, ClangTidyContext *Context)
      : AllocCheckBase(Name, Context) {}
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkDefinition(
      const FunctionDecl *Def,
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  std::shared_ptr<const JustificationIndex> Index;
  const SourceManager *SM = nullptr;
  /// Fields that receive owned memory, with the first allocation seen.
  llvm::DenseMap<const FieldDecl *, std::pair<SourceLocation, std::string>>
      Fields;
  std::vector<const FieldDecl *> FieldOrder;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_MISSINGLIFETIMECHECK_H
