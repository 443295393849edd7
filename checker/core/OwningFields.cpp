//===--- OwningFields.cpp - which struct fields own what they point to ----===//

#include "OwningFields.h"
#include "AllocationModel.h"
#include "AllocationSites.h"
#include "Parents.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

namespace clang::tidy::alloc {
namespace {

const FieldDecl *fieldOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      return F->getCanonicalDecl();
  return nullptr;
}

/// The indexes of \p FD's parameters its body hands to a deallocator.
llvm::SmallVector<unsigned, 2> freedParams(const FunctionDecl *FD,
                                           CalleeResolver &Resolver,
                                           const SourceManager &SM);

/// `x->f[i]`: the field whose elements E is one of.
const FieldDecl *elementFieldOf(const Expr *E) {
  const auto *AS = dyn_cast<ArraySubscriptExpr>(E->IgnoreParenImpCasts());
  return AS ? fieldOf(AS->getBase()) : nullptr;
}

class Scan {
public:
  Scan(ASTContext &Ctx, CalleeResolver &R, const AllocationModel *External,
       llvm::DenseSet<const FieldDecl *> &Out,
       llvm::DenseSet<const FieldDecl *> &Maybe,
       llvm::DenseSet<const FieldDecl *> &Elements)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Resolver(R),
        External(External), Out(Out), Maybe(Maybe), Elements(Elements) {}

  /// One statement of the unit's code (see unitStmts): an assignment, a
  /// call, or the variables a declaration statement declares.
  void visit(Stmt *S) { visitCallOrStore(S, *this); }

  /// p = x->next; ... free(p): a list walked and freed through a local.
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_Assign)
      loaded(B->getLHS(), B->getRHS());
    return true;
  }
  bool VisitVarDecl(VarDecl *V) {
    if (V->getInit())
      loadedInto(V, V->getInit());
    return true;
  }

  bool VisitCallExpr(CallExpr *C) {
    const FunctionDecl *Callee = C->getDirectCallee();
    // Through a hook initialised with a function (cJSON
    // `p->hooks.deallocate(p->buffer)`, global_hooks holding internal_free):
    // as a call of that function.
    if (!Callee)
      if (std::optional<HookTarget> T = Resolver.hookOf(C->getCallee()))
        Callee = hookInitialiser(*T);
    if (!Callee) {
      hooked(C);
      return true;
    }
    const FunctionRule *R = Resolver.declaredRule(Callee, SM);
    if (!R && External && Callee->getIdentifier())
      R = External->lookup(Callee->getName());
    for (unsigned I = 0; I < C->getNumArgs(); ++I) {
      const FieldDecl *F = fieldOf(C->getArg(I));
      const FieldDecl *EF = F ? nullptr : elementFieldOf(C->getArg(I));
      const VarDecl *Local = nullptr;
      if (!F && EF) {
        // Handed to something that may free it: as good as freed here.
        if (freesArg(Callee, R, I) || !R || R->Pending ||
            (R->Inferred && R->argContract(I) == ArgContract::Unspecified))
          Elements.insert(EF);
        continue;
      }
      if (!F) {
        const auto *DRE =
            dyn_cast<DeclRefExpr>(C->getArg(I)->IgnoreParenImpCasts());
        Local = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
        if (!Local || !Local->hasLocalStorage())
          continue;
      }
      bool Frees = freesArg(Callee, R, I);
      if (!Frees && (!R || R->Pending))
        Frees = macroFreedArg(C) == I;
      // `zfree(c->argv)` with zfree in another unit, while the units are
      // summarised one by one (redis networking.c): it may free the field.
      if (!Frees && F && !R && Resolver.pending() &&
          !Callee->getDefinition())
        Maybe.insert(F);
      // Handed to another unit's function whose body no summary could
      // settle (libevent `bufferevent_free(conn->bev)`, which drops a
      // reference and frees on the last): it may free the field too.
      if (!Frees && F && !Callee->getDefinition() &&
          (!R || (R->Inferred && R->FreeArg != I &&
                  R->argContract(I) == ArgContract::Unspecified)) &&
          !SM.isInSystemHeader(SM.getFileLoc(Callee->getLocation())) &&
          I < Callee->getNumParams() &&
          Callee->getParamDecl(I)->getType()->isPointerType() &&
          !Callee->getParamDecl(I)->getType()->getPointeeType().isConstQualified())
        Maybe.insert(F);
      if (!Frees)
        continue;
      if (F)
        Out.insert(F);
      else
        FreedLocals.insert(Local);
    }
    return true;
  }

private:
  /// True if \p Callee (its rule \p R, or else its body in this unit)
  /// frees or takes its argument \p I.
  bool freesArg(const FunctionDecl *Callee, const FunctionRule *R,
                unsigned I) {
    if (R)
      return R->FreeArg == I || R->argContract(I) == ArgContract::Takes;
    const FunctionDecl *Def = Callee->getDefinition();
    if (!Def)
      return false;
    auto [It, New] = FreedParamsOf.try_emplace(Def);
    if (New)
      It->second = freedParams(Def, Resolver, SM);
    return llvm::is_contained(It->second, I);
  }

  /// A field handed alone to a function pointer returning nothing (a
  /// list's destructor callback, c-ares `list->destruct(node->data)`):
  /// whatever the hook is, it may free what the field holds.  Not the
  /// context pointer of a callback (`bev->readcb(bev, bev->cbarg)`), which
  /// the user's function reads.
  void hooked(const CallExpr *C) {
    if (C->getNumArgs() != 1 || !C->getType()->isVoidType())
      return;
    QualType FT = C->getCallee()->IgnoreParenImpCasts()->getType();
    if (FT->isPointerType())
      FT = FT->getPointeeType();
    const auto *Proto = FT->getAs<FunctionProtoType>();
    const FieldDecl *F = fieldOf(C->getArg(0));
    if (!F)
      return;
    QualType T = Proto && Proto->getNumParams() == 1
                     ? Proto->getParamType(0)
                     : C->getArg(0)->IgnoreParenImpCasts()->getType();
    if (T->isPointerType() && !T->getPointeeType().isConstQualified())
      Maybe.insert(F);
  }

  /// `#define free(p) myfree(__FILE__, __LINE__, p)` (a debugging heap,
  /// paho.mqtt.c's Heap.h): a call spelt as a deallocator of the rules
  /// frees the one argument written at the call, whatever the function the
  /// macro expands to (its body may be in another unit).
  std::optional<unsigned> macroFreedArg(const CallExpr *C) {
    SourceLocation B = C->getBeginLoc();
    if (!B.isMacroID() || !SM.isAtStartOfImmediateMacroExpansion(B))
      return std::nullopt;
    StringRef Macro =
        Lexer::getImmediateMacroName(B, SM, Ctx.getLangOpts());
    const FunctionRule *D = Resolver.model().lookup(Macro);
    if (!D || D->FreeArg != 0u || D->allocates())
      return std::nullopt;
    std::optional<unsigned> Written;
    for (unsigned I = 0; I < C->getNumArgs(); ++I)
      if (SM.isMacroArgExpansion(
              C->getArg(I)->IgnoreParenImpCasts()->getBeginLoc())) {
        if (Written)
          return std::nullopt;
        Written = I;
      }
    return Written;
  }

  void loaded(const Expr *LHS, const Expr *RHS) {
    const auto *DRE = dyn_cast<DeclRefExpr>(LHS->IgnoreParenImpCasts());
    if (const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr)
      loadedInto(V, RHS);
  }
  void loadedInto(const VarDecl *V, const Expr *RHS) {
    if (!V->hasLocalStorage())
      return;
    if (const FieldDecl *F = fieldOf(RHS)) {
      Loaded[V].push_back(F);
      return;
    }
    if (const FieldDecl *F = elementFieldOf(RHS)) {
      LoadedElements[V].push_back(F);
      return;
    }
    const auto *From = dyn_cast<DeclRefExpr>(RHS->IgnoreParenImpCasts());
    if (const auto *W = From ? dyn_cast<VarDecl>(From->getDecl()) : nullptr)
      if (W->hasLocalStorage())
        Copies.push_back({W, V});
  }

public:
  /// After the walk: the fields loaded into a freed local, following
  /// copies between locals backwards (next = p->next; free(p); p = next).
  void finish() {
    llvm::SmallVector<const VarDecl *, 16> Work(FreedLocals.begin(),
                                                FreedLocals.end());
    llvm::DenseSet<const VarDecl *> Seen(FreedLocals.begin(),
                                         FreedLocals.end());
    while (!Work.empty()) {
      const VarDecl *V = Work.pop_back_val();
      for (const FieldDecl *F : Loaded.lookup(V))
        Out.insert(F);
      for (const FieldDecl *F : LoadedElements.lookup(V))
        Elements.insert(F);
      for (const auto &[From, To] : Copies)
        if (To == V && Seen.insert(From).second)
          Work.push_back(From);
    }
  }

private:

  ASTContext &Ctx;
  const SourceManager &SM;
  CalleeResolver &Resolver;
  const AllocationModel *External;
  llvm::DenseSet<const FieldDecl *> &Out;
  llvm::DenseSet<const FieldDecl *> &Maybe;
  llvm::DenseSet<const FieldDecl *> &Elements;
  /// The fields each local variable was loaded from, anywhere in the unit
  /// (and the fields whose elements it was loaded from).
  llvm::DenseMap<const VarDecl *, llvm::SmallVector<const FieldDecl *, 2>>
      Loaded, LoadedElements;
  llvm::DenseSet<const VarDecl *> FreedLocals;
  /// freedParams() of each callee defined in the unit, once.
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<unsigned, 2>>
      FreedParamsOf;
  std::vector<std::pair<const VarDecl *, const VarDecl *>> Copies;
};

llvm::SmallVector<unsigned, 2> freedParams(const FunctionDecl *FD,
                                           CalleeResolver &Resolver,
                                           const SourceManager &SM) {
  llvm::SmallVector<unsigned, 2> Freed;
  auto Visit = [&](const Stmt *S) {
    const auto *C = dyn_cast<CallExpr>(S);
    const FunctionDecl *Callee = C ? C->getDirectCallee() : nullptr;
    const FunctionRule *R = Callee ? Resolver.declaredRule(Callee, SM) : nullptr;
    if (!R || !R->FreeArg || *R->FreeArg >= C->getNumArgs())
      return;
    const auto *DRE =
        dyn_cast<DeclRefExpr>(C->getArg(*R->FreeArg)->IgnoreParenImpCasts());
    if (const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr)
      if (P->getDeclContext() == FD)
        Freed.push_back(P->getFunctionScopeIndex());
  };
  // The user's functions' calls are listed already; a system header's are
  // walked.
  if (std::optional<llvm::ArrayRef<const Stmt *>> Listed =
          unitStmts(FD->getASTContext()).of(FD)) {
    for (const Stmt *S : *Listed)
      Visit(S);
  } else {
    forEachStmtIn(FD->getBody(), Visit);
  }
  return Freed;
}

} // namespace

void OwningFields::compute(ASTContext &Ctx, CalleeResolver &Resolver,
                           const AllocationModel *External) {
  if (Computed)
    return;
  Computed = true;
  Scan S(Ctx, Resolver, External, Fields, Maybe, Elements);
  // The code of the unit outside system headers: function bodies and the
  // initialisers of globals (a system header frees no field of the user's).
  const std::vector<CodeDecl> &Code = unitCode(Ctx);
  const UnitStmts &Stmts = unitStmts(Ctx);
  for (size_t I = 0; I < Code.size(); ++I) {
    if (const auto *VD = dyn_cast<VarDecl>(Code[I].D))
      S.VisitVarDecl(const_cast<VarDecl *>(VD));
    for (const Stmt *N : Stmts.of(I))
      S.visit(const_cast<Stmt *>(N));
  }
  S.finish();
  // The structure a destroy function's object is, from its declaration in
  // the unit.
  auto ObjectOf = [&](const FunctionRule &R) -> const Decl * {
    if (!R.FreesFieldsArg || R.Name.empty())
      return nullptr;
    IdentifierInfo &Id = Ctx.Idents.get(R.Name);
    for (const NamedDecl *D :
         Ctx.getTranslationUnitDecl()->lookup(DeclarationName(&Id))) {
      const auto *FD = dyn_cast<FunctionDecl>(D);
      if (!FD || *R.FreesFieldsArg >= FD->getNumParams())
        continue;
      QualType T = FD->getParamDecl(*R.FreesFieldsArg)->getType();
      if (!T->isPointerType())
        return nullptr;
      if (const auto *RT = T->getPointeeType()->getAs<RecordType>())
        return RT->getDecl()->getCanonicalDecl();
      return nullptr;
    }
    return nullptr;
  };
  for (const AllocationModel *M : {&Resolver.model(), External})
    if (M)
      for (const FunctionRule *R : M->sorted()) {
        if (R->FreedFields.empty())
          continue;
        const Decl *Object = ObjectOf(*R);
        // The object's structure and those it holds by value (parson's
        // JSON_Value holds the union whose `string` json_value_free frees).
        llvm::SmallVector<const Decl *, 4> Records;
        if (Object)
          Records.push_back(Object);
        for (size_t I = 0; I < Records.size() && Records.size() < 16; ++I)
          if (const auto *RD = cast<RecordDecl>(Records[I])->getDefinition())
            for (const FieldDecl *FD : RD->fields())
              if (const auto *RT = FD->getType()->getAs<RecordType>())
                if (!llvm::is_contained(Records,
                                        RT->getDecl()->getCanonicalDecl()))
                  Records.push_back(RT->getDecl()->getCanonicalDecl());
        for (const std::string &F : R->FreedFields) {
          if (!Object || StringRef(F).contains('.')) {
            Names.insert(FunctionRule::freedFieldName(F));
            continue;
          }
          for (const Decl *Record : Records)
            Qualified.insert({Record, F});
        }
      }
}

bool OwningFields::owns(const FieldDecl *F) const {
  if (!F)
    return true;
  F = F->getCanonicalDecl();
  if (Fields.count(F))
    return true;
  if (!F->getIdentifier())
    return false;
  return Names.count(F->getName()) ||
         Qualified.count(
             {F->getParent()->getCanonicalDecl(), F->getName().str()});
}

bool OwningFields::ownsElements(const FieldDecl *F) const {
  // Not the field's own Maybe: handing the array to an unsettled function
  // (`uv__reallocf(loop->watchers, n)`) says nothing of its elements.
  return F && Elements.count(F->getCanonicalDecl());
}

bool OwningFields::maybeOwns(const FieldDecl *F) const {
  return F && Maybe.count(F->getCanonicalDecl());
}

} // namespace clang::tidy::alloc
