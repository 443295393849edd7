//===--- UnjustifiedCheck.cpp - alloc-unjustified -------------------------===//

#include "UnjustifiedCheck.h"
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

/// The expression naming the called function, without parentheses, casts
/// and explicit '*' or '&' ("(*malloc)(n)" calls malloc too).
const Expr *calleeName(const CallExpr *Call) {
  const Expr *E = Call->getCallee();
  while (true) {
    E = E->IgnoreParenImpCasts();
    const auto *U = dyn_cast<UnaryOperator>(E);
    if (!U || (U->getOpcode() != UO_Deref && U->getOpcode() != UO_AddrOf))
      return E;
    E = U->getSubExpr();
  }
}

} // namespace

void UnjustifiedCheck::registerPPCallbacks(const SourceManager &SourceMgr,
                                           Preprocessor *PP,
                                           Preprocessor *ModuleExpanderPP) {
  SM = &SourceMgr;
  Index.attach(*PP);
}

void UnjustifiedCheck::registerMatchers(MatchFinder *Finder) {
  // Every call: the model decides which allocate (by rules or attributes),
  // which a fixed matcher on names could not.
  Finder->addMatcher(callExpr().bind("call"), this);
  // A function named without being called: an allocator whose address is
  // taken allocates wherever the pointer is called.
  Finder->addMatcher(declRefExpr(to(functionDecl())).bind("ref"), this);
}

bool UnjustifiedCheck::justified(SourceLocation Loc) {
  const Justification *J = Index.find(Loc, *SM);
  if (!J)
    return false;
  J->Used = true;
  // A malformed justification is reported on its own, once, at the comment.
  return true;
}

void UnjustifiedCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *Ref = Result.Nodes.getNodeAs<DeclRefExpr>("ref")) {
    const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl());
    const FunctionRule *R = resolver().ruleFor(FD, *Result.SourceManager);
    if (R && R->allocates())
      AllocatorRefs.push_back(Ref);
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (!Call)
    return;
  CalleeRefs.insert(calleeName(Call));
  const FunctionRule *R = resolver().allocation(Call, *Result.Context);
  if (!R)
    return;
  SourceLocation Loc = reportLoc(Call->getBeginLoc(), *SM);
  if (SM->isInSystemHeader(Loc) || justified(Call->getBeginLoc()))
    return;
  std::string Macro =
      macroSpelling(Call->getBeginLoc(), *SM, Result.Context->getLangOpts());
  bool Realloc = R->ReallocArg.has_value();
  diag(Loc, "%0 %select{allocates|reallocates}1 heap memory without a "
            "justification; %2")
      << describeAllocation(*R, Macro) << Realloc << Remedy;
}

void UnjustifiedCheck::onEndOfTranslationUnit() {
  if (!SM)
    return;
  for (const DeclRefExpr *Ref : AllocatorRefs) {
    if (CalleeRefs.contains(Ref))
      continue;
    SourceLocation Loc = reportLoc(Ref->getLocation(), *SM);
    if (SM->isInSystemHeader(Loc) || justified(Ref->getLocation()))
      continue;
    diag(Loc, "address of allocator '%0' is taken; calls through the pointer "
              "allocate heap memory no analysis can see: justify it with "
              "'/* alloc: <lifetime> -- <reason> */' or call '%0' directly")
        << Ref->getDecl()->getName();
  }
  std::vector<const Justification *> All = Index.all();
  llvm::sort(All, [this](const Justification *A, const Justification *B) {
    return SM->isBeforeInTranslationUnit(A->Loc, B->Loc);
  });
  for (const Justification *J : All)
    if (!J->valid())
      diag(J->Loc, "malformed allocation justification: %0") << J->Error;
}

} // namespace clang::tidy::alloc
