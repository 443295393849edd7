//===--- AllocCheckBase.cpp - options and model every check shares --------===//

#include "AllocCheckBase.h"
#include "OwnershipDataflow.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

namespace clang::tidy::alloc {

llvm::StringRef defaultBuiltinRules() { return "libc;hidden;openssl"; }

RulesConfig rulesConfig(llvm::StringRef BuiltinRules,
                        llvm::StringRef RulesFiles,
                        llvm::StringRef ExtraAllocators) {
  RulesConfig Config;
  Config.Builtin = splitList(BuiltinRules);
  Config.Files = splitList(RulesFiles);
  Config.ExtraAllocators = splitList(ExtraAllocators);
  return Config;
}

AllocCheckBase::AllocCheckBase(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      BuiltinRules(
          Options.getLocalOrGlobal("BuiltinRules", defaultBuiltinRules())),
      RulesFiles(Options.getLocalOrGlobal("RulesFiles", "")),
      ExtraAllocators(Options.getLocalOrGlobal("ExtraAllocators", "")),
      SummaryFile(Options.getLocalOrGlobal("SummaryFile", "")),
      AnalysisBudget(Options.getLocalOrGlobal(
          "AnalysisBudget", OwnershipAnalysis::DefaultBudget)) {
  std::vector<std::string> Errors;
  Model = AllocationModel::get(
      rulesConfig(BuiltinRules, RulesFiles, ExtraAllocators), Errors);
  for (const std::string &E : Errors)
    configurationDiag("invalid allocation rules: %0", DiagnosticIDs::Error)
        << E;
  if (!SummaryFile.empty()) {
    std::vector<std::string> SummaryErrors;
    External = AllocationModel::get(rulesConfig("", SummaryFile, ""),
                                    SummaryErrors);
    for (const std::string &E : SummaryErrors)
      configurationDiag("invalid summary file: %0", DiagnosticIDs::Error) << E;
  }
}

void AllocCheckBase::onStartOfTranslationUnit() { resetUnitState(); }

UnitState &AllocCheckBase::unit() {
  UnitState &U = UnitState::get(Model, External);
  U.setBudget(AnalysisBudget ? AnalysisBudget : ~0ull);
  return U;
}

CalleeResolver &AllocCheckBase::resolver() { return unit().resolver(); }

void AllocCheckBase::matchUserFunctions(ast_matchers::MatchFinder *Finder) {
  using namespace ast_matchers;
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void AllocCheckBase::check(
    const ast_matchers::MatchFinder::MatchResult &Result) {
  const auto *TU = Result.Nodes.getNodeAs<TranslationUnitDecl>("unit");
  if (!TU)
    return;
  for (const FunctionDecl *FD : unit().definitions(*Result.Context))
    checkDefinition(FD, Result);
}

std::pair<const FunctionDecl *, std::shared_ptr<const OwnershipAnalysis>>
AllocCheckBase::analysedFunction(const FunctionDecl *FD, ASTContext &Ctx) {
  if (!FD)
    return {nullptr, nullptr};
  std::shared_ptr<const OwnershipAnalysis> A = unit().analysis(FD, Ctx);
  if (A->degraded() != OwnershipAnalysis::Degradation::None &&
      unit().firstOverBudget(FD))
    diag(FD->getLocation(),
         "'%0' is too large for the ownership analysis within AnalysisBudget "
         "(%1 steps): %select{its paths were merged, so leaks and double "
         "frees that depend on them are missed|it was not analysed}2; split "
         "the function or raise AnalysisBudget",
         DiagnosticIDs::Remark)
        << FD->getName() << std::to_string(AnalysisBudget)
        << (A->degraded() == OwnershipAnalysis::Degradation::NotAnalysed);
  if (!A->analysed())
    return {FD, nullptr};
  return {FD, std::move(A)};
}

void AllocCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "BuiltinRules", BuiltinRules);
  Options.store(Opts, "RulesFiles", RulesFiles);
  Options.store(Opts, "ExtraAllocators", ExtraAllocators);
  Options.store(Opts, "SummaryFile", SummaryFile);
  Options.store(Opts, "AnalysisBudget", AnalysisBudget);
}

} // namespace clang::tidy::alloc
