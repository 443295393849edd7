//===--- DestroyDuty.cpp - destroy functions that keep their object -------===//

#include "DestroyDuty.h"
#include "AllocationModel.h"
#include "AllocationSites.h"
#include "Parents.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
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

/// The struct \p T points to (canonical), or null.
const RecordDecl *pointeeRecord(QualType T) {
  const RecordDecl *RD =
      T->isPointerType() ? T->getPointeeType()->getAsRecordDecl() : nullptr;
  return RD ? cast<RecordDecl>(RD->getCanonicalDecl()) : nullptr;
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

DestroyFunctions destroyFunctions(ASTContext &Ctx, CalleeResolver &Resolver) {
  const SourceManager &SM = Ctx.getSourceManager();
  DestroyFunctions Out;
  llvm::DenseSet<const FunctionDecl *> Seen;
  forEachUnitDecl(Ctx, [&](const Decl *D) {
    const auto *FD = dyn_cast<FunctionDecl>(D);
    // Cheap tests first: a unit declares thousands of functions.
    if (!FD || !FD->getIdentifier() ||
        llvm::none_of(
            FD->parameters(),
            [](const ParmVarDecl *P) { return pointeeRecord(P->getType()); }) ||
        !Seen.insert(FD->getCanonicalDecl()).second ||
        SM.isInSystemHeader(SM.getFileLoc(FD->getLocation())))
      return;
    const FunctionRule *R = Resolver.ruleFor(FD, SM);
    if (!R || !R->FreeArg || R->FreesFieldsArg != R->FreeArg ||
        *R->FreeArg >= FD->getNumParams())
      return;
    const RecordDecl *RD =
        pointeeRecord(FD->getParamDecl(*R->FreeArg)->getType());
    if (!RD)
      return;
    // Of several, the one that releases the most fields (all of them when
    // it names none), then the first by name.
    auto Reach = [&](const FunctionRule *F) {
      return F->FreedFields.empty() ? ~size_t(0) : F->FreedFields.size();
    };
    auto [It, New] = Out.try_emplace(RD, FD->getCanonicalDecl());
    if (!New) {
      const FunctionRule *Old = Resolver.ruleFor(It->second, SM);
      if (!Old || Reach(R) > Reach(Old) ||
          (Reach(R) == Reach(Old) && FD->getName() < It->second->getName()))
        It->second = FD->getCanonicalDecl();
    }
  });
  return Out;
}

/// True if \p Call goes through a hook variable that starts as a plain
/// deallocator of the rules (`static Free_Fn parson_free = free;`).
static bool plainHook(const CallExpr *Call, CalleeResolver &Resolver,
                      const SourceManager &SM) {
  if (Call->getDirectCallee())
    return false;
  std::optional<HookTarget> T = hookTarget(Call->getCallee());
  if (!T || !T->Var || T->Field)
    return false;
  const VarDecl *Def =
      T->Var->getDefinition() ? T->Var->getDefinition() : T->Var;
  const auto *Ref = Def->getInit()
                        ? dyn_cast<DeclRefExpr>(stripCasts(Def->getInit()))
                        : nullptr;
  const auto *Start = Ref ? dyn_cast<FunctionDecl>(Ref->getDecl()) : nullptr;
  const FunctionRule *R = Start ? Resolver.ruleFor(Start, SM) : nullptr;
  return R && !R->Inferred && R->FreeArg && !R->FreesFieldsArg;
}

/// True if every value \p FD gives \p V (its initialiser, assignments)
/// is the result of a project function inferred to return a new struct (a
/// constructor), and there is at least one; a raw allocator's block, a
/// parameter or anything else makes it false.
static bool constructedOnly(const FunctionDecl *FD, const VarDecl *V,
                            CalleeResolver &Resolver, const SourceManager &SM) {
  unsigned Values = 0;
  bool Other = false;
  auto Value = [&](const Expr *E) {
    if (!E || Other)
      return;
    // A project function returning a pointer to a struct (not a wrapper
    // of the raw allocator, which returns `void *`, nor a hook).
    if (const auto *C = dyn_cast<CallExpr>(stripCasts(E));
        C && C->getDirectCallee() && pointeeRecord(C->getType())) {
      const FunctionRule *R = Resolver.ruleForCall(C, SM);
      if (R && R->Inferred && R->AllocatesReturn) {
        ++Values;
        return;
      }
    }
    Other |= !stripCasts(E)->isNullPointerConstant(
        V->getASTContext(), Expr::NPC_ValueDependentIsNotNull);
  };
  Value(V->getInit());
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->isAssignmentOp())
      if (const auto *L = dyn_cast<DeclRefExpr>(stripCasts(BO->getLHS()));
          L && L->getDecl() == V) {
        if (BO->getOpcode() != BO_Assign)
          Other = true;
        else
          Value(BO->getRHS());
      }
    if (const auto *U = dyn_cast<UnaryOperator>(S);
        U && U->getOpcode() == UO_AddrOf)
      if (const auto *L = dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr()));
          L && L->getDecl() == V)
        Other = true; // set through its address
  });
  return Values > 0 && !Other;
}

std::vector<PlainFree> plainFreesOfDestroyed(const FunctionDecl *FD,
                                             const DestroyFunctions &Known,
                                             ASTContext &Ctx,
                                             CalleeResolver &Resolver) {
  std::vector<PlainFree> Found;
  if (Known.empty() || !FD->hasBody())
    return Found;
  const SourceManager &SM = Ctx.getSourceManager();
  // A destroy function of its own (of this struct or another) manages
  // fields by hand.
  if (const FunctionRule *Own = Resolver.ruleFor(FD, SM);
      Own && Own->FreesFieldsArg)
    return Found;
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    const auto *Call = dyn_cast<CallExpr>(S);
    const FunctionRule *R = Call ? Resolver.ruleForCall(Call, SM) : nullptr;
    // A plain deallocator of the rules (free, g_free, OICFree), not a
    // project function that frees: what it does to the fields is its own.
    if (!R || (R->Inferred && !plainHook(Call, Resolver, SM)) || !R->FreeArg ||
        R->FreesFieldsArg || R->allocates() || R->ReallocArg ||
        *R->FreeArg >= Call->getNumArgs())
      return;
    const Expr *Obj = Call->getArg(*R->FreeArg)->IgnoreParenImpCasts();
    while (const auto *C = dyn_cast<CStyleCastExpr>(Obj))
      Obj = C->getSubExpr()->IgnoreParenImpCasts();
    const RecordDecl *RD = pointeeRecord(Obj->getType());
    auto It = RD ? Known.find(RD) : Known.end();
    if (It == Known.end() || It->second == FD->getCanonicalDecl())
      return;
    // Not memory this function allocated (its fields may be unset yet),
    // unless every value the variable gets comes from one of the project's
    // constructors, which built the object (parson parse_object_value
    // before 20ad63f: `new_value = parse_value(...); ...
    // parson_free(new_value);` where json_value_free frees its contents).
    bool Constructed = false;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Obj))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
          V && V->hasLocalStorage() && !isa<ParmVarDecl>(V)) {
        if (!constructedOnly(FD, V, Resolver, SM))
          return;
        Constructed = true;
      }
    // Nor a field of a local struct (`resp.payload`).
    for (const Expr *B = Obj; const auto *ME = dyn_cast<MemberExpr>(B);) {
      B = ME->getBase()->IgnoreParenImpCasts();
      if (const auto *Ref = dyn_cast<DeclRefExpr>(B); Ref && !ME->isArrow())
        if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
            V && V->hasLocalStorage())
          return;
    }
    // No field of the object is named in the function, and the function
    // does not set what the place holds (`resp.payload = create(); memcpy(
    // resp.payload, shared, n); ... free(resp.payload)`: a shell).
    std::string Place = spellPlace(Obj);
    if (Place.empty())
      return;
    bool Fields = false;
    forEachStmtIn(FD->getBody(), [&](const Stmt *X) {
      if (const auto *ME = dyn_cast<MemberExpr>(X))
        Fields |= spellPlace(ME->getBase()->IgnoreParenImpCasts()) == Place;
      else if (const auto *BO = dyn_cast<BinaryOperator>(X);
               BO && BO->getOpcode() == BO_Assign && !Constructed)
        Fields |= spellPlace(BO->getLHS()->IgnoreParenImpCasts()) == Place;
      return !Fields;
    });
    if (!Fields)
      Found.push_back({Call, Obj, It->second});
  });
  return Found;
}

} // namespace clang::tidy::alloc
