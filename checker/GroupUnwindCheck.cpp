//===--- GroupUnwindCheck.cpp - alloc-group-unwind ------------------------===//

#include "GroupUnwindCheck.h"
#include "Compat.h"
#include "core/OwnershipDataflow.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include <map>

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

GroupUnwindCheck::GroupUnwindCheck(StringRef Name, ClangTidyContext *Context)
    : AllocCheckBase(Name, Context),
      ReportAllExits(compat::readBoolOption(Options, Context, Name,
                                           "ReportAllExits", false)) {}

void GroupUnwindCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AllocCheckBase::storeOptions(Opts);
  Options.store(Opts, "ReportAllExits",
                compat::boolOptionText(ReportAllExits));
}

void GroupUnwindCheck::registerMatchers(MatchFinder *Finder) {
  matchUserFunctions(Finder);
}

void GroupUnwindCheck::check(const MatchFinder::MatchResult &Result) {
  auto [FD, Shared] = analysedFunction(Result);
  if (!Shared)
    return;
  const OwnershipAnalysis &Analysis = *Shared;
  const std::vector<Allocation> &Allocs = Analysis.allocations();

  // One report per exit and leaked allocation; when several failures lead
  // to it, name the latest allocation that failed.
  std::map<std::pair<unsigned, AllocId>, const LeakEvent *> Failure, Normal;
  for (const LeakEvent &L : Analysis.leaks()) {
    if (!Allocs[L.Leaked].fresh())
      continue;
    auto Key = std::make_pair(L.ExitLoc.getRawEncoding(), L.Leaked);
    if (L.Failed) {
      const LeakEvent *&Slot = Failure[Key];
      if (!Slot || *Slot->Failed < *L.Failed)
        Slot = &L;
    } else {
      Normal[Key] = &L;
    }
  }
  for (const auto &[Key, L] : Failure) {
    const Allocation &Leaked = Allocs[L->Leaked];
    const Allocation &Failed = Allocs[*L->Failed];
    diag(L->ExitLoc, "%0 allocated at line %1 leaks when %select{allocation|"
                     "reallocation}2 of %3 fails; free it on this path or jump "
                     "to the cleanup label")
        << Leaked.describe() << Leaked.Line
        << Failed.Rule->ReallocArg.has_value() << Failed.describe();
    diag(Leaked.Loc, "%0 allocated here", DiagnosticIDs::Note)
        << Leaked.describe();
    diag(Failed.Loc, "%select{allocation|reallocation}0 of %1 can fail here",
         DiagnosticIDs::Note)
        << Failed.Rule->ReallocArg.has_value() << Failed.describe();
  }
  if (!ReportAllExits)
    return;
  for (const auto &[Key, L] : Normal) {
    if (Failure.count(Key))
      continue;
    const Allocation &Leaked = Allocs[L->Leaked];
    diag(L->ExitLoc, "%0 allocated at line %1 is still owned when the function "
                     "returns here; free it, return it or store it where it "
                     "outlives the function")
        << Leaked.describe() << Leaked.Line;
    diag(Leaked.Loc, "%0 allocated here", DiagnosticIDs::Note)
        << Leaked.describe();
  }
}

} // namespace clang::tidy::alloc
