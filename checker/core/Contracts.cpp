//===--- Contracts.cpp - ownership contracts of the user's own API --------===//

#include "Contracts.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::alloc {

namespace {

/// A store's target, for messages: a place, "*p", "p[...]", or what it is.
std::string spell(const Expr *E, const ASTContext &Ctx) {
  E = stripCasts(E);
  std::string Place = spellPlace(E);
  if (!Place.empty())
    return Place;
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    if (U->getOpcode() == UO_Deref)
      return "*" + spell(U->getSubExpr(), Ctx);
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return spell(AS->getBase(), Ctx) + "[...]";
  return "memory outside the function";
}

/// Finds what the body does with each pointer parameter.
class Evidence : public RecursiveASTVisitor<Evidence> {
public:
  Evidence(const FunctionDecl *FD, ASTContext &Ctx, CalleeResolver &R,
           std::vector<ParamContract> &Params)
      : Ctx(Ctx), Resolver(R) {
    for (ParamContract &P : Params)
      Of[P.Param] = &P;
  }

  bool VisitDeclStmt(DeclStmt *DS) {
    for (Decl *D : DS->decls())
      if (auto *VD = dyn_cast<VarDecl>(D))
        if (VD->hasLocalStorage() && VD->getInit()) {
          if (ParamContract *P = paramOf(VD->getInit()))
            Of[VD] = P; // a local alias of the parameter
          noteFieldAddress(VD, VD->getInit());
        }
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() != BO_Assign)
      return true;
    markOutParam(BO->getLHS());
    if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(BO->getLHS())))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        noteFieldAddress(VD, BO->getRHS());
    ParamContract *P = paramOf(BO->getRHS());
    if (!P)
      return true;
    const Expr *L = stripCasts(BO->getLHS());
    // `*out = p` through a `T **` parameter hands the pointer back to the
    // caller (curl Curl_splaygetbest's `*removed = t`): nothing is kept.
    const FieldDecl *Through = nullptr;
    if (const auto *U = dyn_cast<UnaryOperator>(L);
        U && U->getOpcode() == UO_Deref)
      if (const auto *D = dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr()))) {
        if (const auto *PV = dyn_cast<ParmVarDecl>(D->getDecl());
            PV && PV->getType()->isPointerType() &&
            PV->getType()->getPointeeType()->isPointerType())
          return true;
        // `root = &tree->root; ... *root = node;` (nginx ngx_rbtree_insert):
        // a store into that field.
        if (const auto *VD = dyn_cast<VarDecl>(D->getDecl()))
          Through = FieldAddress.lookup(VD);
      }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasLocalStorage()) {
          Of[VD] = P;
          return true;
        }
    // A member of a local structure (cJSON cJSON_PrintPreallocated: `p.buffer
    // = buf`, a print buffer on the stack that does not outlive the call):
    // kept no longer than a local variable.
    if (const auto *ME = dyn_cast<MemberExpr>(L); ME && !ME->isArrow())
      if (const auto *B = dyn_cast<DeclRefExpr>(stripCasts(ME->getBase())))
        if (const auto *VD = dyn_cast<VarDecl>(B->getDecl());
            VD && VD->hasLocalStorage() && !isa<ParmVarDecl>(VD))
          return true;
    // A 'void *' kept in a field is a context pointer handed back to a
    // callback, not memory the callee will free (sqlite3_set_authorizer's
    // pArg): keeping it is not taking it.
    if (P->Param->getType()->getPointeeType()->isVoidType())
      return true;
    if (P->Contract != ArgContract::Takes) {
      if (const auto *ME = dyn_cast<MemberExpr>(L))
        P->StoredField = dyn_cast<FieldDecl>(ME->getMemberDecl());
      else if (Through)
        P->StoredField = Through;
      else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(L))
        if (const auto *ME = dyn_cast<MemberExpr>(stripCasts(AS->getBase()))) {
          P->StoredField = dyn_cast<FieldDecl>(ME->getMemberDecl());
          P->StoredElement = P->StoredField != nullptr;
        }
    }
    take(*P, BO->getExprLoc(), "stored into '" + spell(L, Ctx) + "'", false);
    return true;
  }

  bool VisitCallExpr(CallExpr *Call) {
    const FunctionRule *R = Resolver.ruleForCall(Call, Ctx.getSourceManager());
    if (!R)
      return true;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      ParamContract *P = paramOf(Call->getArg(I));
      if (!P)
        continue;
      if (R->FreeArg == I)
        take(*P, Call->getBeginLoc(), "freed by '" + R->Name + "'", true);
      else if (R->releases(I))
        take(*P, Call->getBeginLoc(),
             "handed to '" + R->Name + "', which keeps it", false);
      else if (R->argContract(I) == ArgContract::Copies &&
               P->Contract == ArgContract::Borrows) {
        P->Contract = ArgContract::Copies;
        P->Evidence = Call->getBeginLoc();
        P->How = "duplicated by '" + R->Name + "'";
      }
    }
    return true;
  }

private:
  /// `*out = ...` through a parameter of type 'T **': an out-parameter,
  /// which hands memory back rather than receiving a value.
  void markOutParam(const Expr *L) {
    const auto *U = dyn_cast<UnaryOperator>(stripCasts(L));
    if (!U || U->getOpcode() != UO_Deref)
      return;
    const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr()));
    const auto *PVD = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (!PVD || !PVD->getType()->isPointerType() ||
        !PVD->getType()->getPointeeType()->isPointerType())
      return;
    auto It = Of.find(PVD);
    if (It != Of.end())
      It->second->OutParam = true;
  }
  /// `v = &x->f`: v points at field f (until reassigned otherwise).
  void noteFieldAddress(const VarDecl *V, const Expr *RHS) {
    if (!V->hasLocalStorage())
      return;
    const FieldDecl *F = nullptr;
    if (const auto *U = dyn_cast<UnaryOperator>(stripCasts(RHS));
        U && U->getOpcode() == UO_AddrOf)
      if (const auto *ME = dyn_cast<MemberExpr>(stripCasts(U->getSubExpr())))
        F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (F)
      FieldAddress[V] = F;
    else
      FieldAddress.erase(V);
  }
  ParamContract *paramOf(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(E));
    if (!DRE)
      return nullptr;
    auto It = Of.find(DRE->getDecl());
    return It == Of.end() ? nullptr : It->second;
  }
  void take(ParamContract &P, SourceLocation L, std::string How, bool Frees) {
    if (P.Contract == ArgContract::Takes)
      return;
    P.Contract = ArgContract::Takes;
    P.Evidence = L;
    P.How = std::move(How);
    P.Frees = Frees;
  }

  ASTContext &Ctx;
  CalleeResolver &Resolver;
  llvm::DenseMap<const Decl *, ParamContract *> Of;
  llvm::DenseMap<const VarDecl *, const FieldDecl *> FieldAddress;
};

} // namespace

FunctionContract inferContract(const FunctionDecl *FD, ASTContext &Ctx,
                               CalleeResolver &Resolver,
                               const JustificationIndex *Index) {
  FunctionContract C;
  C.FD = FD;
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    // Function pointers (callbacks) are not memory anyone frees.
    if (!P->getType()->isPointerType() || P->getType()->isFunctionPointerType())
      continue;
    ParamContract PC;
    PC.Param = P;
    PC.Index = I;
    C.Params.push_back(PC);
  }
  if (C.Params.empty())
    return C;
  if (FD->hasBody()) {
    Evidence E(FD, Ctx, Resolver, C.Params);
    E.TraverseStmt(FD->getBody());
  }
  // Declarations win: attributes on any redeclaration, and contract
  // comments on the definition or a prior declaration (a header).
  const SourceManager &SM = Ctx.getSourceManager();
  for (const FunctionDecl *D : FD->redecls()) {
    for (const auto *O : D->specific_attrs<OwnershipAttr>()) {
      if (O->getOwnKind() == OwnershipAttr::Returns)
        continue;
      for (const ParamIdx &I : O->args())
        for (ParamContract &P : C.Params)
          if (P.Index == I.getASTIndex()) {
            P.Contract = ArgContract::Takes;
            P.Explicit = true;
            P.How = O->getOwnKind() == OwnershipAttr::Takes
                        ? "declared ownership_takes"
                        : "declared ownership_holds";
          }
    }
    if (!Index)
      continue;
    if (const Justification *J = Index->findContract(D->getLocation(), SM))
      for (const DeclaredContract &DC : J->Contracts)
        for (ParamContract &P : C.Params)
          if (P.Param->getName() == DC.Param ||
              (D != FD && D->getParamDecl(P.Index)->getName() == DC.Param)) {
            P.Contract = DC.Kind == "takes"    ? ArgContract::Takes
                         : DC.Kind == "copies" ? ArgContract::Copies
                                               : ArgContract::Borrows;
            P.Explicit = true;
            P.How = "declared '" + DC.Kind + "' in a contract comment";
          }
  }
  return C;
}

std::string familyKey(const FunctionDecl *FD) {
  // An API's families: functions other files call.  A file's static
  // helpers share a prefix ("prv_", "do_") without sharing a convention.
  if (!FD->getIdentifier() || FD->getNumParams() < 2 ||
      !FD->isExternallyVisible())
    return "";
  StringRef Name = FD->getName();
  size_t Cut = Name.rfind('_');
  if (Cut == StringRef::npos || Cut == 0 || Cut + 1 == Name.size() ||
      Name.take_front(Cut).trim('_').empty())
    return "";
  QualType First = FD->getParamDecl(0)->getType();
  if (!First->isPointerType())
    return "";
  return (Name.take_front(Cut + 1) + "\x1f" +
          First->getPointeeType()
              .getCanonicalType()
              .getUnqualifiedType()
              .getAsString())
      .str();
}

llvm::StringRef familyPrefix(llvm::StringRef Key) {
  return Key.split('\x1f').first;
}

} // namespace clang::tidy::alloc
