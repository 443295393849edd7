//===--- DestroyDuty.cpp - destroy functions that keep their object -------===//

#include "DestroyDuty.h"
#include "AllocationModel.h"
#include "AllocationSites.h"
#include "Parents.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"
#include <optional>

namespace clang::tidy::alloc {
namespace {

/// The statement after \p S in the block around it, or null.
const Stmt *nextStatement(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = parentsOf(*S, Ctx);
  const auto *Block =
      Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
  if (!Block)
    return nullptr;
  for (auto It = Block->body_begin(); It != Block->body_end(); ++It)
    if (*It == S)
      return std::next(It) == Block->body_end() ? nullptr : *std::next(It);
  return nullptr;
}

/// The argument of \p Call that \p D (a destroy that borrows it) frees the
/// fields of, or -1.
int destroyedArg(const CallExpr *Call, const FunctionRule *R) {
  if (!R || !R->FreesFieldsArg || *R->FreesFieldsArg >= Call->getNumArgs())
    return -1;
  unsigned I = *R->FreesFieldsArg;
  if (R->FreeArg == I || R->argContract(I) != ArgContract::Borrows)
    return -1;
  return int(I);
}

} // namespace

std::vector<KeptObject> destroysKeepingObject(ASTContext &Ctx,
                                              CalleeResolver &Resolver) {
  std::vector<KeptObject> Found;
  const SourceManager &SM = Ctx.getSourceManager();
  const UnitStmts &Listed = unitStmts(Ctx);
  const std::vector<CodeDecl> &Code = unitCode(Ctx);
  // Every call of a destroy function that keeps its object (by the
  // function's summary), with its caller's position in unitCode().
  struct Site {
    const CallExpr *Call;
    size_t Caller;
    unsigned Arg;
  };
  llvm::MapVector<const FunctionDecl *, llvm::SmallVector<Site, 4>> Sites;
  for (size_t I = 0; I < Code.size(); ++I) {
    if (!Code[I].function())
      continue;
    for (const Stmt *S : Listed.of(I)) {
      const auto *Call = dyn_cast<CallExpr>(S);
      const FunctionDecl *D = Call ? Call->getDirectCallee() : nullptr;
      const FunctionDecl *Def = D ? D->getDefinition() : nullptr;
      if (!Def || !Listed.of(Def))
        continue;
      int Arg = destroyedArg(Call, Resolver.ruleFor(D, SM));
      if (Arg >= 0)
        Sites[Def->getCanonicalDecl()].push_back({Call, I, unsigned(Arg)});
    }
  }
  for (const auto &[Destroy, Calls] : Sites) {
    // `destroy(v); return NULL;` of a local that only holds new memory.
    std::optional<KeptObject> Drop;
    for (const Site &C : Calls) {
      const auto *Ref =
          dyn_cast<DeclRefExpr>(stripCasts(C.Call->getArg(C.Arg)));
      const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (!V || isa<ParmVarDecl>(V) || !V->hasLocalStorage())
        continue;
      const auto *Ret =
          dyn_cast_or_null<ReturnStmt>(nextStatement(C.Call, Ctx));
      if (!Ret || (Ret->getRetValue() && mentions(Ret, {V})) ||
          !holdsOnlyNewMemory(V, Listed.of(C.Caller), Ctx, Resolver))
        continue;
      const FunctionDecl *Def = Destroy->getDefinition();
      Drop = KeptObject{Def, Def->getParamDecl(C.Arg),
                        Code[C.Caller].function(), C.Call, V};
      break;
    }
    if (!Drop)
      continue;
    // `clear(o); free(o);`: a caller releases the object itself.
    bool Clear = llvm::any_of(Calls, [&](const Site &C) {
      const auto *Free = dyn_cast_or_null<CallExpr>(nextStatement(C.Call, Ctx));
      const FunctionRule *FR = Free ? Resolver.ruleForCall(Free, SM) : nullptr;
      std::string Place = spellPlace(C.Call->getArg(C.Arg));
      return FR && FR->FreeArg && *FR->FreeArg < Free->getNumArgs() &&
             !Place.empty() && spellPlace(Free->getArg(*FR->FreeArg)) == Place;
    });
    if (!Clear)
      Found.push_back(*Drop);
  }
  return Found;
}

} // namespace clang::tidy::alloc
