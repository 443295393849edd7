//===--- AfterInitCheck.h - alloc-after-init --------------------*- C++ -*-===//

#ifndef ALLOC_TIDY_AFTERINITCHECK_H
#define ALLOC_TIDY_AFTERINITCHECK_H

#include "core/AllocCheckBase.h"
#include "llvm/Support/Regex.h"
#include <vector>

namespace clang::tidy::alloc {

/// With InitFunctions set, flags every allocation in a function that is not
/// an init function and can be reached from outside the init functions
/// (JPL rule 3, MISRA C Directive 4.12).
class AfterInitCheck : public AllocCheckBase {
public:
  AfterInitCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  /// Regular expression naming the init functions; empty turns the check off.
  const std::string InitFunctions;
  llvm::Regex InitRe;
  ASTContext *Ctx = nullptr;
  std::vector<const FunctionDecl *> Definitions;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_AFTERINITCHECK_H
