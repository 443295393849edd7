//===--- MissingLifetimeCheck.cpp - alloc-missing-lifetime ----------------===//

#include "MissingLifetimeCheck.h"
#include "core/OwnershipDataflow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

namespace {
/// Declared as an allocator already: malloc or ownership_returns.
bool declaredAllocator(const FunctionDecl *FD) {
  for (const FunctionDecl *D : FD->redecls()) {
    if (D->hasAttr<RestrictAttr>())
      return true;
    for (const auto *O : D->specific_attrs<OwnershipAttr>())
      if (O->getOwnKind() == OwnershipAttr::Returns)
        return true;
  }
  return false;
}
} // namespace

void MissingLifetimeCheck::registerPPCallbacks(const SourceManager &SourceMgr,
                                               Preprocessor *PP,
                                               Preprocessor *) {
  SM = &SourceMgr;
  Index = sharedJustifications(*PP);
}

void MissingLifetimeCheck::registerMatchers(MatchFinder *Finder) {
  matchUserFunctions(Finder);
}

void MissingLifetimeCheck::checkDefinition(const FunctionDecl *Def,
                               const MatchFinder::MatchResult &Result) {
  auto [FD, Shared] = analysedFunction(Def, *Result.Context);
  if (!Shared)
    return;
  const OwnershipAnalysis &Analysis = *Shared;
  const std::vector<Allocation> &Allocs = Analysis.allocations();

  // Fields receiving owned memory.
  for (const StoreEvent &S : Analysis.stores())
    if (S.Field && Allocs[S.A].fresh() &&
        !SM->isInSystemHeader(SM->getFileLoc(S.Field->getLocation())))
      if (Fields.try_emplace(S.Field, Allocs[S.A].Loc, FD->getName().str())
              .second)
        FieldOrder.push_back(S.Field);

  // A function that returns its own allocations (or NULL) on every return.
  if (!FD->getReturnType()->isPointerType() || !FD->getIdentifier() ||
      FD->isMain() || declaredAllocator(FD))
    return;
  const FunctionRule *R = resolver().declaredRule(FD, *SM);
  if (R && R->allocates())
    return; // the rules describe it already
  bool Owned = !Analysis.returns().empty(), Any = false;
  for (const ReturnEvent &E : Analysis.returns()) {
    Owned &= E.OwnedOrNull;
    Any |= E.HasAlloc;
  }
  if (!Owned || !Any)
    return;
  // A realloc wrapper's result may be the caller's block with its old
  // contents: GCC documents `malloc` as wrong there (hiredis sds_realloc).
  // Not a block the function allocated and grew itself (sdssplitlen's
  // `tokens = s_realloc(tokens, ...)`): that one is fresh to the caller.
  auto ResizesParam = [&](const Allocation &A) {
    const FunctionRule *R = A.Rule;
    if (!R || !R->ReallocArg || !A.Call ||
        *R->ReallocArg >= A.Call->getNumArgs())
      return false;
    const auto *DRE = dyn_cast<DeclRefExpr>(
        A.Call->getArg(*R->ReallocArg)->IgnoreParenCasts());
    return DRE && isa<ParmVarDecl>(DRE->getDecl());
  };
  bool Resized = false;
  for (const ReturnEvent &E : Analysis.returns())
    for (AllocId A : E.Allocs) {
      // Also stored where it outlives the call (`parent->element[idx] = r;
      // return r;`, hiredis createStringObject): the result is aliased,
      // owned by that parent on those paths, and `malloc` would be wrong.
      if (llvm::any_of(Analysis.stores(), [&](const StoreEvent &S) {
            return S.A == A && (S.OutParam || S.Global || S.Foreign);
          }))
        return;
      Resized |= ResizesParam(Allocs[A]);
    }
  const FunctionDecl *First = FD->getFirstDecl();
  SourceLocation Where = First->getBeginLoc();
  if (Resized) {
    diag(FD->getLocation(),
         "'%0' returns heap memory the caller must free, resized from "
         "its argument; declare it in a rules file with 'reallocates' "
         "(not '__attribute__((malloc))', which does not fit a "
         "reallocator)")
        << FD->getName();
  } else {
    auto D =
        diag(FD->getLocation(), "'%0' returns heap memory the caller must "
                                "free; declare it '__attribute__((malloc))'")
        << FD->getName();
    if (Where.isFileID() && !SM->isInSystemHeader(Where))
      D << FixItHint::CreateInsertion(Where, "__attribute__((malloc)) ");
  }
  if (First != FD)
    diag(First->getLocation(), "declared here", DiagnosticIDs::Note);
}

void MissingLifetimeCheck::onEndOfTranslationUnit() {
  for (const FieldDecl *F : FieldOrder) {
    if (Index->findAny(F->getLocation(), *SM))
      continue;
    const auto &[AllocLoc, Fn] = Fields[F];
    // No fix-it: only a person knows who frees it, and a placeholder
    // comment would be reported as a malformed justification.
    diag(F->getLocation(), "field '%0' holds heap memory but does not say who "
                           "frees it; add '// alloc: stored -- <who frees it>'")
        << F->getName();
    diag(AllocLoc, "allocated here, in '%0'", DiagnosticIDs::Note) << Fn;
  }
  Fields.clear();
  FieldOrder.clear();
}

} // namespace clang::tidy::alloc
