//===--- UnjustifiedCheck.cpp - alloc-unjustified -------------------------===//

#include "UnjustifiedCheck.h"
#include "Compat.h"
#include "core/Matchers.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

namespace {
/// The hint every unjustified-site message ends with.
constexpr llvm::StringLiteral Remedy =
    "add '/* alloc: <lifetime> -- <reason> */' on this line or the line above, "
    "with lifetime permanent, scoped, transaction, returned or stored";
} // namespace

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
    // A malformed justification still claims the site; it is reported once,
    // at the comment, below.
    if (Index->find(S.Loc, *SM))
      continue;
    if (S.AddressTaken) {
      diag(S.Loc, "address of allocator '%0' is taken; calls through the "
                  "pointer allocate heap memory no analysis can see: justify "
                  "it with '/* alloc: <lifetime> -- <reason> */' or call '%0' "
                  "directly")
          << S.Rule->Name;
      continue;
    }
    diag(S.Loc, "%0 %select{allocates|reallocates}1 heap memory without a "
                "justification; %2")
        << describeAllocation(*S.Rule, S.Macro)
        << S.Rule->ReallocArg.has_value() << Remedy;
  }
  std::vector<const Justification *> Justifications = Index->all();
  llvm::sort(Justifications,
             [this](const Justification *A, const Justification *B) {
               return SM->isBeforeInTranslationUnit(A->Loc, B->Loc);
             });
  for (const Justification *J : Justifications)
    if (!J->valid())
      diag(J->Loc, "malformed allocation justification: %0") << J->Error;
}

} // namespace clang::tidy::alloc
