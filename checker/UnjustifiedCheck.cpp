//===--- UnjustifiedCheck.cpp - alloc-unjustified -------------------------===//

#include "UnjustifiedCheck.h"
#include "Compat.h"
#include "core/Matchers.h"
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
  // Calls of allocators: the model decides which functions allocate (by
  // rules or attributes), which a fixed matcher on names could not.
  Finder->addMatcher(
      callExpr(callee(functionDecl(isAllocatorIn(static_cast<ResolverSource *>(this))))).bind("call"),
      this);
  // An allocator named without being called: its address is taken, and it
  // allocates wherever the pointer is called.  (Callees are among these too;
  // the site collector tells them apart.)
  Finder->addMatcher(
      declRefExpr(to(functionDecl(isAllocatorIn(static_cast<ResolverSource *>(this))))).bind("ref"),
      this);
}

void UnjustifiedCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  if (!Sites)
    Sites.emplace(resolver(), InferredAllocators);
  if (const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call"))
    Sites->addCall(Call, *Result.Context);
  else if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref"))
    Sites->addReference(Ref, *Result.Context);
}

void UnjustifiedCheck::onEndOfTranslationUnit() {
  if (!SM)
    return;
  std::vector<AllocationSite> All =
      Sites ? Sites->finish(*SM) : std::vector<AllocationSite>();
  Sites.reset(); // it holds this unit's resolver
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
