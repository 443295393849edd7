//===--- GroupUnwindCheck.cpp - alloc-group-unwind ------------------------===//

#include "GroupUnwindCheck.h"
#include "Compat.h"
#include "core/CallerConvention.h"
#include "core/OwnershipDataflow.h"
#include "core/Parents.h"
#include "core/ReallocInPlace.h"
#include "core/StatusFacts.h"
#include "core/UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/SourceManager.h"
#include <map>
#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

/// The node that uses \p S's value: its one parent above any casts and
/// parentheses, or an empty node.
static DynTypedNode userOf(const Stmt &S, ASTContext &Ctx) {
  DynTypedNode N = DynTypedNode::create(S);
  while (true) {
    DynTypedNodeList Ps = parentsOf(N, Ctx);
    if (Ps.size() != 1)
      return DynTypedNode();
    const auto *P = Ps[0].get<Stmt>();
    if (!P || !isa<ImplicitCastExpr, CStyleCastExpr, ParenExpr>(P))
      return Ps[0];
    N = Ps[0];
  }
}

/// The local variable \p A's call stores its memory into: `v = f(..)`,
/// `T *v = f(..)`, `f(&v, ..)` for an out-parameter allocator; or null.
static const VarDecl *heldBy(const Allocation &A, ASTContext &Ctx) {
  const CallExpr *C = A.Call;
  if (A.Rule && A.Rule->AllocatesArg) {
    if (*A.Rule->AllocatesArg >= C->getNumArgs())
      return nullptr;
    const auto *U = dyn_cast<UnaryOperator>(
        C->getArg(*A.Rule->AllocatesArg)->IgnoreParenCasts());
    const auto *D =
        U && U->getOpcode() == UO_AddrOf
            ? dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenCasts())
            : nullptr;
    return D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
  }
  DynTypedNode User = userOf(*C, Ctx);
  if (const auto *V = User.get<VarDecl>())
    return V->getInit() && V->getInit()->IgnoreParenCasts() == C ? V : nullptr;
  const auto *B = User.get<BinaryOperator>();
  if (!B || B->getOpcode() != BO_Assign || B->getRHS()->IgnoreParenCasts() != C)
    return nullptr;
  // `*out = v = f(..)`, `return v = f(..)`, `g(v = f(..))`: the value goes
  // on from the assignment too (SQLite minMaxQuery's `*ppMinMax = pOrderBy
  // = sqlite3ExprListDup(..)`).
  DynTypedNode Outer = userOf(*B, Ctx);
  const auto *U = Outer.get<Stmt>();
  if (!U || isa<ReturnStmt, CallExpr, InitListExpr>(U))
    return nullptr;
  if (const auto *OB = dyn_cast<BinaryOperator>(U);
      OB && (OB->isAssignmentOp() || OB->getOpcode() == BO_Comma))
    return nullptr;
  const auto *D = dyn_cast<DeclRefExpr>(B->getLHS()->IgnoreParenCasts());
  return D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
}

/// True when \p FD's body uses the local \p V only where its value stays
/// in the function: dereferenced, indexed, compared, tested, handed to a
/// function that only reads or copies it (by its rule or its summary, and
/// links it nowhere; a system header's function or a variadic function's
/// `...`), or given by address to its allocator \p Alloc. Any other use
/// (stored, returned, copied to a variable, its address taken, handed to a
/// function that may keep it) may give it away.
static bool staysLocal(const FunctionDecl *FD, const VarDecl *V,
                       const CallExpr *Alloc, CalleeResolver &Resolver,
                       ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  bool Stays = true;
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    const auto *DRE = dyn_cast<DeclRefExpr>(S);
    if (!Stays || !DRE || DRE->getDecl() != V)
      return;
    // Up through casts and parentheses to the use; through what it points
    // to (`p->f`, `p[i]`, `*p`), whose address (`&p[i].f`) is a pointer
    // into the block again.
    const Stmt *Child = DRE;
    const Stmt *P = parentStmt(*DRE, Ctx);
    bool Pointee = false;
    while (P) {
      const auto *U = dyn_cast<UnaryOperator>(P);
      if (isa<ImplicitCastExpr, CStyleCastExpr, ParenExpr>(P)) {
        // the same value, or the same object
      } else if ((isa<MemberExpr>(P) &&
                  cast<MemberExpr>(P)->getBase() == Child) ||
                 (isa<ArraySubscriptExpr>(P) &&
                  cast<ArraySubscriptExpr>(P)->getBase() == Child) ||
                 (U && U->getOpcode() == UO_Deref)) {
        Pointee = true;
      } else if (Pointee && U && U->getOpcode() == UO_AddrOf) {
        Pointee = false;
      } else {
        break;
      }
      Child = P;
      P = parentStmt(*P, Ctx);
    }
    if (!P || Pointee)
      return;
    if (isa<IfStmt, WhileStmt, DoStmt, ForStmt, SwitchStmt>(P))
      return;
    if (const auto *CO = dyn_cast<ConditionalOperator>(P);
        CO && CO->getCond() == Child)
      return;
    if (const auto *U = dyn_cast<UnaryOperator>(P)) {
      if (U->getOpcode() != UO_AddrOf)
        return;
      // `set_string_var(&level, ..)`: the allocation itself.
      const Stmt *Up = parentStmt(*U, Ctx);
      while (Up && isa<ImplicitCastExpr, CStyleCastExpr, ParenExpr>(Up))
        Up = parentStmt(*Up, Ctx);
      if (Up == Alloc)
        return;
    } else if (const auto *B = dyn_cast<BinaryOperator>(P)) {
      // A test, or the variable assigned (its own left-hand side).
      if (B->isComparisonOp() || B->isLogicalOp() ||
          (B->isAssignmentOp() && B->getLHS() == Child))
        return;
    } else if (const auto *C = dyn_cast<CallExpr>(P)) {
      const FunctionDecl *Callee = C->getDirectCallee();
      for (unsigned I = 0; Callee && I < C->getNumArgs(); ++I) {
        if (C->getArg(I) != Child)
          continue;
        if (Callee->isVariadic() && I >= Callee->getNumParams())
          return;
        const FunctionRule *R = Resolver.ruleFor(Callee, SM);
        // A contract that only reads or copies it, and keeps no pointer
        // to it (not one that links it into an object that does not own
        // it: ioto's queueMsg links the message into its queue). Only
        // reading it is a declared contract's word, not a summary's.
        bool Reads =
            R && !R->Pending && R->FreeArg != I && !R->releases(I) &&
            !R->links(I) &&
            (R->argContract(I) == ArgContract::Borrows ||
             R->argContract(I) == ArgContract::Copies ||
             (!R->Inferred && R->argContract(I) == ArgContract::Unspecified &&
              R->dereferences(I)));
        if (Reads)
          return;
        if (!R && SM.isInSystemHeader(SM.getFileLoc(Callee->getLocation())))
          return;
      }
    }
    Stays = false;
  });
  return Stays;
}

GroupUnwindCheck::GroupUnwindCheck(StringRef Name, ClangTidyContext *Context)
    : AllocCheckBase(Name, Context),
      ReportAllExits(compat::readBoolOption(Options, Context, Name,
                                           "ReportAllExits", false)) {}

void GroupUnwindCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AllocCheckBase::storeOptions(Opts);
  Options.store(Opts, "ReportAllExits",
                compat::boolOptionText(ReportAllExits));
}

void GroupUnwindCheck::registerMatchers(MatchFinder *Finder) {
  matchUserFunctions(Finder);
}

namespace {

/// The condition of the innermost if-statement whose branch holds \p S.
const Expr *enclosingCondition(const Stmt *S, ASTContext &Ctx) {
  const Stmt *Child = S;
  for (unsigned Depth = 0; Child && Depth < 64; ++Depth) {
    DynTypedNodeList Parents = parentsOf(*Child, Ctx);
    if (Parents.empty())
      return nullptr;
    const auto *P = Parents[0].get<Stmt>();
    if (!P)
      return nullptr;
    if (const auto *If = dyn_cast<IfStmt>(P))
      if (If->getThen() == Child || If->getElse() == Child)
        return If->getCond();
    Child = P;
  }
  return nullptr;
}

/// Labels followed by a release of \p Name, before the next return:
/// "out: free(buf); return rc;".  They would release it.
const LabelStmt *cleanupLabel(const FunctionDecl *FD, StringRef Name,
                              CalleeResolver &R, const SourceManager &SM) {
  struct Finder : RecursiveASTVisitor<Finder> {
    StringRef Name;
    CalleeResolver &R;
    const SourceManager &SM;
    const LabelStmt *Found = nullptr;
    Finder(StringRef N, CalleeResolver &R, const SourceManager &SM)
        : Name(N), R(R), SM(SM) {}
    bool VisitCompoundStmt(CompoundStmt *C) {
      const LabelStmt *Open = nullptr;
      for (const Stmt *S : C->body()) {
        if (const auto *L = dyn_cast<LabelStmt>(S)) {
          Open = L;
          S = L->getSubStmt();
        }
        if (!Open)
          continue;
        if (isa<ReturnStmt>(S)) {
          Open = nullptr;
          continue;
        }
        if (releases(S)) {
          Found = Open;
          return false;
        }
      }
      return true;
    }
    bool releases(const Stmt *S) {
      struct Calls : RecursiveASTVisitor<Calls> {
        Finder &F;
        bool Hit = false;
        explicit Calls(Finder &F) : F(F) {}
        bool VisitCallExpr(CallExpr *C) {
          const FunctionRule *Rule = F.R.ruleForCall(C, F.SM);
          if (!Rule)
            return true;
          for (unsigned I = 0; I < C->getNumArgs(); ++I)
            if ((Rule->FreeArg == I || Rule->releases(I)) &&
                spellPlace(C->getArg(I)) == F.Name)
              Hit = true;
          return !Hit;
        }
      } C(*this);
      C.TraverseStmt(const_cast<Stmt *>(S));
      return C.Hit;
    }
  } F(Name, R, SM);
  F.TraverseStmt(FD->getBody());
  return F.Found;
}

} // namespace

void GroupUnwindCheck::checkDefinition(const FunctionDecl *Def,
                               const MatchFinder::MatchResult &Result) {
  // `obj->buf = realloc(obj->buf, n)`: the old block is lost when it fails.
  for (const InPlaceRealloc &R :
       inPlaceReallocs(Def, resolver(), *Result.Context)) {
    const SourceManager &SM = *Result.SourceManager;
    std::string Place;
    llvm::raw_string_ostream OS(Place);
    stripCasts(R.Assign->getLHS())
        ->printPretty(OS, nullptr, Result.Context->getPrintingPolicy());
    OS.flush();
    diag(SM.getFileLoc(R.Assign->getOperatorLoc()),
         "'%0' loses its old block when '%1' fails: the assignment "
         "overwrites the only pointer to it; assign the result to a "
         "temporary and replace '%0' once it is not NULL")
        << Place << R.Rule->Name;
    diag(SM.getFileLoc(R.Call->getBeginLoc()),
         "'%0' returns NULL on failure and leaves the old block allocated",
         DiagnosticIDs::Note)
        << R.Rule->Name;
  }
  auto [FD, Shared] = analysedFunction(Def, *Result.Context);
  if (!Shared)
    return;
  const OwnershipAnalysis &Analysis = *Shared;
  const std::vector<Allocation> &Allocs = Analysis.allocations();
  const SourceManager &SM = *Result.SourceManager;

  // One report per exit and leaked allocation; when several failures lead
  // to it, name the latest allocation that failed.
  std::map<std::pair<unsigned, AllocId>, const LeakEvent *> Failure, Failing,
      Normal;
  std::vector<const LeakEvent *> Lost, Overwritten;
  for (const LeakEvent &L : Analysis.leaks()) {
    if (!Allocs[L.Leaked].fresh())
      continue;
    if (L.Overwritten) {
      Overwritten.push_back(&L);
      continue;
    }
    if (L.ScopeEnd) {
      Lost.push_back(&L);
      continue;
    }
    // Returning from main ends the process, which gives its memory back
    // (nginx's main returns 1 after each failed start-up step with the
    // start-up pool allocated).  Memory lost inside it still counts.
    if (FD->isMain())
      continue;
    auto Key = std::make_pair(L.ExitLoc.getRawEncoding(), L.Leaked);
    if (L.Failed) {
      const LeakEvent *&Slot = Failure[Key];
      if (!Slot || *Slot->Failed < *L.Failed)
        Slot = &L;
    } else if (L.Failing) {
      Failing[Key] = &L;
    } else {
      Normal[Key] = &L;
    }
  }
  const FunctionDecl *Fn = FD;
  auto CleanupNote = [&](const Allocation &Leaked, const LeakEvent &L) {
    if (Leaked.Name.empty())
      return;
    const LabelStmt *Label = cleanupLabel(Fn, Leaked.Name, resolver(), SM);
    if (Label && SM.isBeforeInTranslationUnit(L.ExitLoc, Label->getBeginLoc()))
      diag(Label->getBeginLoc(), "label '%0' releases %1: jump there instead",
           DiagnosticIDs::Note)
          << Label->getName() << Leaked.describe();
  };
  // One warning per leaked allocation, with a note at each other exit it
  // leaks from (as Clang's static analyzer reports a leak once per
  // allocation site): a function with five early returns after one
  // allocation has one bug, not five.  The warning goes to the exit where
  // the leak is surest: after a failed allocation, then where the function
  // fails, then where it returns otherwise; the first in the file of those.
  enum ExitKind { AtFailure, AtFailing, AtNormal };
  struct LeakExit {
    const LeakEvent *L;
    ExitKind Kind;
    const ExitState *Released;
  };
  std::map<AllocId, std::vector<LeakExit>> LeakExits;
  for (const auto &[Key, L] : Failure)
    LeakExits[L->Leaked].push_back({L, AtFailure, nullptr});
  for (const auto &[Key, L] : Failing)
    if (!Failure.count(Key))
      LeakExits[L->Leaked].push_back({L, AtFailing, nullptr});
  // Lost where its last pointer goes out of scope (a `continue`, the end of
  // a loop body): reported when the function releases it on its other
  // paths, or an allocation failed on the way.
  // The note on the path where an allocation failed, if one did.
  auto FailedPathNote = [&](const LeakEvent &L) {
    if (L.Failed)
      diag(Allocs[*L.Failed].Loc, "on the path where allocation of %0 failed",
           DiagnosticIDs::Note)
          << Allocs[*L.Failed].describe();
    return L.Failed.has_value();
  };
  std::map<AllocId, const ReleaseEvent *> ReleaseOf;
  for (const ReleaseEvent &R : Analysis.releases())
    ReleaseOf.try_emplace(R.A, &R);
  // Once per allocation too, at the first place it is lost.
  llvm::stable_sort(Lost, [&](const LeakEvent *X, const LeakEvent *Y) {
    return SM.isBeforeInTranslationUnit(X->ExitLoc, Y->ExitLoc);
  });
  auto JumpName = [](const Stmt *Jump) {
    return Jump ? (isa<ContinueStmt>(Jump) ? "continue"
                   : isa<BreakStmt>(Jump)  ? "break"
                                           : "goto")
                : "";
  };
  std::map<AllocId, std::vector<const LeakEvent *>> LostOf;
  for (const LeakEvent *L : Lost)
    if (ReleaseOf.count(L->Leaked) || L->Failed || ReportAllExits)
      LostOf[L->Leaked].push_back(L);
  for (const auto &[A, Places] : LostOf) {
    const LeakEvent *L = Places.front();
    auto R = ReleaseOf.find(A);
    const ReleaseEvent *Rel = R == ReleaseOf.end() ? nullptr : R->second;
    const Allocation &Leaked = Allocs[A];
    diag(L->ExitLoc, "%0 is lost %select{at this '%2'|where its block ends}1: "
                     "no pointer to it is left; free it before leaving the "
                     "block")
        << Leaked.describe() << !L->Exit << JumpName(L->Exit);
    diag(Leaked.Loc, "%0 allocated here", DiagnosticIDs::Note)
        << Leaked.describe();
    if (!FailedPathNote(*L) && Rel)
      diag(SM.getFileLoc(Rel->Call->getBeginLoc()),
           "released here on the other paths", DiagnosticIDs::Note);
    for (const LeakEvent *Also : llvm::drop_begin(Places))
      diag(Also->ExitLoc,
           "%0 is also lost %select{at this '%2'|where this block ends}1",
           DiagnosticIDs::Note)
          << Leaked.describe() << !Also->Exit << JumpName(Also->Exit);
  }
  // Lost where its last pointer is overwritten: owned on every path that
  // reaches the assignment, so the memory is gone whatever happens next.
  for (const LeakEvent *L : Overwritten) {
    const Allocation &Leaked = Allocs[L->Leaked];
    diag(L->ExitLoc, "%0 is lost here: the assignment overwrites its only "
                     "pointer; free it first, or keep it elsewhere")
        << Leaked.describe();
    diag(Leaked.Loc, "%0 allocated here", DiagnosticIDs::Note)
        << Leaked.describe();
    FailedPathNote(*L);
  }
  // An exit that keeps what the function's other exits release: whatever
  // this exit reports (an enumerator, a status, nothing in a void
  // function), the function's own paths show the allocation is its duty.
  std::map<AllocId, const ExitState *> ReleasedAt;
  for (const ExitState &E : Analysis.exits())
    if (E.Allocated && !E.Owned && E.Gone && !ReleasedAt.count(E.A))
      ReleasedAt[E.A] = &E;
  // The exit where another path releases \p L's allocation, if any.
  auto ReleasedElsewhere = [&](const LeakEvent &L) -> const ExitState * {
    auto It = ReleasedAt.find(L.Leaked);
    return It == ReleasedAt.end() || It->second->ExitLoc == L.ExitLoc
               ? nullptr
               : It->second;
  };
  for (const auto &[Key, L] : Normal) {
    if (Failure.count(Key) || Failing.count(Key))
      continue;
    if (const ExitState *Released = ReleasedElsewhere(*L))
      LeakExits[L->Leaked].push_back({L, AtNormal, Released});
  }
  // Kept on every path: an allocation that the function never frees,
  // stores, returns or hands to anything that may keep it leaks wherever it
  // returns, failing or not (NanoNNG set_log_level before 50eb8b9f2: the
  // string set_string_var() allocates through &level).
  // (Not in a file that does not compile: a statement lost to an error,
  // `return p` without its semicolon, would read as a drop.)
  if (!ReportAllExits && !FD->isMain() &&
      !Result.Context->getDiagnostics().hasUncompilableErrorOccurred()) {
    // (Reported thus rather than at its failing exits, which it leaks from
    // like every other: NanoNNG scram_handle_server_final_msg never freed
    // the verifier, and returned NULL once before the end.)
    llvm::DenseSet<AllocId> Seen;
    for (const LeakEvent *L : Lost)
      Seen.insert(L->Leaked);
    for (const LeakEvent *L : Overwritten)
      Seen.insert(L->Leaked);
    std::map<AllocId, std::pair<bool, const ExitState *>> Kept;
    for (const ExitState &E : Analysis.exits()) {
      if (!E.Allocated || !E.MaybeNonNull)
        continue;
      auto [It, New] = Kept.try_emplace(E.A, true, &E);
      if (!E.Owned || E.Gone || E.LeftInField)
        It->second.first = false;
    }
    for (const auto &[A, KeptAt] : Kept) {
      const Allocation &Leaked = Allocs[A];
      if (!KeptAt.first || Seen.count(A) || ReleaseOf.count(A) ||
          !Leaked.fresh() || Leaked.Name.empty() || !Leaked.Call)
        continue;
      // Held by a local variable of the function, used only there.
      const VarDecl *Var = heldBy(Leaked, *Result.Context);
      if (!Var || !Var->hasLocalStorage() || isa<ParmVarDecl>(Var) ||
          !staysLocal(FD, Var, Leaked.Call, resolver(), *Result.Context))
        continue;
      diag(Leaked.Loc, "%0 is never freed, stored or returned: it leaks on "
                       "every path through '%1'; free it once it is no "
                       "longer used")
          << Leaked.describe() << Fn->getName();
      diag(KeptAt.second->ExitLoc,
           "still owned when the function returns "
           "here",
           DiagnosticIDs::Note);
      LeakExits.erase(A);
    }
  }
  for (auto &[A, Exits] : LeakExits) {
    llvm::stable_sort(Exits, [&](const LeakExit &X, const LeakExit &Y) {
      if (X.Kind != Y.Kind)
        return X.Kind < Y.Kind;
      return SM.isBeforeInTranslationUnit(X.L->ExitLoc, Y.L->ExitLoc);
    });
    const Allocation &Leaked = Allocs[A];
    const LeakExit &First = Exits.front();
    const LeakEvent *L = First.L;
    switch (First.Kind) {
    case AtFailure: {
      const Allocation &Failed = Allocs[*L->Failed];
      diag(L->ExitLoc, "%0 leaks when %select{allocation|reallocation}1 of "
                       "%2 fails; free it on this path or jump to the "
                       "cleanup label")
          << Leaked.describe() << Failed.Rule->ReallocArg.has_value()
          << Failed.describe();
      diag(Leaked.Loc, "%0 allocated here", DiagnosticIDs::Note)
          << Leaked.describe();
      diag(Failed.Loc, "%select{allocation|reallocation}0 of %1 can fail here",
           DiagnosticIDs::Note)
          << Failed.Rule->ReallocArg.has_value() << Failed.describe();
      break;
    }
    case AtFailing:
      diag(L->ExitLoc, "%0 leaks when '%1' fails here; free it before "
                       "returning")
          << Leaked.describe() << Fn->getName();
      diag(Leaked.Loc, "%0 allocated here", DiagnosticIDs::Note)
          << Leaked.describe();
      if (L->Exit)
        if (const Expr *Cond = enclosingCondition(L->Exit, *Result.Context))
          diag(SM.getFileLoc(Cond->getBeginLoc()),
               "on the path where this fails", DiagnosticIDs::Note);
      break;
    case AtNormal:
      diag(L->ExitLoc, "%0 leaks here, though the function releases it on "
                       "its other paths; free it before this exit too")
          << Leaked.describe();
      diag(Leaked.Loc, "%0 allocated here", DiagnosticIDs::Note)
          << Leaked.describe();
      diag(First.Released->ExitLoc, "released on the path to this exit",
           DiagnosticIDs::Note);
      break;
    }
    CleanupNote(Leaked, *L);
    for (const LeakExit &P : llvm::drop_begin(Exits))
      diag(P.L->ExitLoc,
           "%0 also leaks at this exit%select{, when allocation of %2 fails|"
           "|}1",
           DiagnosticIDs::Note)
          << Leaked.describe() << P.Kind
          << (P.Kind == AtFailure ? Allocs[*P.L->Failed].describe()
                                  : std::string());
  }
  parameterDuties(FD, Analysis, *Result.Context);
  if (!ReportAllExits)
    return;
  for (const auto &[Key, L] : Normal) {
    if (Failure.count(Key) || Failing.count(Key))
      continue;
    if (ReleasedElsewhere(*L))
      continue;
    const Allocation &Leaked = Allocs[L->Leaked];
    diag(L->ExitLoc, "%0 is still owned when the function returns here; free "
                     "it, return it or store it")
        << Leaked.describe();
    diag(Leaked.Loc, "%0 allocated here", DiagnosticIDs::Note)
        << Leaked.describe();
  }
}

/// True if \p Cond reads \p P only to test it for NULL (`!p`, `p == NULL`,
/// `!p || !list`), or not at all.
static bool onlyNullTests(const Expr *Cond, const VarDecl *P, ASTContext &Ctx) {
  const Expr *E = stripCasts(Cond);
  if (const auto *D = dyn_cast<DeclRefExpr>(E); D && D->getDecl() == P)
    return true;
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_LNot)
    return onlyNullTests(U->getSubExpr(), P, Ctx);
  if (const auto *B = dyn_cast<BinaryOperator>(E)) {
    if (B->isLogicalOp())
      return onlyNullTests(B->getLHS(), P, Ctx) &&
             onlyNullTests(B->getRHS(), P, Ctx);
    if (B->isEqualityOp() &&
        (isNullOrZero(B->getLHS(), Ctx) || isNullOrZero(B->getRHS(), Ctx)))
      return onlyNullTests(B->getLHS(), P, Ctx) &&
             onlyNullTests(B->getRHS(), P, Ctx);
  }
  return !mentions(E, {P});
}

// A function that frees or hands on a pointer parameter on some paths and
// returns on others with it untouched leaves it to someone there: to
// itself, or to its callers.
// - Returning nothing, its callers cannot tell whether it did: it owns the
//   parameter, and an early `return` that neither frees nor keeps it leaks
//   it (unbound rpz_insert_qname_trigger before 6289806f4 returns early for
//   SOA records without freeing dname, which it frees or stores on its
//   other paths).  Not an exit under a test of the parameter itself (`if
//   (--p->refs) return;`, `if (!p) return;`), nor the closing brace (a
//   conditional release, a reference drop).
// - Returning a failure, its callers could free it; where those of the unit
//   hand it over for good instead (see callersHandOver: unbound
//   cfg_strlist_append before 75b8b8c, given `strdup(val)`; lz_enter_zone_dname
//   before 455a681, whose callers return without freeing the name), the
//   failing return leaks it.  Where a caller frees it after a failure,
//   nothing is said.
// Only where every caller is in sight and calls it directly: a function
// whose address the unit does not take, and for the first kind a static
// one.  A callback's contract is its framework's (nginx pool cleanups and
// libevent's getaddrinfo callback free their argument only when it is
// theirs to free).
void GroupUnwindCheck::parameterDuties(const FunctionDecl *FD,
                                       const OwnershipAnalysis &Analysis,
                                       ASTContext &Ctx) {
  const bool Void = FD->getReturnType()->isVoidType();
  if (Void && FD->isExternallyVisible())
    return;
  const std::vector<Allocation> &Allocs = Analysis.allocations();
  const SourceManager &SM = Ctx.getSourceManager();
  // Stored, and only into fields something frees (cfg_strlist_append:
  // `s->str = item` in the element it links into the list).
  const OwningFields &Owning = unit().summaries().owningFields();
  auto StoredOwned = [&](AllocId A) {
    bool Any = false;
    for (const StoreEvent &S : Analysis.stores())
      if (S.A == A) {
        if (!S.Field || !Owning.owns(S.Field))
          return false;
        Any = true;
      }
    return Any;
  };
  // Per parameter: an exit reached after it was freed or taken (or, for a
  // function with a result its callers test, stored where it is owned).
  std::map<AllocId, const ExitState *> Released;
  for (const ExitState &E : Analysis.exits())
    if (Allocs[E.A].Param && !E.Owned && !Released.count(E.A) &&
        ((E.Gone & (GoneFreed | GoneTransferred)) ||
         (!Void && (E.Gone & GoneEscaped) && StoredOwned(E.A))))
      Released[E.A] = &E;
  // Per parameter: the returns that leave it untouched.
  std::map<AllocId, std::vector<const ExitState *>> Left;
  for (const ExitState &E : Analysis.exits())
    if (Allocs[E.A].Param && E.Owned && !E.Gone && E.MaybeNonNull &&
        isa_and_nonnull<ReturnStmt>(E.Exit) && Released.count(E.A))
      Left[E.A].push_back(&E);
  if (Left.empty() || addressTaken(FD, Ctx))
    return;
  // Not a parameter declared or inferred to be taken only on success (a
  // status it returns): the callers are to free it where it fails, and
  // where they do not, their leak is reported at the call.  Nor a
  // reallocator's block (redis ztryrealloc_usable frees it for a size of 0
  // and returns NULL, and leaves it where realloc() fails): realloc()'s
  // contract, which callers know.
  const FunctionRule *Rule = resolver().ruleFor(FD, SM);
  // A value that reads as a failure: NULL, or a negative status (not 0,
  // which may be a success: eXosip _eXosip_release_aborted_calls returns
  // OSIP_SUCCESS whether or not it released the call).
  const bool Pointer = FD->getReturnType()->isPointerType();
  auto FailureLike = [&](int64_t V) { return Pointer ? V == 0 : V < 0; };
  std::set<std::pair<unsigned, AllocId>> Seen;
  for (const auto &[A, Exits] : Left) {
    const ParmVarDecl *Parm = FD->getParamDecl(*Allocs[A].Param);
    HandOver Callers;
    if (Rule && (llvm::is_contained(Rule->TakesOnSuccess, *Allocs[A].Param) ||
                 Rule->ReallocArg == *Allocs[A].Param))
      continue;
    if (!Void) {
      // A failure by the values these returns give, a success by those of
      // the returns where it went; callers' tests tell one from the other.
      ReturnClasses Classes;
      for (const ExitState *E : Exits)
        if (std::optional<int64_t> C = returnedConstant(E->Exit, Ctx))
          Classes.Fail.insert(*C);
      if (Classes.Fail.empty())
        continue;
      // The same failure where it was freed (unbound lz_enter_zone_dname
      // returns NULL after deleting a duplicate zone with the name in it,
      // and with the name untouched where the zone could not be made): no
      // caller can tell the two apart.
      bool Ambiguous = false;
      for (const ExitState &E : Analysis.exits()) {
        if (E.A != A || E.Owned || !E.Gone || !E.Exit)
          continue;
        std::optional<int64_t> C = returnedConstant(E.Exit, Ctx);
        if (C && Classes.Fail.count(*C)) {
          Ambiguous |= (E.Gone & GoneFreed) && FailureLike(*C);
          continue;
        }
        if (C)
          Classes.Ok.insert(*C);
        else if (Pointer)
          Classes.OkNonNull = true;
      }
      Callers = callersHandOver(FD, *Allocs[A].Param, Classes, Ctx, resolver());
      if (!Callers.ForGood && !Ambiguous)
        continue;
    }
    for (const ExitState *E : Exits) {
      const Expr *Cond = enclosingCondition(E->Exit, Ctx);
      if (!Cond ||
          (Void ? mentions(Cond, {Parm}) : !onlyNullTests(Cond, Parm, Ctx)))
        continue;
      if (!Void && !returnedConstant(E->Exit, Ctx))
        continue;
      if (!Seen.insert({E->ExitLoc.getRawEncoding(), A}).second)
        continue;
      diag(E->ExitLoc,
           "'%0' is neither freed nor kept at this return, though '%1' "
           "frees or hands it on along its other paths%select{; '%1' returns "
           "nothing, so its callers cannot tell|, and its callers leave it "
           "to '%1' when it fails|, and returns the same failure where it "
           "freed it, so its callers cannot tell}2: free it here too")
          << Parm->getName() << FD->getName()
          << (Void              ? 0
              : Callers.ForGood ? 1
                                : 2);
      diag(SM.getFileLoc(Cond->getBeginLoc()), "returning early here",
           DiagnosticIDs::Note);
      diag(Released[A]->ExitLoc, "released on the path to this exit",
           DiagnosticIDs::Note);
      if (Callers.ForGood)
        diag(SM.getFileLoc(Callers.ForGood->getBeginLoc()),
             "'%0' hands it over here and does not free it when the call "
             "fails",
             DiagnosticIDs::Note)
            << Callers.Caller->getName();
    }
  }
}

} // namespace clang::tidy::alloc
