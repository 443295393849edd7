//===--- OwnershipTransferCheck.cpp - alloc-ownership-transfer ------------===//

#include "OwnershipTransferCheck.h"
#include "core/OwnershipDataflow.h"
#include "core/Parents.h"
#include "core/StatusFacts.h"
#include "core/UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include <set>

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

namespace {

/// "argument 2 ('method')": 1-based, as people count, with the name.
std::string argument(const CallExpr *Call, unsigned I) {
  std::string S = "argument " + std::to_string(I + 1);
  if (const FunctionDecl *FD = Call->getDirectCallee())
    if (I < FD->getNumParams() && FD->getParamDecl(I)->getIdentifier())
      S += " '" + FD->getParamDecl(I)->getName().str() + "'";
  return S;
}

const FunctionRule *calleeRule(const CallExpr *Call, CalleeResolver &R,
                               const SourceManager &SM) {
  return Call ? R.ruleForCall(Call, SM) : nullptr;
}

/// "takes its argument" or "holds its argument", as the rule says.
std::string contractOf(const FunctionRule &R) {
  for (const auto &[I, C] : R.Args)
    if (C == ArgContract::Holds)
      return "holds its argument";
  return "takes its argument";
}

/// The object an argument reaches into: `&obj->head` gives `obj`,
/// `&(*set)->head` gives `*set`, `list` gives `list`.
const Expr *holderObject(const Expr *E) {
  E = E->IgnoreParenCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf)
    E = U->getSubExpr()->IgnoreParenCasts();
  while (const auto *ME = dyn_cast<MemberExpr>(E))
    E = ME->getBase()->IgnoreParenCasts();
  return E;
}

/// Whether \p A and \p B name the same object: the same variable, the same
/// field of the same object, or what the same pointer points to.
bool sameObject(const Expr *A, const Expr *B) {
  A = A->IgnoreParenCasts();
  B = B->IgnoreParenCasts();
  if (const auto *DA = dyn_cast<DeclRefExpr>(A))
    if (const auto *DB = dyn_cast<DeclRefExpr>(B))
      return DA->getDecl() == DB->getDecl();
  if (const auto *MA = dyn_cast<MemberExpr>(A))
    if (const auto *MB = dyn_cast<MemberExpr>(B))
      return MA->getMemberDecl() == MB->getMemberDecl() &&
             MA->isArrow() == MB->isArrow() &&
             sameObject(MA->getBase(), MB->getBase());
  if (const auto *UA = dyn_cast<UnaryOperator>(A))
    if (const auto *UB = dyn_cast<UnaryOperator>(B))
      return UA->getOpcode() == UB->getOpcode() &&
             UA->getOpcode() == UO_Deref &&
             sameObject(UA->getSubExpr(), UB->getSubExpr());
  return false;
}

/// True if the statements after \p Free in its block free \p Holder with a
/// plain deallocator (`OCFREE(capa) OCFREE(action)` after
/// `AddCapability(&action->head, capa)`, IoTivity BuildActionSetFromString):
/// the holder goes without releasing what it holds, so this free is the
/// only one.  A block a macro's braces make (`#define OCFREE(p) { free(p);
/// p = NULL; }`) counts as the one statement it stands for.
bool holderFreedNext(const CallExpr *Free, const Expr *Holder,
                     ASTContext &Ctx, CalleeResolver &R) {
  const SourceManager &SM = Ctx.getSourceManager();
  const Stmt *Child = Free;
  const CompoundStmt *Block = nullptr;
  for (unsigned Depth = 0; Depth < 16 && !Block; ++Depth) {
    const Stmt *Parent = parentStmt(*Child, Ctx);
    if (!Parent)
      return false;
    if (const auto *C = dyn_cast<CompoundStmt>(Parent);
        C && !C->getLBracLoc().isMacroID())
      Block = C;
    else
      Child = Parent;
  }
  if (!Block)
    return false;
  struct Frees : RecursiveASTVisitor<Frees> {
    const Expr *Holder;
    CalleeResolver &R;
    const SourceManager &SM;
    bool Found = false;
    Frees(const Expr *H, CalleeResolver &R, const SourceManager &SM)
        : Holder(H), R(R), SM(SM) {}
    bool VisitCallExpr(CallExpr *C) {
      if (const FunctionRule *Rule = R.ruleForCall(C, SM))
        if (Rule->FreeArg && *Rule->FreeArg < C->getNumArgs() &&
            !Rule->FreesFieldsArg && Rule->Args.empty())
          Found |= sameObject(C->getArg(*Rule->FreeArg), Holder);
      return !Found;
    }
  } F(Holder, R, SM);
  bool After = false;
  for (const Stmt *S : Block->body()) {
    if (After)
      F.TraverseStmt(const_cast<Stmt *>(S));
    After |= S == Child;
    if (F.Found)
      return true;
  }
  return false;
}

/// True if \p S lies under an `if` (or `?:`, or the `else`) whose condition
/// tests the result of \p Taker: the variable it was assigned to, or the
/// call itself (`status = ares_event_update(..., p, ...); if (status !=
/// ARES_SUCCESS) { destroy(p); return NULL; }`, c-ares
/// ares_pipeevent_create).  A caller that releases by the taker's result
/// follows a contract that takes only on success.
bool underTakersResult(const Stmt *S, const CallExpr *Taker, ASTContext &Ctx,
                       bool TestAfterCall = false) {
  const VarDecl *Result = nullptr;
  {
    DynTypedNodeList Parents = parentsOf(*Taker, Ctx);
    const Stmt *P = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
    while (P && isa<ImplicitCastExpr, ParenExpr, CStyleCastExpr>(P)) {
      DynTypedNodeList Up = parentsOf(*P, Ctx);
      P = Up.empty() ? nullptr : Up[0].get<Stmt>();
    }
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(P);
        BO && BO->getOpcode() == BO_Assign)
      if (const auto *D = dyn_cast<DeclRefExpr>(BO->getLHS()->IgnoreParenCasts()))
        Result = dyn_cast<VarDecl>(D->getDecl());
    if (!Result && !Parents.empty())
      if (const auto *VD = Parents[0].get<VarDecl>())
        Result = VD;
  }
  auto Tests = [&](const Expr *Cond) {
    struct Finder : RecursiveASTVisitor<Finder> {
      const VarDecl *V;
      const CallExpr *Taker;
      bool Found = false;
      bool VisitDeclRefExpr(DeclRefExpr *D) {
        Found |= V && D->getDecl() == V;
        return !Found;
      }
      bool VisitCallExpr(CallExpr *C) {
        Found |= C == Taker;
        return !Found;
      }
    } F;
    F.V = Result;
    F.Taker = Taker;
    F.TraverseStmt(const_cast<Expr *>(Cond));
    // A test of this call's result, not of the variable's value from an
    // earlier call or iteration (`if (rc == OK) { ... rc = take(p); } else
    // free(p);` in a loop, SQLite vdbeSorterMergeTreeBuild).
    if (F.Found && TestAfterCall) {
      bool Contains = false;
      forEachStmtIn(Cond, [&](const Stmt *X) {
        Contains = X == Taker;
        return !Contains;
      });
      return Contains || Ctx.getSourceManager().isBeforeInTranslationUnit(
                             Taker->getBeginLoc(), Cond->getBeginLoc());
    }
    return F.Found;
  };
  return underCondition(S, Ctx, Tests, 32);
}

/// True if \p Taker is handed \p Freed (the same variable) as an argument its
/// rule takes on every path, failures included (FunctionRule::TakesAlways).
bool takenAlways(const FunctionRule &Rule, const CallExpr *Taker,
                 const Expr *Freed) {
  const auto *F = dyn_cast<DeclRefExpr>(stripCasts(Freed));
  if (!F)
    return false;
  for (unsigned I : Rule.TakesAlways)
    if (I < Taker->getNumArgs())
      if (const auto *A = dyn_cast<DeclRefExpr>(stripCasts(Taker->getArg(I)));
          A && A->getDecl() == F->getDecl())
        return true;
  return false;
}

/// True if, between the allocation \p Alloc and the free \p Free of
/// the object \p Freed, \p FD copies another object over it whole
/// (`memcpy(p, src, sizeof *src)`, `*p = *src`): its fields are then the
/// source's, and freeing only the shell with the plain deallocator, not
/// with the family's destroy function, is what keeps them (IoTivity
/// SendListObserverNotification: `ehResponse.payload =
/// OCRepPayloadCreate(); memcpy(ehResponse.payload, payload, ...); ...
/// OICFree(ehResponse.payload)`).
bool overwrittenByCopy(const CallExpr *Alloc, const CallExpr *Free,
                       const Expr *Freed, const FunctionDecl *FD,
                       const SourceManager &SM) {
  bool Found = false;
  SourceLocation From = SM.getFileLoc(Alloc->getBeginLoc()),
                 To = SM.getFileLoc(Free->getBeginLoc());
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    if (Found)
      return;
    const Expr *Dest = nullptr;
    if (const auto *C = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = C->getDirectCallee();
      unsigned ID = Callee ? Callee->getBuiltinID() : 0;
      if ((ID == Builtin::BImemcpy || ID == Builtin::BImemmove ||
           ID == Builtin::BI__builtin_memcpy ||
           ID == Builtin::BI__builtin_memmove ||
           ID == Builtin::BI__builtin___memcpy_chk ||
           ID == Builtin::BI__builtin___memmove_chk) &&
          C->getNumArgs() >= 2)
        Dest = C->getArg(0);
    } else if (const auto *B = dyn_cast<BinaryOperator>(S);
               B && B->getOpcode() == BO_Assign &&
               B->getType()->isRecordType()) {
      if (const auto *U = dyn_cast<UnaryOperator>(B->getLHS()->IgnoreParens());
          U && U->getOpcode() == UO_Deref)
        Dest = U->getSubExpr();
    }
    if (!Dest || !sameObject(Dest, Freed))
      return;
    SourceLocation At = SM.getFileLoc(S->getBeginLoc());
    Found = SM.isBeforeInTranslationUnit(From, At) &&
            SM.isBeforeInTranslationUnit(At, To);
  });
  return Found;
}

/// \p Call is the statement right before the success return of \p FD's
/// body (see successReturn).
bool freedBeforeSuccess(const CallExpr *Call, const FunctionDecl *FD) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  const ReturnStmt *Ret = Body ? successReturn(Body) : nullptr;
  if (!Ret)
    return false;
  const Stmt *Prev = nullptr;
  for (const Stmt *S : Body->body()) {
    if (S == Ret)
      break;
    Prev = S;
  }
  if (const auto *L = dyn_cast_or_null<LabelStmt>(Prev))
    Prev = L->getSubStmt();
  const auto *E = dyn_cast_or_null<Expr>(Prev);
  return E && E->IgnoreImplicit() == Call;
}

/// True if, between the getter's call \p Get (its result borrowed from its
/// argument \p From) and \p Release, \p FD clears what the holder holds
/// with a call given the same holder and NULL (`msg =
/// nni_aio_get_msg(&p->aio); nni_aio_set_msg(&p->aio, NULL);
/// nni_msg_free(msg);`): the function took the pointer out of it, and
/// frees its own.
bool detachedFromHolder(const CallExpr *Get, unsigned From,
                        const CallExpr *Release, const FunctionDecl *FD,
                        ASTContext &Ctx) {
  if (From >= Get->getNumArgs())
    return false;
  const Expr *Holder = Get->getArg(From)->IgnoreParenImpCasts();
  const SourceManager &SM = Ctx.getSourceManager();
  bool Found = false;
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    const auto *C = dyn_cast<CallExpr>(S);
    if (Found || !C || C == Get || C->getNumArgs() < 2 ||
        !SM.isBeforeInTranslationUnit(Get->getBeginLoc(), C->getBeginLoc()) ||
        !SM.isBeforeInTranslationUnit(C->getBeginLoc(), Release->getBeginLoc()))
      return;
    bool Null = false;
    for (unsigned I = 0; I < C->getNumArgs(); ++I)
      Null |= I != From && isNullOrZero(C->getArg(I), Ctx);
    if (!Null)
      return;
    llvm::FoldingSetNodeID A, B;
    Holder->Profile(A, Ctx, /*Canonical=*/true);
    C->getArg(From)->IgnoreParenImpCasts()->Profile(B, Ctx, true);
    Found = A == B;
  });
  return Found;
}

} // namespace

void OwnershipTransferCheck::registerMatchers(MatchFinder *Finder) {
  matchUserFunctions(Finder);
}

void OwnershipTransferCheck::checkDefinition(const FunctionDecl *Def,
                               const MatchFinder::MatchResult &Result) {
  auto [FD, Shared] = analysedFunction(Def, *Result.Context);
  if (!Shared)
    return;
  const OwnershipAnalysis &Analysis = *Shared;
  const SourceManager &SM = *Result.SourceManager;
  const std::vector<Allocation> &Allocs = Analysis.allocations();
  auto LineOf = [&](const Expr *E) {
    return SM.getPresumedLineNumber(SM.getFileLoc(E->getBeginLoc()));
  };

  std::set<std::pair<const CallExpr *, AllocId>> Reported;
  for (const ReleaseEvent &R : Analysis.releases()) {
    const Allocation &A = Allocs[R.A];
    SourceLocation Loc = SM.getFileLoc(R.Call->getBeginLoc());
    // A borrowed pointer is not the caller's to free or give away.
    if (A.Borrowed) {
      if (A.Call && A.Rule && A.Rule->BorrowedFromArg &&
          detachedFromHolder(A.Call, *A.Rule->BorrowedFromArg, R.Call, FD,
                             *Result.Context))
        continue;
      diag(Loc, "%0 is %select{freed|handed to '%2', which takes ownership,}1 "
                "but '%3' only lends it (%4: returns borrowed); do not "
                "%select{free|give away}1 it")
          << A.describe() << !R.Frees << R.Callee->Name << A.Rule->Name
          << A.Rule->Origin;
      diag(A.Loc, "'%0' returns it here", DiagnosticIDs::Note) << A.Rule->Name;
      Reported.insert({R.Call, R.A});
      continue;
    }
    // Released twice: freed, or taken, before.
    if ((R.GoneBefore & (GoneFreed | GoneTransferred | GoneHeld)) && R.GoneAt &&
        !R.MayBeOther) {
      const FunctionRule *Before = calleeRule(R.GoneAt, resolver(), SM);
      // A deallocator freed it, or a "takes" parameter received it.
      bool WasTaken = Before && !Before->FreeArg;
      // Released by the taker's result: the taker failed and kept nothing.
      // Unless the taker frees it itself where it fails, and the test is of
      // this call's result: freed twice then.
      if (WasTaken && underTakersResult(R.Call, R.GoneAt, *Result.Context)) {
        if (!R.Frees ||
            !takenAlways(*Before, R.GoneAt, R.Call->getArg(R.ArgIndex)) ||
            !underTakersResult(R.Call, R.GoneAt, *Result.Context,
                               /*TestAfterCall=*/true))
          continue;
        diag(Loc, "%0 is freed after '%1' failed at line %2, but '%1' frees "
                  "it itself where it fails (%3); remove this free")
            << A.describe() << Before->Name << LineOf(R.GoneAt)
            << Before->Origin;
        diag(SM.getFileLoc(R.GoneAt->getBeginLoc()),
             "'%0' frees it here when it fails", DiagnosticIDs::Note)
            << Before->Name;
        Reported.insert({R.Call, R.A});
        continue;
      }
      // Held by an object that is freed right after, without what it holds.
      if (WasTaken && R.Frees && contractOf(*Before) == "holds its argument") {
        bool HolderGoes = false;
        for (unsigned I = 0; I < R.GoneAt->getNumArgs() && !HolderGoes; ++I) {
          ArgContract C = Before->argContract(I);
          const Expr *Arg = R.GoneAt->getArg(I);
          if (C != ArgContract::Holds && C != ArgContract::Takes &&
              Arg->getType()->isPointerType())
            HolderGoes = holderFreedNext(R.Call, holderObject(Arg),
                                         *Result.Context, resolver());
        }
        if (HolderGoes)
          continue;
      }
      if (WasTaken)
        diag(Loc, "%0 is %select{freed|handed over again}1 after '%2' took "
                  "ownership of it at line %3 (%4: %5); the new owner releases "
                  "it too: %select{remove this free|copy it before the first "
                  "call}1")
            << A.describe() << !R.Frees << Before->Name << LineOf(R.GoneAt)
            << Before->Origin << contractOf(*Before);
      else
        diag(Loc, "%0 is %select{freed|handed over}1 after it was freed by "
                  "'%2' at line %3; release it once")
            << A.describe() << !R.Frees << (Before ? Before->Name : "?")
            << LineOf(R.GoneAt);
      diag(SM.getFileLoc(R.GoneAt->getBeginLoc()),
           "%select{freed|ownership taken}0 here", DiagnosticIDs::Note)
          << WasTaken;
      Reported.insert({R.Call, R.A});
      continue;
    }
    // Handed to the caller through `*out`, then freed right before the
    // function returns success (libyaml yaml_parser_process_directives
    // before 56f4b17): the caller gets a dangling pointer.
    if (R.Frees && A.fresh() && R.InOutSlot &&
        !(R.GoneBefore & (GoneFreed | GoneTransferred)) &&
        freedBeforeSuccess(R.Call, FD)) {
      diag(Loc, "%0 is freed after it was handed to the caller through an "
                "out-parameter, and the function then returns success: the "
                "caller gets freed memory; free it only where it is not "
                "handed out")
          << A.describe();
      for (const StoreEvent &S : Analysis.stores())
        if (S.A == R.A && S.OutParam) {
          diag(SM.getFileLoc(S.Target->getBeginLoc()),
               "handed to the caller here", DiagnosticIDs::Note);
          break;
        }
      Reported.insert({R.Call, R.A});
      continue;
    }
    // Freed by another family's deallocator.
    if (R.Frees && A.fresh() && !A.Rule->Family.empty() &&
        !R.Callee->Family.empty() && A.Rule->Family != R.Callee->Family &&
        !(A.Call && overwrittenByCopy(A.Call, R.Call,
                                      R.Call->getArg(R.ArgIndex), FD, SM))) {
      std::string Right = resolver().deallocatorFor(A.Rule->Family);
      diag(Loc, "%0 is allocated by '%1' (family %2, %3) but freed by '%4' "
                "(family %5, %6); release it with %7")
          << A.describe() << A.Rule->Name << A.Rule->Family << A.Rule->Origin
          << R.Callee->Name << R.Callee->Family << R.Callee->Origin
          << (Right.empty() ? "a deallocator of its family"
                            : "'" + Right + "'");
      diag(A.Loc, "allocated here", DiagnosticIDs::Note);
      Reported.insert({R.Call, R.A});
    }
  }

  // Freed while a member of the caller's object still points to it (cJSON
  // parse_string before 8e00ef3c: `item->valuestring = out; ... fail:
  // cJSON_free(out); return NULL;`, and cJSON_Delete(item) frees it
  // again). Only members the project releases somewhere (owning fields).
  const OwningFields &Owning = unit().summaries().owningFields();
  for (const DanglingField &D : Analysis.danglingFields()) {
    if (!D.FreedBy || !D.Field || !Owning.owns(D.Field) ||
        !Reported.insert({D.FreedBy, D.A}).second)
      continue;
    std::string Member = (D.Param->getName() + "->" + D.Field->getName()).str();
    diag(SM.getFileLoc(D.FreedBy->getBeginLoc()),
         "%0 is freed, but '%1' still points to it when '%2' returns: the "
         "caller's object keeps a dangling pointer that it frees or reads "
         "again; set '%1' to NULL here, or store it only once it is kept")
        << Allocs[D.A].describe() << Member << FD->getName();
    for (const StoreEvent &S : Analysis.stores())
      if (S.A == D.A && S.Field == D.Field) {
        diag(SM.getFileLoc(S.Target->getBeginLoc()), "stored into '%0' here",
             DiagnosticIDs::Note)
            << Member;
        break;
      }
    diag(D.ExitLoc, "returns here", DiagnosticIDs::Note);
  }

  // A member of the caller's object freed here and left pointing to the
  // freed block when the function fails (cJSON print_value before d514bb8:
  // `output_buffer->hooks.deallocate(output_buffer->buffer); return
  // false;`, and print() frees the buffer again on that failure).
  for (const DanglingMember &D : Analysis.danglingMembers()) {
    if (!Owning.owns(D.Field))
      continue;
    const Expr *Arg =
        D.FreedBy->getNumArgs() != 0 ? D.FreedBy->getArg(0) : nullptr;
    if (const FunctionRule *R = calleeRule(D.FreedBy, resolver(), SM);
        R && R->FreeArg && *R->FreeArg < D.FreedBy->getNumArgs())
      Arg = D.FreedBy->getArg(*R->FreeArg);
    std::string Freed;
    llvm::raw_string_ostream OS(Freed);
    if (Arg)
      Arg->IgnoreParenImpCasts()->printPretty(
          OS, nullptr, Result.Context->getPrintingPolicy());
    OS.flush();
    diag(SM.getFileLoc(D.FreedBy->getBeginLoc()),
         "'%0' is freed, but the caller's object '%1' still points to it when "
         "'%2' fails: the caller frees or reads it again; set it to NULL "
         "after the free")
        << Freed << D.Param->getName() << FD->getName();
    diag(D.ExitLoc, "fails here", DiagnosticIDs::Note);
  }

  // Used after free or after a "takes" parameter received it.
  std::set<AllocId> UsedAfter;
  for (const UseEvent &U : Analysis.uses()) {
    if (!(U.Gone & (GoneFreed | GoneTransferred)) || !U.GoneAt ||
        U.MayBeOther)
      continue;
    const auto *Call = dyn_cast<CallExpr>(U.Use);
    if (Call && Reported.count({Call, U.A}))
      continue;
    // A value the function did not allocate: only reading the freed
    // memory counts (its address compared or looked up is no use of it).
    if (Allocs[U.A].External && !U.IsDeref)
      continue;
    // Used by the taker's result: the taker failed and kept nothing.
    if ((U.Gone & GoneTransferred) && !(U.Gone & GoneFreed) &&
        underTakersResult(U.Use, U.GoneAt, *Result.Context))
      continue;
    const FunctionRule *Before = calleeRule(U.GoneAt, resolver(), SM);
    // Adopted by the object a constructor returns (unbound
    // local_zone_create keeps the name in the zone): it lives as long as
    // that object, which the caller holds.
    if ((U.Gone & GoneTransferred) && !(U.Gone & GoneFreed) && Before &&
        Before->AllocatesReturn)
      continue;
    if (!UsedAfter.insert(U.A).second)
      continue;
    const Allocation &A = Allocs[U.A];
    bool WasTaken = Before && !Before->FreeArg;
    if (WasTaken)
      diag(U.Loc, "%0 is used after '%1' took ownership of it at line %2 (%3: "
                  "%4); copy it before the call if it is still needed")
          << A.describe() << Before->Name << LineOf(U.GoneAt) << Before->Origin
          << contractOf(*Before);
    else
      diag(U.Loc, "%0 is used after it was freed by '%1' at line %2")
          << A.describe() << (Before ? Before->Name : "?") << LineOf(U.GoneAt);
    diag(SM.getFileLoc(U.GoneAt->getBeginLoc()),
         "%select{freed|ownership taken}0 here", DiagnosticIDs::Note)
        << WasTaken;
  }

  // Copied by the callee, then never freed on the normal path: a leak on a
  // path that went through the copying call (an exit before it, or an
  // earlier iteration's block, is another finding).
  std::set<AllocId> StillOwned;
  for (const LeakEvent &L : Analysis.leaks())
    if (!L.Failed && L.AfterCopy && Allocs[L.Leaked].fresh())
      StillOwned.insert(L.Leaked);
  std::set<AllocId> CopyReported;
  for (const CopyEvent &C : Analysis.copies()) {
    if (!StillOwned.count(C.A) || !CopyReported.insert(C.A).second)
      continue;
    const Allocation &A = Allocs[C.A];
    diag(SM.getFileLoc(C.Call->getBeginLoc()),
         "%0 is passed to '%1', which copies it (%2: copies %3), and is never "
         "freed afterwards: the caller still owns it; free it after the call")
        << A.describe() << C.Callee->Name << C.Callee->Origin
        << argument(C.Call, C.ArgIndex);
    diag(A.Loc, "%0 allocated here", DiagnosticIDs::Note) << A.describe();
  }
}

} // namespace clang::tidy::alloc
