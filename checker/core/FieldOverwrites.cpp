//===--- FieldOverwrites.cpp - stores over a field that may own memory ----===//

#include "FieldOverwrites.h"
#include "AllocationModel.h"
#include "AllocationSites.h"
#include "Compat.h"
#include "DestroyDuty.h"
#include "OwningFields.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Builtins.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <optional>

namespace clang::tidy::alloc {
namespace {

/// The field \p E names (`x->f`, `x.a.f`), canonical, or null.
const FieldDecl *fieldOf(const Expr *E) {
  if (const auto *ME = dyn_cast<MemberExpr>(stripCasts(E)))
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      return F->getCanonicalDecl();
  return nullptr;
}

/// The variable a member chain starts from (`p->a.b->f`: p), and whether the
/// chain goes through a pointer (the object is not the variable itself).
std::pair<const VarDecl *, bool> rootOf(const Expr *E) {
  bool Arrow = false;
  E = stripCasts(E);
  while (const auto *ME = dyn_cast<MemberExpr>(E)) {
    Arrow |= ME->isArrow();
    E = stripCasts(ME->getBase());
  }
  if (const auto *D = dyn_cast<DeclRefExpr>(E))
    return {dyn_cast<VarDecl>(D->getDecl()), Arrow};
  return {nullptr, false};
}

/// The argument \p Call releases, when its callee is a deallocator.
const Expr *released(const CallExpr *Call, CalleeResolver &Resolver,
                     const SourceManager &SM) {
  const FunctionRule *R = Resolver.ruleForCall(Call, SM);
  if (!R || !R->FreeArg || *R->FreeArg >= Call->getNumArgs())
    return nullptr;
  return Call->getArg(*R->FreeArg);
}

/// True if \p X reads, frees or resets field \p F of the object \p P
/// points to: it is `P->F` (but not \p Target), `*P = ...`, a store into a
/// member the path to \p Target goes through, or a call
/// that hands \p P to `memset`/`bzero` or to a function that frees its
/// fields.  One node: the CFG lists every subexpression as an element.
bool touches(const Stmt *X, const FieldDecl *F, const ParmVarDecl *P,
             const MemberExpr *Target, CalleeResolver &Resolver,
             const SourceManager &SM) {
  auto IsP = [&](const Expr *E) {
    const auto *D = dyn_cast<DeclRefExpr>(stripCasts(E));
    return D && D->getDecl() == P;
  };
  if (const auto *ME = dyn_cast<MemberExpr>(X))
    return ME != Target && fieldOf(ME) == F && rootOf(ME).first == P;
  if (const auto *B = dyn_cast<BinaryOperator>(X); B && B->isAssignmentOp()) {
    const auto *U = dyn_cast<UnaryOperator>(stripCasts(B->getLHS()));
    if (U && U->getOpcode() == UO_Deref && IsP(U->getSubExpr()))
      return true;
    // A store into a member on the way to the field (`P->cert = calloc(..)`
    // before `P->cert->subject = ...`): the object holding it is new.
    const auto *Link = dyn_cast<MemberExpr>(stripCasts(B->getLHS()));
    if (!Link || rootOf(Link).first != P)
      return false;
    for (const Expr *E = stripCasts(Target->getBase());
         const auto *ME = dyn_cast<MemberExpr>(E);
         E = stripCasts(ME->getBase()))
      if (fieldOf(ME) == fieldOf(Link))
        return true;
    return false;
  }
  const auto *C = dyn_cast<CallExpr>(X);
  if (!C)
    return false;
  const FunctionDecl *Callee = C->getDirectCallee();
  unsigned Builtin = Callee ? Callee->getBuiltinID() : 0;
  bool Clears = Builtin == Builtin::BImemset || Builtin == Builtin::BIbzero ||
                (Callee && Callee->getName() == "explicit_bzero");
  const FunctionRule *R = Clears ? nullptr : Resolver.ruleForCall(C, SM);
  for (unsigned I = 0; I < C->getNumArgs(); ++I)
    if (IsP(C->getArg(I)) &&
        (Clears || (R && (R->FreesFieldsArg == I || R->FreeArg == I))))
      return true;
  return false;
}

/// True if a path from \p FD's entry reaches \p Store with nothing on it
/// that touches (above) field \p F of \p P's object.
bool untouchedBefore(const FunctionDecl *FD, const BinaryOperator *Store,
                     const MemberExpr *Target, const FieldDecl *F,
                     const ParmVarDecl *P, ASTContext &Ctx,
                     CalleeResolver &Resolver) {
  CFG::BuildOptions Opts;
  // Every subexpression its own element, in evaluation order: what comes
  // before the store inside its own full expression counts too.
  Opts.setAllAlwaysAdd();
  std::unique_ptr<CFG> G = CFG::buildCFG(FD, FD->getBody(), &Ctx, Opts);
  if (!G)
    return false;
  const CFGBlock *Home = nullptr;
  unsigned At = 0;
  for (const CFGBlock *B : *G) {
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (auto S = E.getAs<CFGStmt>(); S && S->getStmt() == Store) {
        Home = B;
        At = I;
      }
      ++I;
    }
    if (Home)
      break;
  }
  if (!Home)
    return false;
  const SourceManager &SM = Ctx.getSourceManager();
  auto Touches = [&](const CFGBlock *B, unsigned Limit) {
    unsigned I = 0;
    for (const CFGElement &E : *B) {
      if (I++ >= Limit)
        break;
      if (auto S = E.getAs<CFGStmt>();
          S && S->getStmt() != Store &&
          touches(S->getStmt(), F, P, Target, Resolver, SM))
        return true;
    }
    return false;
  };
  if (Touches(Home, At))
    return false;
  // Every block that reaches the store's (itself too, around a loop).
  llvm::SmallPtrSet<const CFGBlock *, 32> Seen;
  llvm::SmallVector<const CFGBlock *, 32> Work;
  for (const CFGBlock *Pred : Home->preds())
    if (Pred && Seen.insert(Pred).second)
      Work.push_back(Pred);
  while (!Work.empty()) {
    const CFGBlock *B = Work.pop_back_val();
    if (Touches(B, ~0u))
      return false;
    for (const CFGBlock *Pred : B->preds())
      if (Pred && Seen.insert(Pred).second)
        Work.push_back(Pred);
  }
  return true;
}

/// True if every call of \p FD hands it, as argument \p Index, a local
/// of the caller that only ever holds new allocations (or NULL), or the
/// address of a structure on the caller's stack: a parser
/// filling the object its caller just made (libevent `parse_authority` of
/// the `uri` that `evhttp_uri_parse_with_flags` allocates).  Only a
/// function no other unit can call and whose address is not taken has
/// callers that are all known.
bool freshAtEveryCall(const FunctionDecl *FD, unsigned Index, ASTContext &Ctx,
                      CalleeResolver &Resolver) {
  if (FD->isExternallyVisible())
    return false;
  const FunctionDecl *Canon = FD->getCanonicalDecl();
  auto Is = [&](const Decl *D) {
    const auto *F = dyn_cast_or_null<FunctionDecl>(D);
    return F && F->getCanonicalDecl() == Canon;
  };
  const UnitStmts &Listed = unitStmts(Ctx);
  const std::vector<CodeDecl> &Code = unitCode(Ctx);
  unsigned Calls = 0, Refs = 0;
  for (size_t I = 0; I < Code.size(); ++I) {
    auto Stmts = Listed.of(I);
    for (const Stmt *S : Stmts) {
      if (const auto *R = dyn_cast<DeclRefExpr>(S)) {
        Refs += Is(R->getDecl());
        continue;
      }
      const auto *Call = dyn_cast<CallExpr>(S);
      if (!Call || !Is(Call->getCalleeDecl()))
        continue;
      ++Calls;
      if (Index >= Call->getNumArgs())
        return false;
      const Expr *Arg = stripCasts(Call->getArg(Index));
      // `&v` of a structure on the caller's stack, which it is setting up.
      if (const auto *U = dyn_cast<UnaryOperator>(Arg);
          U && U->getOpcode() == UO_AddrOf) {
        const auto *D = dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr()));
        const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
        if (!V || isa<ParmVarDecl>(V) || !V->hasLocalStorage())
          return false;
        continue;
      }
      const auto *Ref = dyn_cast<DeclRefExpr>(Arg);
      if (!Ref || !holdsOnlyNewMemory(dyn_cast<VarDecl>(Ref->getDecl()), Stmts,
                                      Ctx, Resolver))
        return false;
    }
  }
  // A reference that is not a call's callee: the address is taken.
  return Calls > 0 && Refs == Calls;
}

} // namespace

void FieldOverwrites::compute(ASTContext &Ctx, CalleeResolver &Resolver,
                              const DestroyFunctions &Destroys) {
  if (Computed)
    return;
  Computed = true;
  const SourceManager &SM = Ctx.getSourceManager();
  const UnitStmts &Listed = unitStmts(Ctx);
  const std::vector<CodeDecl> &Code = unitCode(Ctx);
  for (size_t I = 0; I < Code.size(); ++I) {
    const FunctionDecl *FD = Code[I].function();
    if (!FD)
      continue;
    // The last thing each function did to a field of a variable's object,
    // in source order: released it (where), or stored into it.
    llvm::DenseMap<std::pair<const VarDecl *, const FieldDecl *>,
                   SourceLocation>
        Last;
    for (const Stmt *S : Listed.of(I)) {
      if (const auto *C = dyn_cast<CallExpr>(S)) {
        if (const Expr *Arg = released(C, Resolver, SM))
          if (const FieldDecl *F = fieldOf(Arg))
            if (const VarDecl *V = rootOf(Arg).first)
              Last[{V, F}] = C->getBeginLoc();
        continue;
      }
      const auto *B = dyn_cast<BinaryOperator>(S);
      if (!B || B->getOpcode() != BO_Assign)
        continue;
      const FieldDecl *F = fieldOf(B->getLHS());
      const VarDecl *V = F ? rootOf(B->getLHS()).first : nullptr;
      if (!V)
        continue;
      // A member of a union owns what it holds only under the tag that
      // says which member is live (SQLite `pOp->p4.z` when `p4type ==
      // P4_DYNAMIC`); a store into another member resets it: not followed.
      if (F->getParent()->isUnion())
        continue;
      auto It = Last.find({V, F});
      // `p->a = p->b = 0` stores NULL into both.
      const Expr *Value = B->getRHS();
      for (const auto *Chain = dyn_cast<BinaryOperator>(stripCasts(Value));
           Chain && Chain->getOpcode() == BO_Assign;
           Chain = dyn_cast<BinaryOperator>(stripCasts(Value)))
        Value = Chain->getRHS();
      // Released, then a value stored: the field is set more than once.
      // A field released and only reset to NULL (a destroy function, a
      // per-request reset) is no evidence: tried, it reported stores into
      // the fields of new per-request objects (curl per->outfile, nginx
      // h2c->state.pool, libevent req->uri_elems), none of them true.
      if (It != Last.end() && It->second.isValid() && !isNullOrZero(Value, Ctx))
        Evidence.try_emplace(F, ReleaseBeforeStore{FD, It->second});
      Last[{V, F}] = SourceLocation();
    }
  }
  // The fields each struct's destroy function frees with the object.
  for (const auto &[RD, Destroy] : Destroys) {
    const FunctionRule *R = Resolver.ruleFor(Destroy, SM);
    if (!R)
      continue;
    for (const FieldDecl *F : RD->fields())
      if (F->getType()->isPointerType() && F->getIdentifier() &&
          llvm::any_of(R->FreedFields, [&](const std::string &N) {
            return FunctionRule::freedFieldName(N) == F->getName();
          }))
        FreedWithObject.try_emplace(F->getCanonicalDecl(), Destroy);
  }
}

namespace {
/// A setter of an API by its name: `xmpp_conn_set_cafile`, `set_name`,
/// `connSetHost`, visible to other units (a static helper is called the
/// way its file decides: SQLite's sqlite3VdbeSetSql once per statement).
bool setterName(const FunctionDecl *FD) {
  if (!FD->getIdentifier() || !FD->isExternallyVisible())
    return false;
  StringRef N = FD->getName();
  if (N.contains("_set_") || compat::startsWith(N, "set_"))
    return true;
  for (size_t I = N.find("Set"); I != StringRef::npos; I = N.find("Set", I + 1))
    if (I + 3 < N.size() && isUppercase(N[I + 3]) &&
        (I == 0 || isLowercase(N[I - 1]) || N[I - 1] == '_'))
      return true;
  return false;
}
} // namespace

std::vector<BlindOverwrite>
FieldOverwrites::in(const FunctionDecl *FD, ASTContext &Ctx,
                    CalleeResolver &Resolver,
                    const OwningFields *Owning) const {
  std::vector<BlindOverwrite> Found;
  const bool Setter = (!FreedWithObject.empty() || Owning) && setterName(FD);
  if (Evidence.empty() && !Setter)
    return Found;
  auto Stmts = unitStmts(Ctx).of(FD);
  if (!Stmts)
    return Found;
  // Parameters the function assigns may point to its own new objects
  // (listed once a store into a field with evidence is met).
  std::optional<llvm::SmallPtrSet<const VarDecl *, 4>> Reassigned;
  auto IsReassigned = [&](const VarDecl *P) {
    if (!Reassigned) {
      Reassigned.emplace();
      for (const Stmt *S : *Stmts)
        if (const auto *B = dyn_cast<BinaryOperator>(S))
          if (const auto *D = dyn_cast<DeclRefExpr>(stripCasts(B->getLHS())))
            Reassigned->insert(dyn_cast<VarDecl>(D->getDecl()));
    }
    return Reassigned->count(P) != 0;
  };
  for (const Stmt *S : *Stmts) {
    const auto *B = dyn_cast<BinaryOperator>(S);
    if (!B || B->getOpcode() != BO_Assign)
      continue;
    const auto *Target = dyn_cast<MemberExpr>(stripCasts(B->getLHS()));
    const FieldDecl *F = Target ? fieldOf(Target) : nullptr;
    auto Ev = F ? Evidence.find(F) : Evidence.end();
    const FunctionDecl *Destroy = nullptr;
    bool SetterOverwrite = false;
    if (Ev == Evidence.end() && F && Setter && !F->getParent()->isUnion()) {
      if (auto D = FreedWithObject.find(F); D != FreedWithObject.end())
        Destroy = D->second;
      SetterOverwrite = Destroy || (Owning && Owning->owns(F));
    }
    if (Ev == Evidence.end() && !SetterOverwrite)
      continue;
    auto [Root, Arrow] = rootOf(Target);
    const auto *P = dyn_cast_or_null<ParmVarDecl>(Root);
    if (!P || !Arrow || IsReassigned(P))
      continue;
    const auto *Call = dyn_cast<CallExpr>(stripCasts(B->getRHS()));
    if (!Call || !Resolver.allocation(Call, Ctx))
      continue;
    if (!untouchedBefore(FD, B, Target, F, P, Ctx, Resolver) ||
        freshAtEveryCall(FD, P->getFunctionScopeIndex(), Ctx, Resolver))
      continue;
    Found.push_back(
        {B, Target, P, Call, Ev == Evidence.end() ? nullptr : &Ev->second,
         Ev == Evidence.end() ? Destroy : nullptr, Ev == Evidence.end()});
  }
  return Found;
}

} // namespace clang::tidy::alloc
