//===--- UncheckedResultCheck.cpp - alloc-unchecked-result ----------------===//

#include "UncheckedResultCheck.h"
#include "core/OwnershipDataflow.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

void UncheckedResultCheck::registerMatchers(MatchFinder *Finder) {
  matchUserFunctions(Finder);
}

void UncheckedResultCheck::check(const MatchFinder::MatchResult &Result) {
  auto [FD, Shared] = analysedFunction(Result);
  if (!Shared)
    return;
  const OwnershipAnalysis &Analysis = *Shared;
  const SourceManager &SM = *Result.SourceManager;
  const std::vector<Allocation> &Allocs = Analysis.allocations();
  // The first unchecked use of each allocation, in source order.
  std::vector<const UseEvent *> Uses;
  for (const UseEvent &U : Analysis.uses())
    if (U.IsDeref && (U.Null & NullUnchecked) && !U.Gone)
      Uses.push_back(&U);
  llvm::stable_sort(Uses, [&SM](const UseEvent *A, const UseEvent *B) {
    return SM.isBeforeInTranslationUnit(A->Loc, B->Loc);
  });
  std::set<AllocId> Reported;
  for (const UseEvent *U : Uses) {
    if (!Reported.insert(U->A).second)
      continue;
    const Allocation &A = Allocs[U->A];
    if (A.FailsViaStatus) {
      diag(U->Loc, "%0 from '%1' at line %2 is %3 before the call's result is "
                   "checked; on failure it is not set: test the result first")
          << A.describe() << A.Rule->Name << A.Line << U->What;
    } else {
      diag(U->Loc, "%0 from '%1' at line %2 is %3 without a NULL check; "
                   "compare it with NULL first, or allocate through a wrapper "
                   "the rules mark 'null: never'")
          << A.describe() << A.Rule->Name << A.Line << U->What;
    }
    diag(A.Loc, "allocated here; it can be NULL", DiagnosticIDs::Note);
  }
}

} // namespace clang::tidy::alloc
