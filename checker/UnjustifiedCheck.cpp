//===--- UnjustifiedCheck.cpp - alloc-unjustified -------------------------===//

#include "UnjustifiedCheck.h"
#include "Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

UnjustifiedCheck::UnjustifiedCheck(StringRef Name, ClangTidyContext *Context)
    : AllocCheckBase(Name, Context),
      InferredAllocators(compat::readBoolOption(
          Options, Context, Name, "InferredAllocators", true)) {}

void UnjustifiedCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AllocCheckBase::storeOptions(Opts);
  Options.store(Opts, "InferredAllocators",
                compat::boolOptionText(InferredAllocators));
}

void UnjustifiedCheck::registerPPCallbacks(const SourceManager &SourceMgr,
                                           Preprocessor *PP,
                                           Preprocessor *ModuleExpanderPP) {
  SM = &SourceMgr;
  Index = sharedJustifications(*PP);
}

void UnjustifiedCheck::registerMatchers(MatchFinder *Finder) {
  // The unit, once: its allocation sites are collected at its end by one
  // walk of its code, which costs less than a matcher run on every call
  // and every reference.  The model decides which functions allocate (by
  // rules, attributes or bodies), which a fixed matcher on names could not.
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void UnjustifiedCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
}

void UnjustifiedCheck::onEndOfTranslationUnit() {
  if (!SM)
    return;
  std::vector<AllocationSite> All;
  if (Ctx) {
    SiteCollector Sites(resolver(), InferredAllocators);
    Sites.collect(*Ctx);
    All = Sites.finish(*SM);
  }
  for (const AllocationSite &S : All) {
    // The statement holding the site: a comment on any of its lines counts.
    auto Scope = [&] {
      return Ctx ? justificationScope(S.E, *Ctx) : SourceRange();
    };
    // A malformed justification still claims the site; it is reported once,
    // at the comment, below.
    if (Index->find(S.Loc, *SM, Scope))
      continue;
    if (S.AddressTaken)
      diag(S.Loc, "address of allocator '%0' is taken, so calls through it "
                  "allocate unseen; justify it or call '%0' directly")
          << S.Rule->Name;
    else
      diag(S.Loc, "%0 %select{allocates|reallocates}1 heap memory without a "
                  "justification; add '// alloc: <lifetime> -- <reason>'")
          << describeAllocation(*S.Rule, S.Macro)
          << S.Rule->ReallocArg.has_value();
    if (const NearMiss *M = Index->findNearMiss(S.Loc, *SM, Scope))
      diag(M->Loc, "not read as a justification: %0", DiagnosticIDs::Note)
          << M->Hint;
  }
  std::vector<const Justification *> Justifications = Index->all();
  llvm::sort(Justifications,
             [this](const Justification *A, const Justification *B) {
               return SM->isBeforeInTranslationUnit(A->Loc, B->Loc);
             });
  Ctx = nullptr;
  for (const Justification *J : Justifications)
    if (!J->valid())
      diag(J->Loc, "malformed allocation justification: %0") << J->Error;
}

} // namespace clang::tidy::alloc
