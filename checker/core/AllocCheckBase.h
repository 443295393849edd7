//===--- AllocCheckBase.h - options and model every check shares *- C++ -*-===//

#ifndef ALLOC_TIDY_CORE_ALLOCCHECKBASE_H
#define ALLOC_TIDY_CORE_ALLOCCHECKBASE_H

#include "AllocationModel.h"
#include "AllocationSites.h"
#include "OwnershipDataflow.h"
#include "Summaries.h"
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
class AllocCheckBase : public ClangTidyCheck, public ResolverSource {
public:
  AllocCheckBase(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  /// The checks analyse C; C++ has allocations (new) they do not model.
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return !LangOpts.CPlusPlus;
  }
  /// A new translation unit: the analyses shared between checks restart.
  void onStartOfTranslationUnit() override;
  /// Resolves callees for the current translation unit (shared by the
  /// checks of one configuration, with the unit's summaries).
  CalleeResolver &resolver() override;

protected:
  const AllocationModel &model() const { return *Model; }

  /// Registers a matcher for the unit, once: check() then hands each
  /// function definition in the user's code (not system headers' inline
  /// functions, which are not the user's to fix) to checkDefinition(), in
  /// source order.  One callback per unit, not a matcher run on each of the
  /// thousands of functions its headers declare, for each check.
  void matchUserFunctions(ast_matchers::MatchFinder *Finder);
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  /// One function definition of matchUserFunctions: the unit of work of the
  /// dataflow checks.
  virtual void
  checkDefinition(const FunctionDecl *FD,
                  const ast_matchers::MatchFinder::MatchResult &Result) {}

  /// The function \p FD and its ownership analysis, shared with the other
  /// checks; the analysis is null when the function allocates nothing or is
  /// over its budget.  The first check to meet a function over its budget
  /// says so (a remark).
  std::pair<const FunctionDecl *, std::shared_ptr<const OwnershipAnalysis>>
  analysedFunction(const FunctionDecl *FD, ASTContext &Ctx);
  /// The unit's shared state: resolver, summaries, analyses.
  UnitState &unit();

private:
  const std::string BuiltinRules;
  const std::string RulesFiles;
  const std::string ExtraAllocators;
  const std::string SummaryFile;
  /// The most work one function's analysis may cost (0: no limit).
  const uint64_t AnalysisBudget;
  std::shared_ptr<const AllocationModel> Model;
  /// The other units' summaries (option SummaryFile), or null.
  std::shared_ptr<const AllocationModel> External;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_ALLOCCHECKBASE_H
