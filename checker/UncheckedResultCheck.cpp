//===--- UncheckedResultCheck.cpp - alloc-unchecked-result ----------------===//

#include "UncheckedResultCheck.h"
#include "core/OwnershipDataflow.h"
#include "core/Parents.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

namespace {

/// The integer locals whose address the allocating call \p C is given: the
/// count an allocator reports beside the block (`list = keys(h, &n)`).
llvm::SmallVector<const VarDecl *, 2> countArgs(const CallExpr *C) {
  llvm::SmallVector<const VarDecl *, 2> Out;
  for (const Expr *Arg : C->arguments()) {
    const auto *U = dyn_cast<UnaryOperator>(Arg->IgnoreParenCasts());
    if (!U || U->getOpcode() != UO_AddrOf)
      continue;
    const auto *D = dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenCasts());
    const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
    if (V && V->hasLocalStorage() && V->getType()->isIntegerType())
      Out.push_back(V);
  }
  return Out;
}

/// True if \p Use runs only under a test of the count the allocator
/// reported with the block (`for (i = 0; i < n; i++) list[i]`, `if (n > 0)
/// list[0]`): allocators that report a count give NULL with a count of 0
/// (c-ares channel_socket_list, ares_htable_asvp_keys).
bool countGuarded(const Expr *Use, const CallExpr *Alloc, ASTContext &Ctx) {
  if (!Alloc)
    return false;
  llvm::SmallVector<const VarDecl *, 2> Counts = countArgs(Alloc);
  if (Counts.empty())
    return false;
  const Stmt *Child = Use;
  for (unsigned Depth = 0; Child && Depth < 32; ++Depth) {
    DynTypedNodeList Parents = parentsOf(*Child, Ctx);
    const Stmt *Parent = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    // An initialiser: on to the declaration's statement.
    if (!Parents.empty())
      if (const auto *VD = Parents[0].get<VarDecl>()) {
        DynTypedNodeList Up = parentsOf(*VD, Ctx);
        Parent = Up.empty() ? nullptr : Up[0].get<Stmt>();
      }
    if (!Parent)
      return false;
    if (const auto *F = dyn_cast<ForStmt>(Parent);
        F && F->getBody() == Child && mentions(F->getCond(), Counts))
      return true;
    if (const auto *W = dyn_cast<WhileStmt>(Parent);
        W && W->getBody() == Child && mentions(W->getCond(), Counts))
      return true;
    if (const auto *If = dyn_cast<IfStmt>(Parent);
        If && If->getThen() == Child && mentions(If->getCond(), Counts))
      return true;
    Child = Parent;
  }
  return false;
}

} // namespace

void UncheckedResultCheck::registerMatchers(MatchFinder *Finder) {
  matchUserFunctions(Finder);
}

void UncheckedResultCheck::checkDefinition(const FunctionDecl *Def,
                               const MatchFinder::MatchResult &Result) {
  auto [FD, Shared] = analysedFunction(Def, *Result.Context);
  if (!Shared)
    return;
  const OwnershipAnalysis &Analysis = *Shared;
  const SourceManager &SM = *Result.SourceManager;
  const std::vector<Allocation> &Allocs = Analysis.allocations();
  // The first unchecked use of each allocation, in source order.
  std::vector<const UseEvent *> Uses;
  for (const UseEvent &U : Analysis.uses())
    if (U.IsDeref && (U.Null & NullUnchecked) && !U.Gone &&
        !countGuarded(U.Use, Allocs[U.A].Call, *Result.Context))
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
