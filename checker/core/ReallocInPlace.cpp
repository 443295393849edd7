//===--- ReallocInPlace.cpp - `x->buf = realloc(x->buf, n)` ---------------===//

#include "ReallocInPlace.h"
#include "AllocationModel.h"
#include "AllocationSites.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/FoldingSet.h"

namespace clang::tidy::alloc {
namespace {

/// A place another pointer is unlikely to hold too: a member, `*p`, `a[i]`
/// or a global.  A local variable may be a copy of the caller's pointer
/// (the caller still holds the old block), and one the function allocated
/// itself is the dataflow's.
bool sharedPlace(const Expr *E) {
  if (isa<MemberExpr, ArraySubscriptExpr>(E))
    return true;
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return U->getOpcode() == UO_Deref;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      return !VD->hasLocalStorage();
  return false;
}

bool sameExpr(const Expr *A, const Expr *B, const ASTContext &Ctx) {
  llvm::FoldingSetNodeID IA, IB;
  A->Profile(IA, Ctx, /*Canonical=*/true);
  B->Profile(IB, Ctx, /*Canonical=*/true);
  return IA == IB;
}

} // namespace

std::vector<InPlaceRealloc> inPlaceReallocs(const FunctionDecl *FD,
                                            CalleeResolver &Resolver,
                                            ASTContext &Ctx) {
  std::vector<InPlaceRealloc> Out;
  if (!FD->hasBody())
    return Out;
  const SourceManager &SM = Ctx.getSourceManager();
  auto Visit = [&](const Stmt *S) {
    const auto *BO = dyn_cast<BinaryOperator>(S);
    if (!BO || BO->getOpcode() != BO_Assign)
      return;
    const auto *C = dyn_cast<CallExpr>(stripCasts(BO->getRHS()));
    if (!C)
      return;
    const FunctionRule *R = Resolver.ruleForCall(C, SM);
    if (!R || !R->ReallocArg || R->FreesOnFailure || !R->MayReturnNull ||
        *R->ReallocArg >= C->getNumArgs())
      return;
    const Expr *Place = stripCasts(BO->getLHS());
    if (!sharedPlace(Place) ||
        !sameExpr(Place, stripCasts(C->getArg(*R->ReallocArg)), Ctx))
      return;
    Out.push_back({BO, C, R});
  };
  // The unit's listed assignments when it has them (one walk of the code
  // for every scan), else a walk of the body.
  if (std::optional<llvm::ArrayRef<const Stmt *>> Listed =
          unitStmts(Ctx).of(FD)) {
    for (const Stmt *S : *Listed)
      Visit(S);
  } else {
    forEachStmtIn(FD->getBody(), Visit);
  }
  return Out;
}

} // namespace clang::tidy::alloc
