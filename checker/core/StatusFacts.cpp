//===--- StatusFacts.cpp - what a body's tests and returns say --*- C++ -*-===//

#include "StatusFacts.h"
#include "AllocationModel.h"
#include "AllocationSites.h"
#include "Compat.h"
#include "Parents.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/SmallPtrSet.h"
#include <vector>

namespace clang::tidy::alloc {

std::optional<int64_t> constantOf(const Expr *E, ASTContext &Ctx) {
  E = stripCasts(E);
  if (E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
    return 0;
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  if (std::optional<llvm::APSInt> V =
          compat::toStdOptional(E->getIntegerConstantExpr(Ctx)))
    return V->getExtValue();
  return std::nullopt;
}

std::optional<int64_t> returnedConstant(const Stmt *S, ASTContext &Ctx) {
  const auto *Ret = dyn_cast_or_null<ReturnStmt>(S);
  if (!Ret || !Ret->getRetValue())
    return std::nullopt;
  return constantOf(Ret->getRetValue(), Ctx);
}

bool refusesParam(const Stmt *Exit, const ParmVarDecl *P, ASTContext &Ctx) {
  if (!Exit)
    return false;
  const Stmt *Branch = Exit;
  DynTypedNodeList Up = parentsOf(*Exit, Ctx);
  if (Up.empty())
    return false;
  if (const auto *CS = Up[0].get<CompoundStmt>()) {
    if (CS->size() != 1)
      return false;
    Branch = CS;
    Up = parentsOf(*CS, Ctx);
    if (Up.empty())
      return false;
  }
  const auto *If = Up[0].get<IfStmt>();
  if (!If || If->getThen() != Branch || !If->getCond())
    return false;
  auto Mentions = [&](const Stmt *S) {
    std::vector<const Stmt *> Work{S};
    while (!Work.empty()) {
      const Stmt *T = Work.back();
      Work.pop_back();
      if (const auto *D = dyn_cast<DeclRefExpr>(T); D && D->getDecl() == P)
        return true;
      for (const Stmt *C : T->children())
        if (C)
          Work.push_back(C);
    }
    return false;
  };
  bool Reads = false;
  std::vector<const Stmt *> Work{If->getCond()};
  while (!Work.empty()) {
    const Stmt *T = Work.back();
    Work.pop_back();
    if (const auto *B = dyn_cast<BinaryOperator>(T); B && B->isAssignmentOp())
      return false;
    if (const auto *U = dyn_cast<UnaryOperator>(T);
        U && U->isIncrementDecrementOp())
      return false;
    if (const auto *C = dyn_cast<CallExpr>(T)) {
      const FunctionDecl *F = C->getDirectCallee();
      for (unsigned I = 0; I < C->getNumArgs(); ++I) {
        if (!Mentions(C->getArg(I)))
          continue;
        if (!F || I >= F->getNumParams())
          return false;
        QualType PT = F->getParamDecl(I)->getType();
        if (!PT->isPointerType() || !PT->getPointeeType().isConstQualified())
          return false;
      }
    }
    if (const auto *D = dyn_cast<DeclRefExpr>(T); D && D->getDecl() == P)
      Reads = true;
    for (const Stmt *C : T->children())
      if (C)
        Work.push_back(C);
  }
  return Reads;
}

bool neverPositive(const FunctionDecl *FD, ASTContext &Ctx,
                   CalleeResolver &Resolver) {
  QualType RT = FD->getReturnType();
  if (!FD->hasBody() || !RT->isIntegerType() || RT->isBooleanType() ||
      !RT->isSignedIntegerType())
    return false;
  auto Var = [](const Expr *E) -> const VarDecl * {
    const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
  };
  auto NonPositive = [&](const Expr *E) {
    if (!E || E->isValueDependent())
      return false;
    if (std::optional<llvm::APSInt> C =
            compat::toStdOptional(E->getIntegerConstantExpr(Ctx)))
      return C->getExtValue() <= 0;
    return false;
  };
  // The variable `if (V < C)`, C <= 0 (or `V <= C`, C < 0), tests negative.
  auto NegativeTest = [&](const Expr *Cond) -> const VarDecl * {
    const auto *B =
        dyn_cast_or_null<BinaryOperator>(Cond ? stripCasts(Cond) : nullptr);
    if (!B)
      return nullptr;
    std::optional<llvm::APSInt> C =
        compat::toStdOptional(B->getRHS()->getIntegerConstantExpr(Ctx));
    if (!C || !((B->getOpcode() == BO_LT && C->getExtValue() <= 0) ||
                (B->getOpcode() == BO_LE && C->getExtValue() < 0)))
      return nullptr;
    return Var(B->getLHS());
  };
  // Each return, with the variable the branch holding it (directly, or in
  // its braces) tested negative.
  std::vector<std::pair<const ReturnStmt *, const VarDecl *>> Returns;
  llvm::SmallPtrSet<const VarDecl *, 8> Changed;
  std::vector<std::pair<const Stmt *, const VarDecl *>> Work{
      {FD->getBody(), nullptr}};
  while (!Work.empty()) {
    auto [S, Negative] = Work.back();
    Work.pop_back();
    if (const auto *R = dyn_cast<ReturnStmt>(S))
      Returns.push_back({R, Negative});
    if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp())
      if (const VarDecl *V = Var(B->getLHS()))
        Changed.insert(V);
    if (const auto *U = dyn_cast<UnaryOperator>(S);
        U && (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf))
      if (const VarDecl *V = Var(U->getSubExpr()))
        Changed.insert(V);
    const auto *If = dyn_cast<IfStmt>(S);
    const VarDecl *Tested = If ? NegativeTest(If->getCond()) : nullptr;
    for (const Stmt *C : S->children()) {
      if (!C)
        continue;
      if (If && C == If->getThen())
        Work.push_back({C, Tested});
      else if (isa<CompoundStmt>(S) && isa<ReturnStmt>(C))
        Work.push_back({C, Negative});
      else
        Work.push_back({C, nullptr});
    }
  }
  if (Returns.empty())
    return false;
  for (const auto &[R, Negative] : Returns) {
    const Expr *E = R->getRetValue();
    if (!E)
      return false;
    E = stripCasts(E);
    if (NonPositive(E))
      continue;
    if (const VarDecl *V = Var(E)) {
      if (!V->hasLocalStorage() || isa<ParmVarDecl>(V))
        return false;
      if (V == Negative)
        continue;
      if (!Changed.count(V) && V->getInit() &&
          NonPositive(stripCasts(V->getInit())))
        continue;
      return false;
    }
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      const FunctionRule *F = Resolver.ruleForCall(C, Ctx.getSourceManager());
      if (F && F->NeverPositive && !F->Pending)
        continue;
    }
    return false;
  }
  return true;
}

std::optional<int64_t> allocationFailureValue(const FunctionDecl *FD,
                                              ASTContext &Ctx,
                                              CalleeResolver &Resolver) {
  const Stmt *Body = FD->getBody();
  std::optional<llvm::ArrayRef<const Stmt *>> Stmts = unitStmts(Ctx).of(FD);
  if (!Body || !Stmts)
    return std::nullopt;
  // The variable an `if` tests for NULL (`!p`, `p == NULL`, `NULL == p`).
  auto NullTested = [&](const Expr *Cond) -> const VarDecl * {
    const Expr *X = nullTested(Cond, Ctx);
    const auto *D = X ? dyn_cast<DeclRefExpr>(X) : nullptr;
    const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
    return V && V->hasLocalStorage() && !isa<ParmVarDecl>(V) &&
                   V->getType()->isPointerType()
               ? V
               : nullptr;
  };
  std::optional<int64_t> Found;
  bool Conflict = false;
  forEachStmtIn(Body, [&](const Stmt *S) {
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || !If->getCond())
      return true;
    const VarDecl *V = NullTested(If->getCond());
    if (!V || !holdsOnlyNewMemory(V, *Stmts, Ctx, Resolver))
      return true;
    const Stmt *Then = If->getThen();
    if (const auto *CS = dyn_cast_or_null<CompoundStmt>(Then))
      Then = CS->body_empty() ? nullptr : CS->body_back();
    std::optional<int64_t> K = returnedConstant(Then, Ctx);
    if (!K)
      return true;
    Conflict |= Found && *Found != *K;
    Found = K;
    return !Conflict;
  });
  if (Conflict)
    return std::nullopt;
  return Found;
}

const ReturnStmt *successReturn(const CompoundStmt *Body) {
  if (Body->body_empty())
    return nullptr;
  const auto *Last = dyn_cast<ReturnStmt>(Body->body_back());
  if (!Last)
    return nullptr;
  llvm::ArrayRef<Stmt *> Stmts(Body->body_begin(), Body->size());
  for (size_t I = Stmts.size() - 1; I-- > 1;) {
    if (isa<ReturnStmt>(Stmts[I]))
      break; // a return after the labels: not one epilogue
    if (isa<LabelStmt>(Stmts[I]))
      if (const auto *Before = dyn_cast<ReturnStmt>(Stmts[I - 1]))
        return Before;
  }
  return Last;
}

} // namespace clang::tidy::alloc
