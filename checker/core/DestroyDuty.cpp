//===--- DestroyDuty.cpp - destroy functions that keep their object -------===//

#include "DestroyDuty.h"
#include "AllocationModel.h"
#include "AllocationSites.h"
#include "Parents.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

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
  llvm::DenseMap<const FunctionDecl *, size_t> Index;
  // Functions some caller follows with a release of the same object: clears.
  llvm::DenseSet<const FunctionDecl *> Clears;
  for (size_t I = 0; I < Code.size(); ++I) {
    const FunctionDecl *Caller = Code[I].function();
    if (!Caller)
      continue;
    llvm::ArrayRef<const Stmt *> Stmts = Listed.of(I);
    for (const Stmt *S : Stmts) {
      const auto *Call = dyn_cast<CallExpr>(S);
      const FunctionDecl *D = Call ? Call->getDirectCallee() : nullptr;
      const FunctionDecl *Def = D ? D->getDefinition() : nullptr;
      if (!Def || !Listed.of(Def))
        continue;
      int Arg = destroyedArg(Call, Resolver.ruleFor(D, SM));
      if (Arg < 0)
        continue;
      const Expr *Object = Call->getArg(unsigned(Arg));
      const Stmt *Next = nextStatement(Call, Ctx);
      if (!Next)
        continue;
      // `clear(o); free(o);`: the caller releases the object itself.
      if (const auto *Free = dyn_cast<CallExpr>(Next)) {
        const FunctionRule *FR = Resolver.ruleForCall(Free, SM);
        std::string Place = spellPlace(Object);
        if (FR && FR->FreeArg && *FR->FreeArg < Free->getNumArgs() &&
            !Place.empty() && spellPlace(Free->getArg(*FR->FreeArg)) == Place)
          Clears.insert(Def->getCanonicalDecl());
        continue;
      }
      // `destroy(v); return NULL;` of a local that only holds new memory.
      const auto *Ret = dyn_cast<ReturnStmt>(Next);
      const auto *Ref = dyn_cast<DeclRefExpr>(stripCasts(Object));
      const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
      if (!Ret || !V || (Ret->getRetValue() && mentions(Ret, {V})) ||
          !holdsOnlyNewMemory(V, Stmts, Ctx, Resolver))
        continue;
      if (Index.count(Def->getCanonicalDecl()))
        continue;
      Index[Def->getCanonicalDecl()] = Found.size();
      Found.push_back({Def, Def->getParamDecl(unsigned(Arg)), Caller, Call, V});
    }
  }
  llvm::erase_if(Found, [&](const KeptObject &K) {
    return Clears.count(K.Destroy->getCanonicalDecl());
  });
  return Found;
}

} // namespace clang::tidy::alloc
