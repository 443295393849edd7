//===--- AllocCheckBase.h - options and model every check shares *- C++ -*-===//

#ifndef ALLOC_TIDY_CORE_ALLOCCHECKBASE_H
#define ALLOC_TIDY_CORE_ALLOCCHECKBASE_H

#include "AllocationModel.h"
#include "AllocationSites.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <optional>

namespace clang::tidy::alloc {

/// The shipped rules loaded when BuiltinRules is not set.
llvm::StringRef defaultBuiltinRules();

/// The rules configuration from the three shared options' values.
RulesConfig rulesConfig(llvm::StringRef BuiltinRules,
                        llvm::StringRef RulesFiles,
                        llvm::StringRef ExtraAllocators);

/// Base of every alloc-* check: reads the rules options (shared by all checks
/// through getLocalOrGlobal), loads the model once, and reports a bad rules
/// configuration as an error.
class AllocCheckBase : public ClangTidyCheck {
public:
  AllocCheckBase(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  /// The checks analyse C; C++ has allocations (new) they do not model.
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return !LangOpts.CPlusPlus;
  }
  /// A new translation unit: the analyses shared between checks restart.
  void onStartOfTranslationUnit() override;

protected:
  const AllocationModel &model() const { return *Model; }
  /// Resolves callees for the current translation unit.
  CalleeResolver &resolver() { return *Resolver; }

private:
  const std::string BuiltinRules;
  const std::string RulesFiles;
  const std::string ExtraAllocators;
  std::shared_ptr<const AllocationModel> Model;
  std::optional<CalleeResolver> Resolver;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_ALLOCCHECKBASE_H
