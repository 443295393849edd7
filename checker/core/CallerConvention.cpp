//===--- CallerConvention.cpp - what callers do after a call fails --------===//

#include "CallerConvention.h"
#include "AllocationModel.h"
#include "AllocationSites.h"
#include "Compat.h"
#include "Parents.h"
#include "StatusFacts.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace clang::tidy::alloc {

namespace {

/// The calls of the unit by callee, listed once per unit.
struct Callers {
  const ASTContext *Ctx = nullptr;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<CallSite, 4>> Calls;
  llvm::DenseSet<const FunctionDecl *> Taken;
};

thread_local Callers Current;

void forget(void *P) {
  if (Current.Ctx == P)
    Current = Callers();
}

const Callers &unitCallers(ASTContext &Ctx) {
  if (Current.Ctx == &Ctx)
    return Current;
  Current = Callers();
  Current.Ctx = &Ctx;
  Ctx.AddDeallocation(forget, &Ctx);
  const std::vector<CodeDecl> &Code = unitCode(Ctx);
  const UnitStmts &U = unitStmts(Ctx);
  llvm::DenseSet<const DeclRefExpr *> CalleeRefs;
  for (size_t I = 0; I < Code.size(); ++I)
    // Parents first: a call comes before the name of its callee.
    for (const Stmt *S : U.of(I)) {
      if (const auto *C = dyn_cast<CallExpr>(S)) {
        const auto *D =
            dyn_cast<DeclRefExpr>(C->getCallee()->IgnoreParenImpCasts());
        const auto *F = D ? dyn_cast<FunctionDecl>(D->getDecl()) : nullptr;
        if (!F)
          continue;
        CalleeRefs.insert(D);
        Current.Calls[F->getCanonicalDecl()].push_back({C, Code[I].function()});
      } else if (const auto *D = dyn_cast<DeclRefExpr>(S)) {
        if (const auto *F = dyn_cast<FunctionDecl>(D->getDecl());
            F && !CalleeRefs.contains(D))
          Current.Taken.insert(F->getCanonicalDecl());
      }
    }
  return Current;
}

/// A value a call may return: a constant, or a pointer known not NULL.
struct Value {
  std::optional<int64_t> X;
  bool NonNull = false;
};

/// True if \p E stands for the result of \p Call: the call, an assignment
/// of it, or the variable \p Var it was stored into.
bool isResult(const Expr *E, const CallExpr *Call, const VarDecl *Var) {
  E = stripCasts(E);
  if (E == Call)
    return true;
  if (const auto *B = dyn_cast<BinaryOperator>(E);
      B && B->getOpcode() == BO_Assign)
    return isResult(B->getRHS(), Call, Var);
  const auto *D = dyn_cast<DeclRefExpr>(E);
  return Var && D && D->getDecl() == Var;
}

/// Whether the test \p E holds when the call's result is \p V; nothing
/// when it depends on more than the result.
std::optional<bool> truth(const Expr *E, const CallExpr *Call,
                          const VarDecl *Var, Value V, ASTContext &Ctx) {
  E = stripCasts(E);
  if (isResult(E, Call, Var)) {
    if (V.X)
      return *V.X != 0;
    if (V.NonNull)
      return true;
    return std::nullopt;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_LNot) {
    std::optional<bool> T = truth(U->getSubExpr(), Call, Var, V, Ctx);
    return T ? std::optional<bool>(!*T) : std::nullopt;
  }
  const auto *B = dyn_cast<BinaryOperator>(E);
  if (!B)
    return std::nullopt;
  if (B->isLogicalOp()) {
    std::optional<bool> L = truth(B->getLHS(), Call, Var, V, Ctx),
                        R = truth(B->getRHS(), Call, Var, V, Ctx);
    const bool Or = B->getOpcode() == BO_LOr;
    if (L == Or || R == Or)
      return Or;
    if (L && R)
      return !Or;
    return std::nullopt;
  }
  if (!B->isComparisonOp())
    return std::nullopt;
  const Expr *Other = nullptr;
  BinaryOperatorKind Op = B->getOpcode();
  if (isResult(B->getLHS(), Call, Var)) {
    Other = B->getRHS();
  } else if (isResult(B->getRHS(), Call, Var)) {
    Other = B->getLHS();
    Op = BinaryOperator::reverseComparisonOp(Op);
  }
  std::optional<int64_t> C = Other ? constantOf(Other, Ctx) : std::nullopt;
  if (!C)
    return std::nullopt;
  if (!V.X) {
    if (V.NonNull && *C == 0 && (Op == BO_EQ || Op == BO_NE))
      return Op == BO_NE;
    return std::nullopt;
  }
  int64_t X = *V.X;
  switch (Op) {
  case BO_EQ:
    return X == *C;
  case BO_NE:
    return X != *C;
  case BO_LT:
    return X < *C;
  case BO_LE:
    return X <= *C;
  case BO_GT:
    return X > *C;
  case BO_GE:
    return X >= *C;
  default:
    return std::nullopt;
  }
}

/// The statement after \p S in the compound statement holding it, up to
/// \p Max statements on, that first mentions \p Var; null if none does.
const Stmt *nextMention(const Stmt *S, const VarDecl *Var, unsigned Max,
                        ASTContext &Ctx) {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(parentStmt(*S, Ctx));
  if (!Block)
    return nullptr;
  const auto *It = llvm::find(Block->body(), S);
  if (It == Block->body_end())
    return nullptr;
  for (++It; It != Block->body_end() && Max--; ++It)
    if (mentions(*It, {Var}))
      return *It;
  return nullptr;
}

/// Where a failed \p Call leads its caller: the branch of the test of its
/// result that a failure takes.  Null when the result is not tested right
/// there (returned, ignored, kept for later) or the test does not tell a
/// failure from a success.
const Stmt *failureBranch(const CallExpr *Call, const ReturnClasses &Classes,
                          ASTContext &Ctx) {
  const Stmt *Up = Call;
  // Up through the test's operators: `!(z = f(...))`, `f(...) < 0`.
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    const Stmt *P = parentStmt(*Up, Ctx);
    if (!P || !isa<ParenExpr, ImplicitCastExpr, CStyleCastExpr, UnaryOperator,
                   BinaryOperator>(P))
      break;
    if (const auto *U = dyn_cast<UnaryOperator>(P);
        U && U->getOpcode() != UO_LNot)
      break;
    if (const auto *B = dyn_cast<BinaryOperator>(P)) {
      if (!B->isComparisonOp() && !B->isLogicalOp() &&
          !(B->getOpcode() == BO_Assign && B->getRHS() == Up))
        break;
    }
    Up = P;
  }
  const IfStmt *If = nullptr;
  const VarDecl *Var = nullptr;
  DynTypedNodeList Ps = parentsOf(*Up, Ctx);
  if (Ps.empty())
    return nullptr;
  if (const auto *I = Ps[0].get<IfStmt>(); I && I->getCond() == Up) {
    If = I;
  } else if (const auto *VD = Ps[0].get<VarDecl>(); VD && Up == Call) {
    // `struct zone *z = f(...); if (!z) ...`
    DynTypedNodeList Ds = parentsOf(*VD, Ctx);
    const auto *DS = Ds.empty() ? nullptr : Ds[0].get<DeclStmt>();
    const Stmt *Next = DS ? nextMention(DS, VD, 3, Ctx) : nullptr;
    If = dyn_cast_or_null<IfStmt>(Next);
    Var = VD;
  } else if (const auto *B = dyn_cast<BinaryOperator>(Up);
             B && B->getOpcode() == BO_Assign && Ps[0].get<CompoundStmt>()) {
    // `z = f(...); if (z == NULL) ...`
    if (const auto *D = dyn_cast<DeclRefExpr>(stripCasts(B->getLHS())))
      if (const auto *VD = dyn_cast<VarDecl>(D->getDecl())) {
        If = dyn_cast_or_null<IfStmt>(nextMention(B, VD, 3, Ctx));
        Var = VD;
      }
  }
  if (!If || !If->getCond())
    return nullptr;
  if (Var && !isResult(stripCasts(If->getCond()), Call, Var) &&
      !mentions(If->getCond(), {Var}))
    return nullptr;
  std::optional<bool> Fails;
  for (int64_t F : Classes.Fail) {
    std::optional<bool> T = truth(If->getCond(), Call, Var, {F, false}, Ctx);
    if (!T || (Fails && *Fails != *T))
      return nullptr;
    Fails = T;
  }
  if (!Fails)
    return nullptr;
  std::vector<Value> Ok;
  for (int64_t O : Classes.Ok)
    Ok.push_back({O, false});
  if (Classes.OkNonNull)
    Ok.push_back({std::nullopt, true});
  for (const Value &O : Ok)
    if (truth(If->getCond(), Call, Var, O, Ctx) == Fails)
      return nullptr; // a success takes the same branch
  return *Fails ? If->getThen() : If->getElse();
}

/// The statements from label \p L on to the first return after it.
bool labelTailMentions(const LabelStmt *L, const VarDecl *V, ASTContext &Ctx) {
  const auto *Block = dyn_cast_or_null<CompoundStmt>(parentStmt(*L, Ctx));
  if (!Block)
    return true; // not followed: count it as a use
  for (const auto *It = llvm::find(Block->body(), L); It != Block->body_end();
       ++It) {
    if (mentions(*It, {V}))
      return true;
    if (isa<ReturnStmt>(*It))
      break;
  }
  return false;
}

enum class Verdict { Unknown, ForGood, Kept };

/// What the failure branch \p Branch of a caller does with the variable
/// \p V it passed: frees or otherwise uses it (on the branch, or after the
/// label it jumps to), or leaves the function without naming it.
Verdict onFailure(const Stmt *Branch, const VarDecl *V, ASTContext &Ctx) {
  if (mentions(Branch, {V}))
    return Verdict::Kept;
  bool Kept = false;
  forEachStmtIn(Branch, [&](const Stmt *S) {
    if (const auto *G = dyn_cast<GotoStmt>(S))
      Kept |= !G->getLabel()->getStmt() ||
              labelTailMentions(G->getLabel()->getStmt(), V, Ctx);
    return !Kept;
  });
  if (Kept)
    return Verdict::Kept;
  const Stmt *Last = Branch;
  if (const auto *CS = dyn_cast<CompoundStmt>(Branch))
    Last = CS->body_empty() ? nullptr : CS->body_back();
  return isa_and_nonnull<ReturnStmt, GotoStmt>(Last) ? Verdict::ForGood
                                                     : Verdict::Unknown;
}

} // namespace

llvm::ArrayRef<CallSite> callsOf(const FunctionDecl *FD, ASTContext &Ctx) {
  const Callers &C = unitCallers(Ctx);
  auto It = C.Calls.find(FD->getCanonicalDecl());
  if (It == C.Calls.end())
    return {};
  return It->second;
}

bool addressTaken(const FunctionDecl *FD, ASTContext &Ctx) {
  return unitCallers(Ctx).Taken.contains(FD->getCanonicalDecl());
}

HandOver callersHandOver(const FunctionDecl *FD, unsigned Index,
                         const ReturnClasses &Classes, ASTContext &Ctx,
                         CalleeResolver &Resolver) {
  HandOver Found;
  for (const CallSite &S : callsOf(FD, Ctx)) {
    if (Index >= S.Call->getNumArgs() || !S.Caller)
      continue;
    const Expr *Arg = stripCasts(S.Call->getArg(Index));
    Verdict V = Verdict::Unknown;
    if (const auto *A = dyn_cast<CallExpr>(Arg)) {
      // `f(list, strdup(s))`: the caller keeps no name for it.
      if (Resolver.allocation(A, Ctx))
        V = Verdict::ForGood;
    } else if (const auto *D = dyn_cast<DeclRefExpr>(Arg)) {
      // A local the caller filled; not its own parameter, which it may
      // only borrow (ioto dbCreate hands its `props` on to setup).
      const auto *Var = dyn_cast<VarDecl>(D->getDecl());
      if (Var && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var))
        if (const Stmt *Branch = failureBranch(S.Call, Classes, Ctx))
          V = onFailure(Branch, Var, Ctx);
    }
    if (V == Verdict::Kept)
      return {};
    if (V == Verdict::ForGood && !Found.ForGood)
      Found = {S.Call, S.Caller};
  }
  return Found;
}

} // namespace clang::tidy::alloc
