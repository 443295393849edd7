//===--- AllocationSites.cpp - resolve calls against the model ------------===//

#include "AllocationSites.h"
#include "Compat.h"
#include "Parents.h"
#include "UnitCode.h"
#include "Summaries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"

namespace clang::tidy::alloc {

namespace {

/// "attribute 'malloc' at main.c:12"
std::string attributeOrigin(StringRef Attr, const Decl *D,
                            const SourceManager &SM) {
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(D->getLocation()));
  std::string S = ("attribute '" + Attr + "'").str();
  if (P.isValid())
    S +=
        (" at " + llvm::Twine(P.getFilename()) + ":" + llvm::Twine(P.getLine()))
            .str();
  return S;
}

/// Whether \p FD carries attribute A as the user wrote it: clang adds implicit
/// attributes to the library functions it knows (malloc gets 'malloc'), and
/// describing those is the rules' job.
template <typename A> bool hasExplicit(const FunctionDecl *FD) {
  const auto *Attr = FD->getAttr<A>();
  return Attr && !Attr->isImplicit();
}

/// A rule from the attributes of a user-declared function, if any apply.
std::optional<FunctionRule> fromAttributes(const FunctionDecl *FD,
                                           const SourceManager &SM) {
  FunctionRule R;
  R.Name = FD->getName().str();
  bool Any = false;
  if (hasExplicit<RestrictAttr>(FD)) { // __attribute__((malloc))
    R.AllocatesReturn = true;
    R.Origin = attributeOrigin("malloc", FD, SM);
    Any = true;
  }
  if (hasExplicit<AllocSizeAttr>(FD)) {
    R.AllocatesReturn = true;
    if (R.Origin.empty())
      R.Origin = attributeOrigin("alloc_size", FD, SM);
    Any = true;
  }
  for (const auto *O : FD->specific_attrs<OwnershipAttr>()) {
    if (O->isImplicit())
      continue;
    Any = true;
    switch (O->getOwnKind()) {
    case OwnershipAttr::Returns:
      R.AllocatesReturn = true;
      R.Family = O->getModule()->getName().str();
      R.Origin = attributeOrigin("ownership_returns", FD, SM);
      break;
    case OwnershipAttr::Takes:
    case OwnershipAttr::Holds:
      if (R.Family.empty())
        R.Family = O->getModule()->getName().str();
      if (R.Origin.empty())
        R.Origin = attributeOrigin(O->getOwnKind() == OwnershipAttr::Takes
                                       ? "ownership_takes"
                                       : "ownership_holds",
                                   FD, SM);
      for (const ParamIdx &I : O->args())
        R.Args.push_back(
            {I.getASTIndex(), O->getOwnKind() == OwnershipAttr::Takes
                                  ? ArgContract::Takes
                                  : ArgContract::Holds});
      break;
    }
  }
  if (FD->isNoReturn()) {
    R.NoReturn = true;
    Any = true;
  }
  // __attribute__((returns_nonnull)) on an allocator: it aborts rather
  // than return NULL.
  if (R.AllocatesReturn && FD->hasAttr<ReturnsNonNullAttr>())
    R.MayReturnNull = false;
  if (!Any)
    return std::nullopt;
  return R;
}

} // namespace

const FunctionRule *CalleeResolver::declaredRule(const FunctionDecl *FD,
                                                 const SourceManager &SM) {
  if (!FD)
    return nullptr;
  FD = FD->getMostRecentDecl();
  auto [It, New] = Cache.try_emplace(FD, nullptr);
  if (!New)
    return It->second;
  const FunctionRule *Result = nullptr;
  if (const IdentifierInfo *II = FD->getIdentifier()) {
    StringRef Name = II->getName();
    // __builtin_malloc and friends behave as the library function.
    Name.consume_front("__builtin_");
    Result = Model.lookup(Name);
  }
  // Attributes describe the user's own allocators.  Declarations in system
  // headers are described by rules only, so results do not change with the
  // attributes a particular libc version happens to carry (glibc marks
  // fopen() malloc-like, for instance).
  if (!Result && !SM.isInSystemHeader(SM.getFileLoc(FD->getLocation())))
    if (std::optional<FunctionRule> R = fromAttributes(FD, SM))
      Result = &FromAttributes.emplace_back(std::move(*R));
  Cache[FD] = Result;
  return Result;
}

/// \p R comes from nothing but an alloc_size attribute of \p FD, which takes
/// a pointer.  alloc_size only tells the size of the block the result
/// points to: the function may allocate it, resize the block it is handed
/// (a reallocator) or hand that block back (redis `extend_to_usable`, "a
/// conduit for the alloc_size attribute").
static bool sizeAttributeOnly(const FunctionRule &R, const FunctionDecl *FD) {
  return compat::startsWith(R.Origin, "attribute 'alloc_size'") &&
         R.Args.empty() && !R.NoReturn &&
         llvm::any_of(FD->parameters(), [](const ParmVarDecl *P) {
           return P->getType()->isPointerType();
         });
}

const FunctionRule *CalleeResolver::ruleFor(const FunctionDecl *FD,
                                            const SourceManager &SM) {
  if (Summaries && !Summaries->done())
    return resolve(FD, SM);
  auto It = Settled.find(FD);
  if (It != Settled.end())
    return It->second;
  const FunctionRule *R = resolve(FD, SM);
  // resolve() may have inferred the summaries: cache only what is final.
  if (!Summaries || Summaries->done())
    Settled.try_emplace(FD, R);
  return R;
}

const FunctionRule *CalleeResolver::resolve(const FunctionDecl *FD,
                                            const SourceManager &SM) {
  if (const FunctionRule *R = declaredRule(FD, SM)) {
    // Which of those it is, its body tells, where the project has it.
    if (sizeAttributeOnly(*R, FD))
      if (const FunctionRule *S = inferredRule(FD, SM))
        return S;
    // An attribute says "allocates"; the body may also show that it never
    // returns NULL (it aborts instead), which the attribute cannot say.
    if (R->AllocatesReturn && R->MayReturnNull && declaredByAttribute(*R))
      if (const FunctionRule *S = inferredRule(FD, SM);
          S && S->AllocatesReturn && !S->MayReturnNull) {
        auto [It, New] = NeverNull.try_emplace(FD->getCanonicalDecl(), nullptr);
        if (New) {
          FunctionRule Copy = *R;
          Copy.MayReturnNull = false;
          Copy.NullNote = "its body never returns NULL (" + S->Origin + ")";
          It->second = &HookRules.emplace_back(std::move(Copy));
        }
        return It->second;
      }
    // Summarising one unit of a project whose other units are not
    // summarised yet: the body that may show the allocator never returns
    // NULL is in another unit.  Whether it can is settled when the units
    // are linked (redis zmalloc.h declares zmalloc, zmalloc.c aborts in
    // it; adlist.c's listCreate returns what zmalloc returns).
    if (R->AllocatesReturn && R->MayReturnNull && declaredByAttribute(*R) &&
        PendingMode && !FD->getDefinition()) {
      auto [It, New] = NullPending.try_emplace(FD->getCanonicalDecl(), nullptr);
      if (New) {
        FunctionRule Copy = *R;
        Copy.NullPending = true;
        It->second = &HookRules.emplace_back(std::move(Copy));
      }
      return It->second;
    }
    return R;
  }
  return inferredRule(FD, SM);
}

const FunctionRule *CalleeResolver::inferredRule(const FunctionDecl *FD,
                                                 const SourceManager &SM) {
  if (!FD)
    return nullptr;
  // What the declaration is never changes within the unit: classified once
  // (a system header's function is asked of at every call to it).
  auto [It, New] = Classified.try_emplace(FD);
  Callee &C = It->second;
  if (New) {
    if (const FunctionDecl *Def = FD->getDefinition()) {
      // A body in this unit: what it does is known from it (or not yet,
      // while the summaries are being inferred callees first).
      C.Never = SM.isInSystemHeader(SM.getFileLoc(Def->getLocation()));
      C.Def = Def;
    } else if (!FD->getIdentifier() || !FD->isExternallyVisible() ||
               SM.isInSystemHeader(SM.getFileLoc(FD->getLocation()))) {
      C.Never = true;
    } else if (unsigned B = FD->getBuiltinID();
               B && !FD->getASTContext().BuiltinInfo.isPredefinedLibFunction(B)) {
      // A compiler builtin (__builtin_va_start): no body anywhere.
      C.Never = true;
    } else {
      // A body in another unit of the project.
      C.Rule = External ? External->lookup(FD->getName()) : nullptr;
      if (!C.Rule && PendingMode) {
        const FunctionDecl *Canon = FD->getCanonicalDecl();
        auto [PIt, PNew] = PendingCache.try_emplace(Canon, nullptr);
        if (PNew)
          PIt->second = pendingRule(Canon->getName(),
                                    Canon->getReturnType()->isPointerType());
        C.Rule = PIt->second;
      }
    }
  }
  if (C.Never)
    return nullptr;
  if (C.Def) {
    if (!Summaries)
      return nullptr;
    Summaries->ensure(C.Def->getASTContext());
    return Summaries->lookup(C.Def);
  }
  return C.Rule;
}

const FunctionRule *CalleeResolver::ruleForCall(const CallExpr *Call,
                                                const SourceManager &SM) {
  if (const FunctionDecl *FD = Call->getDirectCallee())
    return ruleFor(FD, SM);
  return hookRule(Call->getCallee(), SM);
}

std::optional<HookTarget> hookTarget(const Expr *Callee) {
  const Expr *E = Callee->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E); U && U->getOpcode() == UO_Deref)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  HookTarget T;
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (ME->isArrow())
      return std::nullopt;
    T.Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
    E = ME->getBase()->IgnoreParenImpCasts();
  }
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  T.Var = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  if (!T.Var || T.Var->hasLocalStorage() || !T.Var->getIdentifier() ||
      (T.Field && !T.Field->getIdentifier()))
    return std::nullopt;
  T.Name = T.Var->getName().str();
  if (T.Field)
    T.Name += "." + T.Field->getName().str();
  return T;
}

/// The rule of the function hook \p T is initialised with (\p FD), under
/// the hook's name, as an inference located at the hook.
static FunctionRule hookCopy(const FunctionRule &R, const HookTarget &T,
                      const FunctionDecl *FD, const SourceManager &SM) {
  FunctionRule Copy = R;
  Copy.Name = T.Name;
  Copy.Inferred = true;
  Copy.Via = FD->getName().str();
  // A hook the program may replace (ares_library_init_mem, cJSON_InitHooks)
  // is a family of its own: what it allocates goes back through the hooks,
  // not to the function they start as.  The hooks of one structure, or the
  // hook variables of one file, form that family.
  const VarDecl *Def = T.Var->getDefinition() ? T.Var->getDefinition() : T.Var;
  const SourceLocation L = SM.getFileLoc(Def->getLocation());
  const StringRef File = llvm::sys::path::filename(SM.getFilename(L));
  if (!Copy.Family.empty() && !Def->getType().isConstQualified() &&
      !(T.Field && T.Field->getType().isConstQualified()))
    Copy.Family =
        T.Field ? Def->getName().str() : ("hooks of " + File).str();
  if (!SM.isInSystemHeader(L))
    Copy.Origin =
        (File + ":" + llvm::Twine(SM.getSpellingLineNumber(L))).str();
  return Copy;
}

bool variadicExtra(const FunctionDecl *Callee, unsigned I) {
  return Callee && Callee->isVariadic() && I >= Callee->getNumParams();
}

bool declaredByAttribute(const FunctionRule &R) {
  return compat::startsWith(R.Origin, "attribute '");
}

const FunctionDecl *hookInitialiser(const HookTarget &T) {
  const VarDecl *Def = T.Var->getDefinition();
  if (!Def)
    Def = T.Var->getInitializingDeclaration();
  const Expr *Init = Def ? Def->getInit() : nullptr;
  if (!Init)
    return nullptr;
  Init = Init->IgnoreParenImpCasts();
  if (T.Field) {
    const auto *IL = dyn_cast<InitListExpr>(Init);
    if (!IL)
      return nullptr;
    if (const InitListExpr *Sem = IL->isSemanticForm() ? IL : IL->getSemanticForm())
      IL = Sem;
    unsigned Index = T.Field->getFieldIndex();
    if (Index >= IL->getNumInits())
      return nullptr;
    Init = IL->getInit(Index)->IgnoreParenImpCasts();
  }
  if (const auto *U = dyn_cast<UnaryOperator>(Init); U && U->getOpcode() == UO_AddrOf)
    Init = U->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(Init);
  return DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
}

std::string CalleeResolver::deallocatorFor(StringRef Family) const {
  std::string D = Model.deallocatorFor(Family);
  if (D.empty() && External)
    D = External->deallocatorFor(Family);
  if (!D.empty())
    return D;
  for (const FunctionRule &R : HookRules)
    if (R.FreeArg && !R.allocates() && R.Family == Family)
      return R.Name;
  return D;
}

const FunctionRule *CalleeResolver::pendingRule(StringRef Name,
                                                bool ReturnsPointer) {
  FunctionRule &P = PendingRules.emplace_back();
  P.Name = Name.str();
  P.Inferred = P.Pending = true;
  // Followed as an allocation, in case it is one.
  P.AllocatesReturn = ReturnsPointer;
  return &P;
}

const FunctionRule *CalleeResolver::hookRule(const Expr *Callee,
                                             const SourceManager &SM) {
  std::optional<HookTarget> T = hookOf(Callee);
  if (!T)
    return nullptr;
  // Declared by name in the rules ("global_hooks.allocate"), then the
  // function the hook is initialised with, then other units' summaries.
  if (const FunctionRule *R = Model.lookup(T->Name))
    return R;
  auto [It, New] = HookCache.try_emplace(T->Name, nullptr);
  if (!New)
    return It->second;
  const FunctionRule *Found = nullptr;
  if (const FunctionDecl *FD = hookInitialiser(*T)) {
    if (const FunctionRule *R = ruleFor(FD, SM))
      Found = &HookRules.emplace_back(hookCopy(*R, *T, FD, SM));
  } else if (External) {
    Found = External->lookup(T->Name);
  }
  // Summarising one unit of a project: a global hook defined in another
  // unit (c-ares `ares_malloc`, declared `extern` in ares_private.h and
  // initialised in ares_library_init.c) is followed as an allocation in
  // case it is one, as a function of another unit is; linking settles it.
  // (Not a library's hook declared in a system header: libosip2's
  // osip_malloc_func is defined in no unit of its callers.)
  if (!Found && PendingMode && !T->Field && !T->Var->getDefinition() &&
      T->Var->hasExternalStorage() &&
      !SM.isInSystemHeader(SM.getFileLoc(T->Var->getLocation()))) {
    bool ReturnsPointer = false;
    if (const auto *PT = T->Var->getType()->getAs<PointerType>())
      if (const auto *FT = PT->getPointeeType()->getAs<FunctionType>())
        ReturnsPointer = FT->getReturnType()->isPointerType();
    Found = pendingRule(T->Name, ReturnsPointer);
  }
  HookCache[T->Name] = Found;
  return Found;
}

std::optional<HookTarget> CalleeResolver::hookOf(const Expr *Callee) {
  if (std::optional<HookTarget> T = hookTarget(Callee))
    return T;
  const Expr *E = Callee->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_Deref)
    E = U->getSubExpr()->IgnoreParenImpCasts();
  const auto *ME = dyn_cast<MemberExpr>(E);
  const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  if (!F || !F->getIdentifier() || !F->getType()->isFunctionPointerType())
    return std::nullopt;
  const RecordDecl *RD = F->getParent();
  auto It = OnlyGlobal.find(RD);
  if (It == OnlyGlobal.end()) {
    // Hooks set at run time live in a modifiable global; a table of
    // operations (`static const struct ops tcp_ops`) is constant, and a
    // type with several globals has no one answer.
    const VarDecl *Only = nullptr;
    bool Many = false;
    for (const Decl *D : F->getASTContext().getTranslationUnitDecl()->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || !V->getIdentifier() || V->getType().isConstQualified() ||
          V->getType()->getAsRecordDecl() != RD)
        continue;
      const VarDecl *C = V->getCanonicalDecl();
      Many |= Only && Only != C;
      Only = C;
    }
    It = OnlyGlobal.try_emplace(RD, Many ? nullptr : Only).first;
  }
  if (!It->second)
    return std::nullopt;
  HookTarget T;
  T.Var = It->second;
  T.Field = F;
  T.Name = (T.Var->getName() + "." + F->getName()).str();
  return T;
}

bool isNullOrZero(const Expr *E, ASTContext &Ctx) {
  return E->IgnoreParenImpCasts()->isNullPointerConstant(
             Ctx, Expr::NPC_ValueDependentIsNotNull) != Expr::NPCK_NotNull;
}

const Expr *nullTested(const Expr *Cond, ASTContext &Ctx) {
  Cond = stripCasts(Cond);
  if (const auto *U = dyn_cast<UnaryOperator>(Cond);
      U && U->getOpcode() == UO_LNot)
    return stripCasts(U->getSubExpr());
  if (const auto *B = dyn_cast<BinaryOperator>(Cond);
      B && B->getOpcode() == BO_EQ) {
    if (isNullOrZero(B->getRHS(), Ctx))
      return stripCasts(B->getLHS());
    if (isNullOrZero(B->getLHS(), Ctx))
      return stripCasts(B->getRHS());
  }
  return nullptr;
}

bool holdsOnlyNewMemory(const VarDecl *V, llvm::ArrayRef<const Stmt *> Stmts,
                        ASTContext &Ctx, CalleeResolver &Resolver) {
  if (!V || isa<ParmVarDecl>(V) || !V->hasLocalStorage())
    return false;
  bool Fresh = false;
  auto Value = [&](const Expr *E) {
    if (isNullOrZero(E, Ctx))
      return true;
    const auto *C = dyn_cast<CallExpr>(stripCasts(E));
    return Fresh = C && Resolver.allocation(C, Ctx);
  };
  for (const Stmt *T : Stmts) {
    if (const auto *B = dyn_cast<BinaryOperator>(T)) {
      const auto *L = dyn_cast<DeclRefExpr>(stripCasts(B->getLHS()));
      if (L && L->getDecl() == V && !Value(B->getRHS()))
        return false;
    } else if (const auto *DS = dyn_cast<DeclStmt>(T)) {
      for (const Decl *D : DS->decls())
        if (D == V && V->getInit() && !Value(V->getInit()))
          return false;
    }
  }
  return Fresh;
}

const FunctionRule *CalleeResolver::allocation(const CallExpr *Call,
                                               ASTContext &Ctx, bool Inferred) {
  const FunctionRule *R = ruleForCall(Call, Ctx.getSourceManager());
  if (!R || !R->allocates() || (R->Inferred && !Inferred))
    return nullptr;
  if (R->WhenNullArg) {
    if (*R->WhenNullArg >= Call->getNumArgs())
      return nullptr;
    if (!isNullOrZero(Call->getArg(*R->WhenNullArg), Ctx))
      return nullptr;
  }
  return R;
}

const Expr *containerBase(const Expr *E, ASTContext &Ctx) {
  const auto *BO = dyn_cast<BinaryOperator>(stripCasts(E));
  if (!BO || BO->getOpcode() != BO_Sub ||
      !BO->getLHS()->getType()->isPointerType() ||
      !BO->getRHS()->isIntegerConstantExpr(Ctx))
    return nullptr;
  return BO->getLHS();
}

bool underCondition(const Stmt *S, ASTContext &Ctx,
                    llvm::function_ref<bool(const Expr *)> Tests,
                    unsigned MaxDepth) {
  const Stmt *Child = S;
  for (unsigned Depth = 0; Child && Depth < MaxDepth; ++Depth) {
    const Stmt *Parent = parentStmt(*Child, Ctx);
    if (!Parent)
      return false;
    if (const auto *If = dyn_cast<IfStmt>(Parent);
        If && If->getCond() != Child && Tests(If->getCond()))
      return true;
    if (const auto *CO = dyn_cast<ConditionalOperator>(Parent);
        CO && CO->getCond() != Child && Tests(CO->getCond()))
      return true;
    Child = Parent;
  }
  return false;
}

const Expr *stripCasts(const Expr *E) {
  while (true) {
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<CStyleCastExpr>(E)) {
      E = C->getSubExpr();
      continue;
    }
    return E;
  }
}

bool mentions(const Stmt *S, llvm::ArrayRef<const VarDecl *> Vars) {
  // A walk with a stack of its own: generated code nests expressions tens
  // of thousands deep (`a + a + ... + a`).
  bool Found = false;
  forEachStmtIn(S, [&](const Stmt *X) {
    const auto *D = dyn_cast<DeclRefExpr>(X);
    Found = D && llvm::is_contained(Vars, D->getDecl());
    return !Found;
  });
  return Found;
}

std::string spellPlace(const Expr *E) {
  E = stripCasts(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return DRE->getDecl()->getName().str();
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    std::string Base = spellPlace(ME->getBase());
    if (Base.empty())
      return "";
    return Base + (ME->isArrow() ? "->" : ".") +
           ME->getMemberDecl()->getName().str();
  }
  // a[i], a[3]: an element named by a variable or a constant.
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
    std::string Base = spellPlace(AS->getBase());
    const Expr *Idx = stripCasts(AS->getIdx());
    std::string Index;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Idx))
      Index = DRE->getDecl()->getName().str();
    else if (const auto *IL = dyn_cast<IntegerLiteral>(Idx))
      Index = std::to_string(IL->getValue().getZExtValue());
    if (Base.empty() || Index.empty())
      return "";
    return Base + "[" + Index + "]";
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_Deref &&
      isa<DeclRefExpr>(stripCasts(U->getSubExpr())))
    return "*" + spellPlace(U->getSubExpr());
  return "";
}

const Expr *calleeName(const CallExpr *Call) {
  const Expr *E = Call->getCallee();
  while (true) {
    E = E->IgnoreParenImpCasts();
    const auto *U = dyn_cast<UnaryOperator>(E);
    if (!U || (U->getOpcode() != UO_Deref && U->getOpcode() != UO_AddrOf))
      return E;
    E = U->getSubExpr();
  }
}

void SiteCollector::addCall(const CallExpr *Call, ASTContext &Ctx) {
  Callees.insert(calleeName(Call));
  const FunctionRule *R = Resolver.allocation(Call, Ctx, Inferred);
  if (!R)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  AllocationSite S;
  S.E = Call;
  S.Rule = R;
  S.Loc = reportLoc(Call->getBeginLoc(), SM);
  S.Macro = macroSpelling(Call->getBeginLoc(), SM, Ctx.getLangOpts());
  Calls.push_back(std::move(S));
}

void SiteCollector::addReference(const DeclRefExpr *Ref, ASTContext &Ctx) {
  const auto *FD = dyn_cast<FunctionDecl>(Ref->getDecl());
  const FunctionRule *R = Resolver.ruleFor(FD, Ctx.getSourceManager());
  if (!R || !R->allocates() || (R->Inferred && !Inferred))
    return;
  AllocationSite S;
  S.E = Ref;
  S.Rule = R;
  S.Loc = reportLoc(Ref->getLocation(), Ctx.getSourceManager());
  S.AddressTaken = true;
  References.push_back(std::move(S));
}

void SiteCollector::collect(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  // A system header's code holds no site the checks report.
  const std::vector<CodeDecl> &Code = unitCode(Ctx);
  const UnitStmts &Stmts = unitStmts(Ctx);
  for (size_t I = 0; I < Code.size(); ++I) {
    if (SM.isInSystemHeader(SM.getFileLoc(Code[I].Code->getBeginLoc())))
      continue;
    for (const Stmt *S : Stmts.of(I)) {
      if (const auto *Call = dyn_cast<CallExpr>(S))
        addCall(Call, Ctx);
      else if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
        addReference(Ref, Ctx);
    }
  }
}

std::vector<AllocationSite> SiteCollector::finish(const SourceManager &SM) {
  std::vector<AllocationSite> Out;
  for (AllocationSite &S : Calls)
    if (!SM.isInSystemHeader(S.Loc))
      Out.push_back(std::move(S));
  for (AllocationSite &S : References)
    if (!Callees.contains(S.E) && !SM.isInSystemHeader(S.Loc))
      Out.push_back(std::move(S));
  Calls.clear();
  References.clear();
  llvm::stable_sort(Out,
                    [&SM](const AllocationSite &A, const AllocationSite &B) {
                      return SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
                    });
  return Out;
}

SourceLocation reportLoc(SourceLocation Loc, const SourceManager &SM) {
  return SM.getFileLoc(Loc);
}

std::string macroSpelling(SourceLocation Loc, const SourceManager &SM,
                          const LangOptions &LO) {
  while (Loc.isMacroID()) {
    if (SM.isMacroArgExpansion(Loc)) {
      Loc = SM.getImmediateSpellingLoc(Loc);
      continue;
    }
    return Lexer::getImmediateMacroName(Loc, SM, LO).str();
  }
  return {};
}

std::string describeAllocation(const FunctionRule &Rule, StringRef Macro) {
  std::string S = "'" + Rule.Name + "'";
  if (!Macro.empty() && Macro != Rule.Name)
    S += " (through macro '" + Macro.str() + "')";
  if (Rule.Inferred && !Rule.Via.empty())
    S += " (through '" + Rule.Via + "', " + Rule.Origin + ")";
  return S;
}

} // namespace clang::tidy::alloc

namespace clang::tidy::alloc {

std::vector<FunctionRule> hookRules(ASTContext &Ctx, CalleeResolver &Resolver) {
  std::vector<FunctionRule> Out;
  const SourceManager &SM = Ctx.getSourceManager();
  for (const Decl *D : Ctx.getTranslationUnitDecl()->decls()) {
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V || !V->isThisDeclarationADefinition() || !V->getInit() ||
        !V->isExternallyVisible() || !V->getIdentifier() ||
        SM.isInSystemHeader(SM.getFileLoc(V->getLocation())))
      continue;
    std::vector<HookTarget> Targets;
    QualType T = V->getType();
    if (T->isFunctionPointerType()) {
      Targets.push_back({V, nullptr, V->getName().str()});
    } else if (const auto *RT = T->getAs<RecordType>()) {
      for (const FieldDecl *F : RT->getDecl()->fields())
        if (F->getType()->isFunctionPointerType() && F->getIdentifier())
          Targets.push_back(
              {V, F, V->getName().str() + "." + F->getName().str()});
    }
    for (const HookTarget &H : Targets) {
      const FunctionDecl *FD = hookInitialiser(H);
      const FunctionRule *R = FD ? Resolver.ruleFor(FD, SM) : nullptr;
      if (!R)
        continue;
      Out.push_back(hookCopy(*R, H, FD, SM));
    }
  }
  return Out;
}

} // namespace clang::tidy::alloc
