//===--- LifetimeMismatchCheck.cpp - alloc-lifetime-mismatch --------------===//

#include "LifetimeMismatchCheck.h"
#include "core/OwnershipDataflow.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

namespace {

constexpr llvm::StringLiteral DefaultTransactionEnd =
    "(_free|_destroy|_end|_done|_finish|_release)$";

/// The global variable or field an expression names: what a deallocation
/// elsewhere in the unit would pass to free the same storage.
const Decl *storageOf(const Expr *E) {
  E = stripCasts(E);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (!VD->hasLocalStorage())
        return VD;
  if (const auto *ME = dyn_cast<MemberExpr>(E))
    return ME->getMemberDecl();
  return nullptr;
}

/// The record a store target's object has: S for "obj->f" or "obj.f".
const RecordDecl *objectRecord(const Expr *Target) {
  const auto *ME = dyn_cast<MemberExpr>(stripCasts(Target));
  if (!ME)
    return nullptr;
  QualType T = ME->getBase()->getType();
  if (ME->isArrow())
    T = T->getPointeeType();
  const auto *RT = T->getAs<RecordType>();
  return RT ? RT->getDecl()->getDefinition() : nullptr;
}

/// The constant number of bytes a call allocates, if known.
std::optional<uint64_t> constantSize(const CallExpr *Call,
                                     const FunctionRule &R, ASTContext &Ctx) {
  auto Value = [&](unsigned I) -> std::optional<uint64_t> {
    if (I >= Call->getNumArgs())
      return std::nullopt;
    if (auto V = Call->getArg(I)->getIntegerConstantExpr(Ctx))
      if (V->isNonNegative())
        return V->getZExtValue();
    return std::nullopt;
  };
  if (!R.AllocatesReturn || R.ReallocArg || R.WhenNullArg)
    return std::nullopt;
  if (R.Name == "calloc" || R.Name == "g_malloc0_n" || R.Name == "g_malloc_n") {
    auto N = Value(0), S = Value(1);
    if (N && S)
      return *N * *S;
    return std::nullopt;
  }
  if (Call->getNumArgs() != 1)
    return std::nullopt;
  return Value(0);
}

/// Finds the declaration a call initialises, the statements freeing that
/// variable, and whether the variable is ever written or has its address
/// taken (then it cannot become an array).
class ScopedBuffer : public RecursiveASTVisitor<ScopedBuffer> {
public:
  ScopedBuffer(const CallExpr *Call, CalleeResolver &R, ASTContext &Ctx)
      : Call(Call), Resolver(R), Ctx(Ctx), SM(Ctx.getSourceManager()) {}
  bool VisitCallExpr(CallExpr *C) {
    // Resized (realloc) or handed over: a stack array could not follow.
    const FunctionRule *R = Resolver.ruleForCall(C, SM);
    if (!R)
      return true;
    for (unsigned I = 0; I < C->getNumArgs(); ++I)
      if (refersToVar(C->getArg(I)) &&
          (R->ReallocArg == I || (R->releases(I) && R->FreeArg != I)))
        Unsafe = true;
    return true;
  }
  bool VisitDeclStmt(DeclStmt *DS) {
    if (!DS->isSingleDecl())
      return true;
    const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl());
    if (VD && VD->getInit() && stripCasts(VD->getInit()) == Call) {
      Decl = DS;
      Var = VD;
    }
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if ((U->getOpcode() == UO_AddrOf || U->isIncrementDecrementOp()) &&
        refersToVar(U->getSubExpr()))
      Unsafe = true;
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *R) {
    if (R->getRetValue() && refersToVar(R->getRetValue()))
      Unsafe = true;
    return true;
  }
  // Tests of the pointer: an array's address is never null, so once it is
  // an array "if (!buf)" warns (-Waddress) and must go with the allocation.
  // Only a whole "if (!buf) <failure>" without else can go; any other test
  // leaves the fix-it out.
  bool VisitIfStmt(IfStmt *If) {
    if (!If->getElse() && !If->getInit() && !If->getConditionVariable() &&
        isNullTest(If->getCond()))
      Removable.push_back(If);
    noteTest(If->getCond());
    return true;
  }
  bool VisitWhileStmt(WhileStmt *W) {
    noteTest(W->getCond());
    return true;
  }
  bool VisitDoStmt(DoStmt *D) {
    noteTest(D->getCond());
    return true;
  }
  bool VisitForStmt(ForStmt *F) {
    if (F->getCond())
      noteTest(F->getCond());
    return true;
  }
  bool VisitConditionalOperator(ConditionalOperator *C) {
    noteTest(C->getCond());
    return true;
  }
  bool VisitUnaryLNot(UnaryOperator *U) {
    noteTest(U->getSubExpr());
    return true;
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isAssignmentOp() && refersToVar(BO->getLHS()))
      Unsafe = true;
    if (BO->isLogicalOp() || BO->isComparisonOp()) {
      noteTest(BO->getLHS());
      noteTest(BO->getRHS());
    }
    return true;
  }
  /// "!buf", "buf == NULL", "NULL == buf" (or 0).
  bool isNullTest(const Expr *E) {
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E))
      return U->getOpcode() == UO_LNot && refersToVar(U->getSubExpr());
    if (const auto *B = dyn_cast<BinaryOperator>(E))
      if (B->getOpcode() == BO_EQ)
        return (refersToVar(B->getLHS()) && isNull(B->getRHS())) ||
               (refersToVar(B->getRHS()) && isNull(B->getLHS()));
    return false;
  }
  bool isNull(const Expr *E) const {
    return E->IgnoreParenCasts()->isNullPointerConstant(
               Ctx, Expr::NPC_ValueDependentIsNull) != Expr::NPCK_NotNull;
  }
  void noteTest(const Expr *E) {
    if (E && refersToVar(E))
      Tested.push_back(E);
  }
  /// Every test of the pointer sits in the condition of a removable if.
  bool testsRemovable() const {
    for (const Expr *T : Tested)
      if (!llvm::any_of(Removable, [&](const IfStmt *If) {
            return If->getCond()->getBeginLoc() <= T->getBeginLoc() &&
                   T->getEndLoc() <= If->getCond()->getEndLoc();
          }))
        return false;
    return true;
  }
  bool refersToVar(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(E));
    return Var && DRE && DRE->getDecl() == Var;
  }
  const CallExpr *Call;
  CalleeResolver &Resolver;
  ASTContext &Ctx;
  const SourceManager &SM;
  const DeclStmt *Decl = nullptr;
  const VarDecl *Var = nullptr;
  bool Unsafe = false;
  std::vector<const IfStmt *> Removable; ///< "if (!buf) ..." without else
  std::vector<const Expr *> Tested;      ///< every test of the pointer
};

/// \p R widened to whole lines when nothing else is on them, so removing a
/// statement leaves no blank line behind.  The range taken is the newline
/// before the lines up to their last character: clang's fix-it merging
/// widens a removal between two blanks by one more character, which would
/// otherwise eat the next line's indentation.
CharSourceRange wholeLines(CharSourceRange R, const SourceManager &SM) {
  auto [FID, B] = SM.getDecomposedLoc(R.getBegin());
  unsigned E = SM.getFileOffset(R.getEnd());
  StringRef Text = SM.getBufferData(FID);
  size_t LineB = B == 0 ? StringRef::npos : Text.rfind('\n', B);
  size_t LineE = Text.find('\n', E);
  if (LineB == StringRef::npos || LineE == StringRef::npos ||
      !Text.slice(LineB + 1, B).trim().empty() ||
      !Text.slice(E, LineE).trim().empty())
    return R;
  return CharSourceRange::getCharRange(
      R.getBegin().getLocWithOffset(-static_cast<int>(B - LineB)),
      R.getEnd().getLocWithOffset(static_cast<int>(LineE - E)));
}

} // namespace

LifetimeMismatchCheck::LifetimeMismatchCheck(StringRef Name,
                                             ClangTidyContext *Context)
    : AllocCheckBase(Name, Context),
      StackThreshold(Options.get("StackThreshold", 256U)),
      TransactionEnd(Options.get("TransactionEnd", DefaultTransactionEnd)),
      TransactionEndRe(TransactionEnd) {
  std::string Error;
  if (!TransactionEndRe.isValid(Error))
    configurationDiag("invalid regular expression '%0' for option "
                      "'%1.TransactionEnd': %2",
                      DiagnosticIDs::Error)
        << TransactionEnd << Name << Error;
}

void LifetimeMismatchCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AllocCheckBase::storeOptions(Opts);
  Options.store(Opts, "StackThreshold", StackThreshold);
  Options.store(Opts, "TransactionEnd", TransactionEnd);
}

void LifetimeMismatchCheck::registerPPCallbacks(const SourceManager &SourceMgr,
                                                Preprocessor *PP,
                                                Preprocessor *) {
  SM = &SourceMgr;
  Index = sharedJustifications(*PP);
}

void LifetimeMismatchCheck::registerMatchers(MatchFinder *Finder) {
  // Function definitions in the user's code: their justified allocations.
  // The deallocations a 'permanent' allocation must not meet and the
  // transaction-end functions are looked up at the end of the unit, only
  // when such an allocation is there.
  matchUserFunctions(Finder);
}

void LifetimeMismatchCheck::checkDefinition(const FunctionDecl *Def,
                               const MatchFinder::MatchResult &Result) {
  // Without a justification stating a lifetime there is nothing to hold an
  // allocation to: the unit costs this check nothing.
  if (!HasLifetimes)
    HasLifetimes = Index && Index->anyLifetime();
  if (!*HasLifetimes)
    return;
  auto [FD, Shared] = analysedFunction(Def, *Result.Context);
  if (Shared)
    checkFunction(FD, *Shared, *Result.Context);
}

namespace {

/// The deallocation calls of a unit and what their argument names, and the
/// functions whose name matches TransactionEnd with the records their
/// pointer parameters point to.
class UnitScan : public RecursiveASTVisitor<UnitScan> {
public:
  UnitScan(CalleeResolver &Resolver, const SourceManager &SM,
           const llvm::Regex *Enders)
      : Resolver(Resolver), SM(SM), EnderRe(Enders) {}
  bool VisitCallExpr(CallExpr *Call) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionRule *Declared =
        Callee ? Resolver.ruleFor(Callee, SM) : nullptr;
    if (!Declared || !Declared->FreeArg)
      return true;
    const FunctionRule *R = Resolver.ruleForCall(Call, SM);
    if (R && R->FreeArg && *R->FreeArg < Call->getNumArgs())
      if (const Decl *D = storageOf(Call->getArg(*R->FreeArg)))
        Frees.push_back({Call, D});
    return true;
  }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (!EnderRe || !FD->getIdentifier() || !EnderRe->match(FD->getName()))
      return true;
    for (const ParmVarDecl *P : FD->parameters())
      if (P->getType()->isPointerType())
        if (const auto *RT =
                P->getType()->getPointeeType()->getAs<RecordType>())
          Enders.push_back({FD, RT->getDecl()->getDefinition()});
    return true;
  }
  CalleeResolver &Resolver;
  const SourceManager &SM;
  const llvm::Regex *EnderRe;
  std::vector<std::pair<const CallExpr *, const Decl *>> Frees;
  std::vector<std::pair<const FunctionDecl *, const RecordDecl *>> Enders;
};

} // namespace

void LifetimeMismatchCheck::checkFunction(const FunctionDecl *FD,
                                          const OwnershipAnalysis &Analysis,
                                          ASTContext &Ctx) {
  this->Ctx = &Ctx;
  const std::vector<Allocation> &Allocs = Analysis.allocations();
  for (AllocId Id = 0; Id < Allocs.size(); ++Id) {
    const Allocation &A = Allocs[Id];
    if (!A.fresh())
      continue;
    const Justification *J = Index->find(
        A.Loc, *SM, [&] { return justificationScope(A.Call, Ctx); });
    if (!J || !J->valid())
      continue; // alloc-unjustified's to report
    Lifetime L = *J->Life;
    std::string Name = A.describe();

    unsigned char GoneAnywhere = Analysis.goneAnywhere(Id);
    bool OwnedAtNormalExit = false;
    SourceLocation OwnedExit;
    for (const LeakEvent &Lk : Analysis.leaks())
      if (Lk.Leaked == Id && !Lk.Failed) {
        OwnedAtNormalExit = true;
        OwnedExit = Lk.ExitLoc;
      }
    std::vector<const StoreEvent *> Stores;
    for (const StoreEvent &S : Analysis.stores())
      if (S.A == Id)
        Stores.push_back(&S);
    const ReleaseEvent *Freed = nullptr;
    for (const ReleaseEvent &R : Analysis.releases())
      if (R.A == Id && R.Frees && !Freed)
        Freed = &R;

    switch (L) {
    case Lifetime::Permanent: {
      if (A.InLoop) {
        diag(A.Loc, "%0 is justified as 'permanent' but is allocated in a "
                    "loop; allocate it once at start-up")
            << Name;
        break;
      }
      if (Freed) {
        diag(A.Loc, "%0 is justified as 'permanent' but is freed; keep it, "
                    "or justify its real lifetime")
            << Name;
        diag(SM->getFileLoc(Freed->Call->getBeginLoc()), "freed here by '%0'",
             DiagnosticIDs::Note)
            << Freed->Callee->Name;
        break;
      }
      Permanent P{A.Loc, Name, {}};
      for (const StoreEvent *S : Stores)
        if (const Decl *D = storageOf(S->Target))
          P.Storage.push_back(D);
      if (!P.Storage.empty())
        Permanents.push_back(std::move(P));
      break;
    }
    case Lifetime::Scoped: {
      if (GoneAnywhere & (GoneReturned | GoneOutParam)) {
        diag(A.Loc, "%0 is justified as 'scoped' but is returned; justify it "
                    "as 'returned'")
            << Name;
        break;
      }
      if (GoneAnywhere & (GoneEscaped | GoneTransferred | GoneHeld)) {
        diag(A.Loc, "%0 is justified as 'scoped' but is stored or handed "
                    "over; free it before returning, or justify it as 'stored'")
            << Name;
        break;
      }
      if (OwnedAtNormalExit) {
        diag(A.Loc, "%0 is justified as 'scoped' but is not freed on every "
                    "path; free it before each return")
            << Name;
        diag(OwnedExit, "returns here without freeing it", DiagnosticIDs::Note);
        break;
      }
      std::optional<uint64_t> Size = constantSize(A.Call, *A.Rule, Ctx);
      if (!Size || *Size == 0 || *Size > StackThreshold)
        break;
      // A small fixed-size scoped buffer: the stack (or the owning
      // structure) is the place for it.
      ScopedBuffer Buf(A.Call, resolver(), Ctx);
      Buf.TraverseStmt(FD->getBody());
      std::string Replacement;
      if (Buf.Var && Buf.Var->getType()->isPointerType()) {
        QualType Elem = Buf.Var->getType()->getPointeeType();
        std::string ElemName = "unsigned char";
        uint64_t ElemSize = 1;
        if (!Elem->isVoidType() && !Elem->isIncompleteType()) {
          ElemName =
              Elem.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy());
          ElemSize = Ctx.getTypeSizeInChars(Elem).getQuantity();
        }
        if (ElemSize && *Size % ElemSize == 0 && !Elem.isConstQualified())
          Replacement = ElemName + " " + Buf.Var->getName().str() + "[" +
                        std::to_string(*Size / ElemSize) + "]" +
                        (A.Rule->Name == "calloc" ? " = {0}" : "") + ";";
      }
      bool CanFix = !Replacement.empty() && Buf.Decl && !Buf.Unsafe &&
                    Buf.testsRemovable() &&
                    !Buf.Decl->getBeginLoc().isMacroID();
      for (const IfStmt *If : Buf.Removable)
        CanFix &= If->getBeginLoc().isFileID() && If->getEndLoc().isFileID();
      std::vector<const CallExpr *> FreeCalls;
      for (const ReleaseEvent &R : Analysis.releases())
        if (R.A == Id && R.Frees)
          FreeCalls.push_back(R.Call);
      for (const CallExpr *F : FreeCalls)
        CanFix &= F->getNumArgs() == 1 && Buf.refersToVar(F->getArg(0)) &&
                  !F->getBeginLoc().isMacroID();
      {
        auto D = diag(A.Loc, "%0 is a scoped allocation of %1 bytes; use a "
                             "buffer on the stack or inside its owner")
                 << Name << static_cast<unsigned>(*Size);
        if (CanFix) {
          D << FixItHint::CreateReplacement(
              CharSourceRange::getTokenRange(Buf.Decl->getSourceRange()),
              Replacement);
          for (const CallExpr *F : FreeCalls) {
            SourceLocation Semi = Lexer::findLocationAfterToken(
                F->getEndLoc(), tok::semi, *SM, Ctx.getLangOpts(), false);
            if (Semi.isValid())
              D << FixItHint::CreateRemoval(wholeLines(
                  CharSourceRange::getCharRange(F->getBeginLoc(), Semi), *SM));
          }
          // The failure test of the allocation goes with it.
          for (const IfStmt *If : Buf.Removable) {
            // "if (!b) return -1;": the ';' is not in the statement's range.
            SourceLocation End = Lexer::findLocationAfterToken(
                If->getEndLoc(), tok::semi, *SM, Ctx.getLangOpts(), false);
            if (End.isInvalid())
              End = Lexer::getLocForEndOfToken(If->getEndLoc(), 0, *SM,
                                               Ctx.getLangOpts());
            D << FixItHint::CreateRemoval(wholeLines(
                CharSourceRange::getCharRange(If->getBeginLoc(), End), *SM));
          }
        }
      } // the warning is emitted here, before its note
      if (!Replacement.empty())
        diag(A.Loc,
             "replace it with '%0'%select{| and drop its free}1%select{| and "
             "its failure test}2",
             DiagnosticIDs::Note)
            << Replacement << !FreeCalls.empty() << !Buf.Removable.empty();
      break;
    }
    case Lifetime::Returned: {
      if (GoneAnywhere & (GoneReturned | GoneOutParam))
        break;
      diag(A.Loc, "%0 is justified as 'returned' but is never returned; "
                  "return it, or justify its real lifetime")
          << Name;
      break;
    }
    case Lifetime::Stored: {
      if (!Stores.empty() || (GoneAnywhere & (GoneEscaped | GoneOutParam)))
        break;
      diag(A.Loc, "%0 is justified as 'stored' but is never stored; store "
                  "it, or justify its real lifetime")
          << Name;
      break;
    }
    case Lifetime::Transaction: {
      if (GoneAnywhere & GoneReturned)
        break;
      Transaction T{A.Loc, Name, {}};
      for (const StoreEvent *S : Stores)
        if (const RecordDecl *R = objectRecord(S->Target))
          T.Objects.push_back(R);
      Transactions.push_back(std::move(T));
      break;
    }
    }
  }
}

void LifetimeMismatchCheck::onEndOfTranslationUnit() {
  std::vector<std::pair<const CallExpr *, const Decl *>> Frees;
  std::vector<std::pair<const FunctionDecl *, const RecordDecl *>> Enders;
  if ((!Permanents.empty() || !Transactions.empty()) && Ctx) {
    UnitScan Scan(resolver(), *SM,
                  Transactions.empty() ? nullptr : &TransactionEndRe);
    Scan.TraverseAST(*Ctx);
    Frees = std::move(Scan.Frees);
    Enders = std::move(Scan.Enders);
  }
  for (const Permanent &P : Permanents)
    for (const auto &[Call, D] : Frees)
      if (llvm::is_contained(P.Storage, D)) {
        const FunctionRule *R = resolver().ruleForCall(Call, *SM);
        diag(P.Loc, "%0 is justified as 'permanent' but '%1' is freed; keep "
                    "it, or justify its real lifetime")
            << P.Name << cast<NamedDecl>(D)->getName();
        diag(SM->getFileLoc(Call->getBeginLoc()), "freed here by '%0'",
             DiagnosticIDs::Note)
            << (R ? R->Name : "?");
        break;
      }
  for (const Transaction &T : Transactions) {
    const FunctionDecl *Ender = nullptr;
    for (const RecordDecl *R : T.Objects)
      for (const auto &[FD, Rec] : Enders)
        if (R && Rec == R)
          Ender = FD;
    if (Ender)
      continue;
    diag(T.Loc, "%0 is justified as 'transaction' but no transaction-end "
                "function frees it; store it in the transaction's object")
        << T.Name;
    diag(T.Loc, "transaction-end functions match TransactionEnd '%0'",
         DiagnosticIDs::Note)
        << TransactionEnd;
  }
  Permanents.clear();
  Transactions.clear();
  HasLifetimes.reset();
  Ctx = nullptr;
}

} // namespace clang::tidy::alloc
