//===--- Summaries.cpp - contracts inferred from function bodies ----------===//

#include "Summaries.h"
#include "OwnershipDataflow.h"
#include "Parents.h"
#include "UnitCode.h"
#include "StatusFacts.h"
#include "Compat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SCCIterator.h"
#include "llvm/Support/Path.h"
#include <functional>
#include <map>
#include <set>

namespace clang::tidy::alloc {

namespace {

/// Iterations of one strongly connected component before its summaries are
/// taken as they are (each round can only add facts a callee proved).
constexpr unsigned MaxRounds = 3;

/// "net.c:40": where a summary's evidence is, for messages.
std::string where(SourceLocation Loc, const SourceManager &SM) {
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Loc));
  if (P.isInvalid())
    return "";
  return (llvm::sys::path::filename(P.getFilename()) + ":" +
          llvm::Twine(P.getLine()))
      .str();
}

/// A pointer parameter: what summaries say something about.
bool isPointerParam(const ParmVarDecl *P) {
  QualType T = P->getType();
  return T->isPointerType() && !T->isFunctionPointerType();
}

/// Walks a body once and sorts the uses of each pointer parameter (and of
/// the local variables copied from it): reads and borrows, copies, releases
/// (freed, taken, held, stored), and what it cannot follow.  It also notes
/// the fields of a parameter's object the body frees (a destroy function).
class ParamWalk {
public:
  ParamWalk(const FunctionDecl *FD, ASTContext &Ctx, CalleeResolver &R,
            const llvm::DenseSet<const FunctionDecl *> *Unsummarised = nullptr)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Resolver(R),
        Unsummarised(Unsummarised) {
    for (unsigned I = 0; I < FD->getNumParams(); ++I)
      if (isPointerParam(FD->getParamDecl(I))) {
        Uses.push_back({I});
        Of[FD->getParamDecl(I)] = Uses.size() - 1;
      }
  }

  std::vector<ParamUse> Uses;
  /// Fields of a parameter's object released by the body, per parameter.
  std::map<unsigned, std::vector<std::string>> FreedFields;
  /// The calls that release each of them by name (parameter, field).
  std::map<std::pair<unsigned, std::string>, std::vector<const CallExpr *>>
      FreedBy;
  /// Fields handed to a pending callee: "field I F G J" conditions.
  std::vector<std::string> FieldConditions;
  /// A deallocator the body calls on a parameter or its fields.
  const FunctionRule *Deallocator = nullptr;

  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    auto It = Of.find(DRE->getDecl());
    if (It != Of.end())
      classify(DRE, Uses[It->second]);
    return true;
  }

  /// Parameters whose object's reference count the body increments
  /// (`o->refcount++`, `__atomic_add_fetch(&o->refs, 1, ...)`): it takes a
  /// reference of its own.
  std::vector<unsigned> Retains;

  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementOp())
      retainedThrough(U->getSubExpr());
    return true;
  }
  bool VisitCompoundAssignOperator(CompoundAssignOperator *C) {
    if (C->getOpcode() == BO_AddAssign)
      retainedThrough(C->getLHS());
    return true;
  }
  bool VisitAtomicExpr(AtomicExpr *A) {
    switch (A->getOp()) {
    case AtomicExpr::AO__atomic_add_fetch:
    case AtomicExpr::AO__atomic_fetch_add:
    case AtomicExpr::AO__c11_atomic_fetch_add:
      if (const auto *Addr =
              dyn_cast<UnaryOperator>(A->getPtr()->IgnoreParenImpCasts());
          Addr && Addr->getOpcode() == UO_AddrOf)
        retainedThrough(Addr->getSubExpr());
      break;
    default:
      break;
    }
    return true;
  }

  /// Visits \p Top and the statements under it in source order, parents
  /// first (a plain walk of the children: the visitor's traversal of types
  /// and declarations finds no use of a parameter), keeping the path from
  /// the body down: the parents of a parameter's uses, without mapping the
  /// whole body (most functions are never analysed further, and would never
  /// need the map).
  void walk(Stmt *Top) {
    forEachStmtNested(
        Top,
        [&](Stmt *S) {
          Path.push_back(S);
          if (auto *DRE = dyn_cast<DeclRefExpr>(S))
            VisitDeclRefExpr(DRE);
          else if (auto *U = dyn_cast<UnaryOperator>(S))
            VisitUnaryOperator(U);
          else if (auto *C = dyn_cast<CompoundAssignOperator>(S))
            VisitCompoundAssignOperator(C);
          else if (auto *A = dyn_cast<AtomicExpr>(S))
            VisitAtomicExpr(A);
          else if (auto *Call = dyn_cast<CallExpr>(S))
            VisitCallExpr(Call);
          return true;
        },
        [&](Stmt *, bool) { Path.pop_back(); });
  }

  bool VisitCallExpr(CallExpr *Call) {
    // Fields of a parameter's object handed to a deallocator or a taker:
    // free(obj->name), name_free(obj->name).
    const FunctionRule *R = Resolver.ruleForCall(Call, SM);
    if (!R)
      return true;
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      // key_params_free(&obj->params), which frees fields of what it is
      // given: those fields of obj's member (OpenSC
      // sc_pkcs15_free_pubkey_info).
      const std::vector<std::string> *Inner = nullptr;
      const Expr *Arg = stripCasts(Call->getArg(I));
      if (const auto *U = dyn_cast<UnaryOperator>(Arg);
          U && U->getOpcode() == UO_AddrOf && R->FreesFieldsArg == I &&
          !R->FreedFields.empty() && !R->Pending) {
        Inner = &R->FreedFields;
        Arg = stripCasts(U->getSubExpr());
      } else if (!R->releases(I) && R->FreeArg != I && !R->Pending) {
        continue;
      }
      const auto *ME = dyn_cast<MemberExpr>(Arg);
      // free(obj->key.value): a field of obj's member, known by its own
      // name (as the dataflow knows `p->a.b`).
      const MemberExpr *Outer = ME;
      if (ME && !ME->isArrow())
        if (const auto *In = dyn_cast<MemberExpr>(stripCasts(ME->getBase()));
            In && In->isArrow() && !Inner)
          ME = In;
      if (!ME || !ME->isArrow())
        continue;
      const auto *Base = dyn_cast<DeclRefExpr>(stripCasts(ME->getBase()));
      auto It = Base ? Of.find(Base->getDecl()) : Of.end();
      if (It == Of.end())
        continue;
      std::string Name = Outer->getMemberDecl()->getName().str();
      if (Inner) {
        std::vector<std::string> &F = FreedFields[Uses[It->second].Index];
        for (const std::string &N : *Inner)
          if (!llvm::is_contained(F, N))
            F.push_back(N);
        continue;
      }
      if (R->Pending) {
        FieldConditions.push_back("field " +
                                  std::to_string(Uses[It->second].Index) +
                                  " " + Name + " " + R->Name + " " +
                                  std::to_string(I));
        continue;
      }
      std::vector<std::string> &F = FreedFields[Uses[It->second].Index];
      if (!llvm::is_contained(F, Name))
        F.push_back(Name);
      FreedBy[{Uses[It->second].Index, Name}].push_back(Call);
      if (R->FreeArg == I && !Deallocator)
        Deallocator = R;
    }
    return true;
  }

private:
  /// The statement \p S is a child of (on the path being visited), or, for
  /// a variable's initialiser, the variable.
  DynTypedNode parentOf(const Stmt *S) const {
    for (size_t I = Path.size(); I-- > 1;) {
      if (Path[I] != S)
        continue;
      const Stmt *P = Path[I - 1];
      if (const auto *DS = dyn_cast<DeclStmt>(P))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D);
              VD && VD->getInit() == S)
            return DynTypedNode::create(*VD);
      return DynTypedNode::create(*P);
    }
    return DynTypedNode();
  }

  /// The expression \p E is part of, past parentheses and casts.
  const Expr *user(const Expr *E, const Expr *&Child) {
    Child = E;
    while (true) {
      DynTypedNode Parent = parentOf(Child);
      const auto *P = Parent.get<Expr>();
      if (!P)
        return nullptr; // a statement: the value is not used as a pointer
      if (isa<ParenExpr>(P) || isa<CastExpr>(P)) {
        // A pointer cast to an integer is out of sight.
        if (const auto *C = dyn_cast<CastExpr>(P);
            C && C->getType()->isIntegerType() &&
            C->getCastKind() != CK_PointerToBoolean)
          return P;
        Child = P;
        continue;
      }
      return P;
    }
  }

  void classify(const DeclRefExpr *DRE, ParamUse &U) {
    const Expr *Child = nullptr;
    const Expr *P = user(DRE, Child);
    if (!P) {
      // A statement (an if or while condition, an expression statement) or
      // a declaration's initializer.
      DynTypedNode Parent = parentOf(Child);
      if (const auto *VD = Parent.get<VarDecl>()) {
          if (VD->hasLocalStorage() && !VD->getType()->isRecordType()) {
            alias(VD, U);
            return;
          }
          U.Unknown = true; // a static, or a struct initialized with it
          return;
        }
      if (Parent.get<ReturnStmt>())
        U.Unknown = true; // returned: the caller gets it back
      return;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(P)) {
      (void)ME; // p->field: a read of, or a write into, the object
      return;
    }
    if (isa<ArraySubscriptExpr>(P))
      return;
    if (const auto *UO = dyn_cast<UnaryOperator>(P)) {
      // &p: whoever gets it may change it, unless it only borrows it: a
      // cursor moved along the same block (unbound dname_remove_label(&nm,
      // &len) steps past a label).
      if (UO->getOpcode() == UO_AddrOf && !borrowedAddress(UO, U))
        U.Unknown = true;
      // free(*pp): what the caller's pointer points to is released
      // (iotivity u_arraylist_free(&list)), which no contract of pp says:
      // not a borrow.
      if (UO->getOpcode() == UO_Deref && releasedValue(UO))
        U.Unknown = true;
      return; // *p, !p, p++
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(P)) {
      if (BO->isComparisonOp() || BO->isLogicalOp())
        return;
      if (BO->getOpcode() == BO_Assign) {
        if (Child == BO->getLHS())
          return; // p = ...: the parameter now holds something else
        store(BO->getLHS(), U);
        return;
      }
      if (BO->isAdditiveOp() && BO->getType()->isPointerType()) {
        // p + n: a pointer into the same block, used as it is used.
        const Expr *Into = nullptr;
        const Expr *Q = user(BO, Into);
        // `req = (struct server_request *)((char *)req_ - offsetof(struct
        // server_request, base))`: container_of (libevent evdns
        // TO_SERVER_REQUEST) gives back the block the parameter points
        // into; the local is the parameter.
        if (!Q && containerBase(BO, Ctx))
          if (const auto *VD = parentOf(Into).get<VarDecl>();
              VD && VD->hasLocalStorage() && VD->getType()->isPointerType()) {
            alias(VD, U);
            return;
          }
        if (!Q || isa<MemberExpr>(Q) || isa<ArraySubscriptExpr>(Q) ||
            (isa<UnaryOperator>(Q) &&
             cast<UnaryOperator>(Q)->getOpcode() == UO_Deref))
          return;
        if (const auto *Call = dyn_cast<CallExpr>(Q)) {
          argument(Call, Into, U, /*Interior=*/true);
          return;
        }
        // `*end = p + n`: a pointer into the caller's block, handed back
        // through an out-parameter; the block stays the caller's.
        if (const auto *Set = dyn_cast<BinaryOperator>(Q);
            Set && Set->getOpcode() == BO_Assign && Into == Set->getRHS())
          if (const auto *D = dyn_cast<UnaryOperator>(
                  Set->getLHS()->IgnoreParenImpCasts());
              D && D->getOpcode() == UO_Deref)
            if (const auto *Out = dyn_cast<DeclRefExpr>(
                    D->getSubExpr()->IgnoreParenImpCasts());
                Out && isa<ParmVarDecl>(Out->getDecl()))
              return;
        // `r->data = (char *)r + a`: a pointer into the object kept in the
        // object itself (unbound regional_init); it goes where the object
        // goes.
        if (const auto *Set = dyn_cast<BinaryOperator>(Q);
            Set && Set->getOpcode() == BO_Assign && Into == Set->getRHS()) {
          const Expr *L = Set->getLHS()->IgnoreParenImpCasts();
          bool Member = false;
          while (const auto *M = dyn_cast<MemberExpr>(L)) {
            L = M->getBase()->IgnoreParenImpCasts();
            Member = true;
          }
          if (const auto *Self = dyn_cast<DeclRefExpr>(L);
              Member && Self && Self->getDecl() == DRE->getDecl())
            return;
        }
        U.Unknown = true;
        return;
      }
      if (BO->getOpcode() == BO_Comma && Child == BO->getLHS())
        return;
      // `p += len`: a cursor moving along the caller's block (unbound
      // dname_count_labels walks a name's labels).
      if ((BO->getOpcode() == BO_AddAssign ||
           BO->getOpcode() == BO_SubAssign) &&
          Child == BO->getLHS())
        return;
      U.Unknown = true;
      return;
    }
    if (const auto *Call = dyn_cast<CallExpr>(P)) {
      if (Child == Call->getCallee())
        return;
      argument(Call, Child, U, /*Interior=*/false);
      return;
    }
    // The test of `p ? p->type : 0` (parson json_value_get_type): a read.
    if (const auto *CO = dyn_cast<AbstractConditionalOperator>(P);
        CO && Child == CO->getCond())
      return;
    // A conditional operator, an initializer list, a compound literal...
    U.Unknown = true;
  }

  /// The rule of the call whose argument \p I the value \p E is (past
  /// parentheses and casts); null when it is no call's argument or the
  /// callee has no rule.
  const FunctionRule *argumentOf(const Expr *E, unsigned &I) {
    const Expr *Child = nullptr;
    const auto *Call = dyn_cast_or_null<CallExpr>(user(E, Child));
    if (!Call || Child == Call->getCallee())
      return nullptr;
    for (I = 0; I < Call->getNumArgs(); ++I)
      if (Call->getArg(I) == Child)
        return Resolver.ruleForCall(Call, SM);
    return nullptr;
  }

  /// True if the value \p E is handed to a deallocator or to a parameter
  /// that takes or holds it.
  bool releasedValue(const Expr *E) {
    unsigned I = 0;
    const FunctionRule *R = argumentOf(E, I);
    return R && (R->FreeArg == I || R->releases(I));
  }

  /// True if \p Addr, `&p`, is an argument that its callee's rule says
  /// only borrows (neither allocates into it nor keeps it), or one of a
  /// function of another unit, whose rule decides once it is known (a
  /// forward in \p U).
  bool borrowedAddress(const UnaryOperator *Addr, ParamUse &U) {
    unsigned I = 0;
    const FunctionRule *R = argumentOf(Addr, I);
    if (!R)
      return false;
    if (R->Pending) {
      U.Forwards.push_back({R->Name, I});
      return true;
    }
    return R->argContract(I) == ArgContract::Borrows && R->AllocatesArg != I &&
           R->FillsFieldsArg != I;
  }

  /// \p Arg, the parameter's value, is an argument of \p Call.
  void argument(const CallExpr *Call, const Expr *Arg, ParamUse &U,
                bool Interior) {
    unsigned I = 0;
    while (I < Call->getNumArgs() && Call->getArg(I) != Arg)
      ++I;
    const FunctionDecl *Callee = Call->getDirectCallee();
    const FunctionRule *R = Resolver.ruleForCall(Call, SM);
    // A member of this recursive component not summarised yet (cJSON's
    // print_value, print_array and print_object hand the print buffer to
    // each other): nothing known yet, and the component's next round reads
    // its summary.
    if (!R && Callee && Unsummarised &&
        Unsummarised->count(Callee->getCanonicalDecl()))
      return;
    if (I < Call->getNumArgs() && !Callee && hookTarget(Call->getCallee()) &&
        !Resolver.hookRule(Call->getCallee(), SM)) {
      U.ViaHook = true;
      return;
    }
    // Through a function pointer: known only when it is a hook with a rule
    // (`__ares_free(ptr)`, initialised with a deallocator).
    if (I == Call->getNumArgs() || (!Callee && !R)) {
      U.Unknown = true;
      return;
    }
    if (R && R->retains(I))
      U.Retained = true;
    if (R && R->links(I))
      U.Linked = true;
    ArgContract C = R ? R->argContract(I) : ArgContract::Unspecified;
    if (C == ArgContract::Unspecified && variadicExtra(Callee, I))
      return; // printf-like (a project's log function): reads its extras
    if (R && R->Pending && !Interior) {
      U.Forwards.push_back({R->Name, I});
      return;
    }
    if (Interior && (R && (R->FreeArg == I || R->releases(I)))) {
      U.Unknown = true; // an interior pointer freed: not ours to judge
      return;
    }
    if (C == ArgContract::Takes || C == ArgContract::Holds) {
      U.Released = true;
      return;
    }
    if (C == ArgContract::Copies) {
      U.Copied = true;
      return;
    }
    if (C == ArgContract::Borrows || (R && R->dereferences(I)))
      return;
    if (R && !R->Inferred)
      return; // the rules describe what matters; the rest is borrowed
    // A callee of this unit that only hands it on to other units'
    // functions (a forward): handed on to them from here too (unbound
    // lz_find_create_node, recursive, gives the name to
    // regional_alloc_init and dname_remove_label).
    if (R && C == ArgContract::Unspecified && !Interior) {
      std::string Prefix = "forward " + std::to_string(I) + " ";
      bool Forwarded = false;
      for (const std::string &Q : R->Requires) {
        if (!compat::startsWith(Q, Prefix))
          continue;
        Forwarded = true;
        auto [Name, J] = StringRef(Q).drop_front(Prefix.size()).rsplit(' ');
        unsigned Index = 0;
        if (Name.empty() || J.getAsInteger(10, Index))
          continue;
        std::pair<std::string, unsigned> F{Name.str(), Index};
        if (!llvm::is_contained(U.Forwards, F))
          U.Forwards.push_back(std::move(F));
      }
      if (Forwarded) {
        U.ForwardedThrough = true;
        return;
      }
    }
    U.Unknown = true;
  }

  /// The parameter's value is stored into \p LHS.
  void store(const Expr *LHS, ParamUse &U) {
    LHS = stripCasts(LHS);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(LHS))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (VD->hasLocalStorage()) {
          if (VD->getType()->isPointerType())
            alias(VD, U);
          else
            U.Unknown = true;
          return;
        }
    // A field of a local struct is not a place that outlives the call, but
    // the struct may go anywhere: out of sight, unless it is only a key
    // handed to lookups.
    if (const auto *ME = dyn_cast<MemberExpr>(LHS); ME && !ME->isArrow())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(ME->getBase())))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
            VD && VD->hasLocalStorage()) {
          if (!lookupKeyOnly(VD))
            U.Unknown = true;
          return;
        }
    // A 'void *' context pointer kept for a callback is not memory the
    // callee will free (sqlite3_set_authorizer's pArg).
    U.Released = true;
  }

  /// True if the local structure \p VD serves only as a key for lookups:
  /// its fields are written and read (no pointer read back out), and its
  /// address goes only into its own fields or to parameters that point to
  /// const or that their function borrows (unbound local_zones_find: `key.name
  /// = name; return rbtree_search(&zones->ztree, &key);`).  What it holds is
  /// read during those calls, not kept.
  bool lookupKeyOnly(const VarDecl *VD) {
    if (Path.empty() || !VD->getType()->isRecordType())
      return false;
    auto Up = [&](const Stmt *S) { return parentStmt(*S, Ctx); };
    // `&key` (or `&key.node`) as an argument or a self-pointer.
    auto AddressOk = [&](const Stmt *Addr) {
      const Stmt *Child = Addr, *P = Up(Addr);
      while (isa_and_nonnull<ParenExpr, CastExpr>(P)) {
        Child = P;
        P = Up(P);
      }
      if (const auto *Call = dyn_cast_or_null<CallExpr>(P)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
          if (Call->getArg(I) != Child)
            continue;
          if (Callee && I < Callee->getNumParams() &&
              Callee->getParamDecl(I)
                  ->getType()
                  ->getPointeeType()
                  .isConstQualified())
            return true;
          const FunctionRule *R = Resolver.ruleForCall(Call, SM);
          return R && R->argContract(I) == ArgContract::Borrows;
        }
        return false;
      }
      const auto *B = dyn_cast_or_null<BinaryOperator>(P);
      if (!B || B->getOpcode() != BO_Assign || B->getRHS() != Child)
        return false;
      const Expr *L = B->getLHS()->IgnoreParenImpCasts();
      for (const auto *M = dyn_cast<MemberExpr>(L); M && !M->isArrow();
           M = dyn_cast<MemberExpr>(L))
        L = M->getBase()->IgnoreParenImpCasts();
      const auto *Self = dyn_cast<DeclRefExpr>(L);
      return Self && Self->getDecl() == VD;
    };
    bool Ok = true;
    forEachStmtIn(Path.front(), [&](const Stmt *S) {
      const auto *D = dyn_cast<DeclRefExpr>(S);
      if (!D || D->getDecl() != VD)
        return true;
      const Stmt *E = D, *P = Up(D);
      while (isa_and_nonnull<ParenExpr>(P)) {
        E = P;
        P = Up(P);
      }
      // key.a.b: the outermost member.
      bool Member = false;
      while (const auto *M = dyn_cast_or_null<MemberExpr>(P)) {
        if (M->isArrow())
          break;
        Member = true;
        E = P;
        P = Up(P);
      }
      if (const auto *U = dyn_cast_or_null<UnaryOperator>(P);
          U && U->getOpcode() == UO_AddrOf) {
        Ok = AddressOk(U);
      } else if (Member) {
        const auto *B = dyn_cast_or_null<BinaryOperator>(P);
        Ok = (B && B->isAssignmentOp() && B->getLHS() == E) ||
             !cast<Expr>(E)->getType()->isPointerType();
      } else {
        Ok = false;
      }
      return Ok;
    });
    return Ok;
  }

  /// \p Counter, incremented, is a reference count of a parameter's
  /// object: `p->refcount`, any field with "ref" in its name.
  void retainedThrough(const Expr *Counter) {
    const auto *ME = dyn_cast<MemberExpr>(Counter->IgnoreParenImpCasts());
    if (!ME || !ME->isArrow() || !ME->getMemberDecl()->getIdentifier() ||
        !ME->getMemberDecl()->getName().contains_insensitive("ref"))
      return;
    const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(ME->getBase()));
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    if (P && Of.count(P) && !llvm::is_contained(Retains, Uses[Of[P]].Index))
      Retains.push_back(Uses[Of[P]].Index);
  }

  void alias(const VarDecl *VD, ParamUse &U) {
    auto [It, New] = Of.try_emplace(VD, &U - Uses.data());
    if (!New && It->second != size_t(&U - Uses.data()))
      U.Unknown = true; // one variable for two parameters
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  CalleeResolver &Resolver;
  const llvm::DenseSet<const FunctionDecl *> *Unsummarised;
  llvm::DenseMap<const Decl *, size_t> Of;
  std::vector<const Stmt *> Path;
};

/// True if \p FD frees its parameter \p P where \p Realloc, the call that
/// resizes it, failed: under `if (newptr == NULL)` (or `!newptr`) on the
/// variable the call's result went to (libuv uv__reallocf: `newptr =
/// uv__realloc(ptr, size); if (newptr == NULL) if (size > 0)
/// uv__free(ptr);`, BSD reallocf).
bool freesOnFailure(const FunctionDecl *FD, const CallExpr *Realloc,
                    const ParmVarDecl *P, CalleeResolver &Resolver,
                    ASTContext &Ctx) {
  // The variable the new block goes to.
  const VarDecl *V = nullptr;
  DynTypedNode N = DynTypedNode::create(*static_cast<const Stmt *>(Realloc));
  for (unsigned Depth = 0; Depth < 8 && !V; ++Depth) {
    DynTypedNodeList Ps = parentsOf(N, Ctx);
    if (Ps.empty())
      return false;
    N = Ps[0];
    if (const auto *D = N.get<VarDecl>())
      V = D;
    else if (const auto *BO = N.get<BinaryOperator>()) {
      if (BO->getOpcode() != BO_Assign)
        return false;
      const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(BO->getLHS()));
      V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if (!V)
        return false;
    } else if (!N.get<ParenExpr>() && !N.get<CastExpr>()) {
      return false;
    }
  }
  if (!V)
    return false;
  // Whether \p Cond, being \p Truth, says V is NULL.
  auto NullWhen = [&](const Expr *Cond, bool Truth) {
    const Expr *E = stripCasts(Cond);
    while (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() != UO_LNot)
        break;
      Truth = !Truth;
      E = stripCasts(U->getSubExpr());
    }
    auto IsV = [&](const Expr *X) {
      const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(X));
      return DRE && DRE->getDecl() == V;
    };
    if (IsV(E))
      return !Truth;
    const auto *BO = dyn_cast<BinaryOperator>(E);
    if (!BO || (BO->getOpcode() != BO_EQ && BO->getOpcode() != BO_NE))
      return false;
    auto Null = [&](const Expr *X) {
      return X->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
    };
    if (!((IsV(BO->getLHS()) && Null(BO->getRHS())) ||
          (IsV(BO->getRHS()) && Null(BO->getLHS()))))
      return false;
    return Truth == (BO->getOpcode() == BO_EQ);
  };
  std::vector<const CallExpr *> Calls;
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    if (const auto *C = dyn_cast<CallExpr>(S))
      Calls.push_back(C);
  });
  const SourceManager &SM = Ctx.getSourceManager();
  for (const CallExpr *C : Calls) {
    const FunctionRule *R = Resolver.ruleForCall(C, SM);
    if (!R || !R->FreeArg || *R->FreeArg >= C->getNumArgs())
      continue;
    const auto *Arg = dyn_cast<DeclRefExpr>(stripCasts(C->getArg(*R->FreeArg)));
    if (!Arg || Arg->getDecl() != P)
      continue;
    // An enclosing if that tests V for NULL, on its NULL side.
    DynTypedNode Child = DynTypedNode::create(*static_cast<const Stmt *>(C));
    for (unsigned Depth = 0; Depth < 32; ++Depth) {
      DynTypedNodeList Ps = parentsOf(Child, Ctx);
      if (Ps.empty() || Ps[0].get<FunctionDecl>())
        break;
      if (const auto *If = Ps[0].get<IfStmt>()) {
        const Stmt *S = Child.get<Stmt>();
        if (S == If->getThen() && NullWhen(If->getCond(), true))
          return true;
        if (S && S == If->getElse() && NullWhen(If->getCond(), false))
          return true;
      }
      Child = Ps[0];
    }
  }
  return false;
}

/// How a status value reports failure, from the values returned where an
/// out-parameter was set (\p Ok) and where it was not (\p Fail).
/// True if \p Ret is the then-branch of `if (X == NULL)` (or `!X`, `NULL
/// == X`) for an X that \p Is: the allocation stored in X failed there.
bool returnsOnNullOf(const Stmt *Ret, llvm::function_ref<bool(const Expr *)> Is,
                     ASTContext &Ctx) {
  const Stmt *Child = Ret;
  for (unsigned Depth = 0; Child && Depth < 5; ++Depth) {
    const Stmt *Parent = parentStmt(*Child, Ctx);
    if (!Parent)
      return false;
    // A macro's `do { ... return _ret; } while (0)` (OpenSC
    // LOG_FUNC_RETURN) stands for its body.
    if (const auto *Do = dyn_cast<DoStmt>(Parent)) {
      if (!isNullOrZero(Do->getCond(), Ctx))
        return false;
      Child = Parent;
      continue;
    }
    if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      if (If->getThen() != Child)
        return false;
      const Expr *X = nullTested(If->getCond(), Ctx);
      return X && Is(X);
    }
    if (!isa<CompoundStmt>(Parent))
      return false;
    Child = Parent;
  }
  return false;
}

/// The same for `*P`.
bool returnsOnNullOut(const Stmt *Ret, const ParmVarDecl *P, ASTContext &Ctx) {
  return returnsOnNullOf(
      Ret,
      [&](const Expr *E) {
        const auto *U = dyn_cast<UnaryOperator>(E);
        if (!U || U->getOpcode() != UO_Deref)
          return false;
        const auto *D = dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr()));
        return D && D->getDecl() == P;
      },
      Ctx);
}

std::optional<std::string> statusKind(const std::set<int64_t> &Ok,
                                      const std::set<int64_t> &Fail) {
  if (Ok.empty() || Fail.empty())
    return std::nullopt;
  for (int64_t V : Ok)
    if (Fail.count(V))
      return std::nullopt;
  auto All = [](const std::set<int64_t> &S, auto Pred) {
    return llvm::all_of(S, Pred);
  };
  // Success exactly 0: callers test `!= 0` as often as `< 0`.  With only
  // negative failures (libevent evutil_read_file_: 0, -1 or -2) both tests
  // decide it ("minus-errno"); with positive ones too, `!= 0` does.
  if (Ok.size() == 1 && *Ok.begin() == 0 &&
      All(Fail, [](int64_t V) { return V < 0; }))
    return std::string("minus-errno");
  if (Ok.size() == 1 && *Ok.begin() == 0 &&
      All(Fail, [](int64_t V) { return V != 0; }))
    return std::string("nonzero");
  if (All(Fail, [](int64_t V) { return V < 0; }) &&
      All(Ok, [](int64_t V) { return V >= 0; }))
    return std::string("negative");
  if (Fail.size() == 1 && *Fail.begin() == 0 &&
      All(Ok, [](int64_t V) { return V != 0; }))
    return std::string("null");
  return std::nullopt;
}

/// True if the constants a function returns where it kept (\p Ok) and
/// left (\p Fail) an argument read as success and failure in status class
/// \p Kind (either may be empty).
bool statusAgrees(const std::string &Kind, const std::set<int64_t> &Ok,
                  const std::set<int64_t> &Fail) {
  auto Failed = [&](int64_t V) {
    if (Kind == "minus-errno" || Kind == "negative")
      return V < 0;
    if (Kind == "nonzero")
      return V != 0;
    return false;
  };
  return llvm::all_of(Fail, Failed) &&
         llvm::none_of(Ok, [&](int64_t V) { return Failed(V); });
}

/// The field whose array element \p S stores into (`loop->watchers[fd] =
/// w`: watchers), or null.
const FieldDecl *elementOfField(const StoreEvent &S) {
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(stripCasts(S.Target)))
    if (const auto *ME = dyn_cast<MemberExpr>(stripCasts(AS->getBase())))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

/// True if \p FD only tests \p P against NULL and stores it (`v->s =
/// string;`): what a constructor adopting its argument does, where one
/// that reads through it (SQLite sqlite3WhereBegin's pTabList) uses it as
/// its input and keeps a view.
bool onlyStoresParam(const FunctionDecl *FD, const ParmVarDecl *P) {
  unsigned Refs = 0, Plain = 0;
  auto Is = [&](const Expr *E) {
    const auto *DRE = E ? dyn_cast<DeclRefExpr>(stripCasts(E)) : nullptr;
    return DRE && DRE->getDecl() == P;
  };
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S)) {
      Refs += DRE->getDecl() == P;
    } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() == BO_Assign && Is(BO->getRHS()) &&
          isa<MemberExpr>(stripCasts(BO->getLHS())))
        ++Plain;
      else if (BO->isEqualityOp() || BO->isLogicalOp())
        Plain += Is(BO->getLHS()) + Is(BO->getRHS());
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      Plain += U->getOpcode() == UO_LNot && Is(U->getSubExpr());
    } else if (const auto *If = dyn_cast<IfStmt>(S)) {
      Plain += Is(If->getCond());
    }
  });
  return Refs == Plain;
}

/// The status class of the callee when \p Exit returns the status of a
/// call that takes \p P only on success (`return set_value(obj, p);`).
std::optional<std::string> forwardedTakerStatus(const Stmt *Exit,
                                                const ParmVarDecl *P,
                                                CalleeResolver &Resolver,
                                                const SourceManager &SM) {
  const auto *Ret = dyn_cast_or_null<ReturnStmt>(Exit);
  const auto *C = Ret && Ret->getRetValue()
                      ? dyn_cast<CallExpr>(stripCasts(Ret->getRetValue()))
                      : nullptr;
  const FunctionRule *R = C ? Resolver.ruleForCall(C, SM) : nullptr;
  if (!R || !R->Status || R->TakesOnSuccess.empty())
    return std::nullopt;
  for (unsigned I : R->TakesOnSuccess)
    if (I < C->getNumArgs())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(C->getArg(I)));
          DRE && DRE->getDecl() == P)
        return R->Status;
  return std::nullopt;
}

/// When \p FD never returns: no return statement, and its last statement
/// calls a function that never returns (or a pending one, which may not):
/// that callee's rule; else null.
const FunctionRule *lastCallNeverReturning(const FunctionDecl *FD,
                                           CalleeResolver &R,
                                           const SourceManager &SM) {
  static const FunctionRule Declared = [] {
    FunctionRule N;
    N.NoReturn = true;
    return N;
  }();
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  if (!Body || Body->body_empty())
    return nullptr;
  // The last statement first: a walk of the body only for a candidate.
  const auto *Call = dyn_cast<CallExpr>(Body->body_back());
  if (!Call)
    return nullptr;
  const FunctionRule *Last = nullptr;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (Callee && Callee->isNoReturn()) {
    Last = &Declared;
  } else {
    const FunctionRule *Rule = R.ruleForCall(Call, SM);
    Last = Rule && (Rule->NoReturn || Rule->Pending) ? Rule : nullptr;
  }
  if (!Last)
    return nullptr;
  bool Found = false;
  forEachStmtIn(Body, [&](const Stmt *S) {
    Found = isa<ReturnStmt>(S);
    return !Found;
  });
  return Found ? nullptr : Last;
}

/// Everything a summary says, for comparing two rounds.
/// Sets the status class of \p R's out-parameter allocation; arguments it
/// takes on success by another class are left unspecified.
void setStatus(FunctionRule &R, std::optional<std::string> Kind) {
  if (!R.TakesOnSuccess.empty() && R.Status != Kind) {
    llvm::erase_if(R.Args, [&](const auto &C) {
      return llvm::is_contained(R.TakesOnSuccess, C.first);
    });
    R.TakesOnSuccess.clear();
  }
  R.Status = std::move(Kind);
}

bool sameFacts(const FunctionRule &A, const FunctionRule &B) {
  return A.AllocatesReturn == B.AllocatesReturn &&
         A.AllocatesArg == B.AllocatesArg && A.ReallocArg == B.ReallocArg &&
         A.FreesOnFailure == B.FreesOnFailure && A.FreeArg == B.FreeArg &&
         A.ReallocatesOut == B.ReallocatesOut &&
         A.MayReturnNull == B.MayReturnNull && A.Status == B.Status &&
         A.NoReturn == B.NoReturn && A.NeverPositive == B.NeverPositive &&
         A.Returns == B.Returns && A.Args == B.Args &&
         A.FreesFieldsArg == B.FreesFieldsArg &&
         A.FreedFields == B.FreedFields &&
         A.FillsFieldsArg == B.FillsFieldsArg &&
         A.FilledFields == B.FilledFields &&
         A.BorrowedFromArg == B.BorrowedFromArg &&
         A.ReturnsArg == B.ReturnsArg && A.Family == B.Family &&
         A.Retains == B.Retains && A.Links == B.Links &&
         A.Requires == B.Requires && A.TakesOnSuccess == B.TakesOnSuccess &&
         A.TakesAlways == B.TakesAlways;
}

/// The pointer parameter every return of \p FD returns unchanged
/// (`... return pPtr;`), if there is one.
std::optional<unsigned> returnedParam(const FunctionDecl *FD) {
  if (!FD->hasBody())
    return std::nullopt;
  const ParmVarDecl *P = nullptr;
  bool Other = false, Any = false;
  llvm::SmallPtrSet<const Decl *, 4> Assigned;
  auto Param = [](const Expr *E) -> const Decl * {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
    return DRE && isa<ParmVarDecl>(DRE->getDecl()) ? DRE->getDecl() : nullptr;
  };
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      Any = true;
      const Expr *V = R->getRetValue();
      const auto *Q = V ? dyn_cast_or_null<ParmVarDecl>(Param(V)) : nullptr;
      if (!Q || (P && P != Q))
        Other = true;
      else
        P = Q;
    } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      // The parameter reassigned: not the argument any more.
      if (BO->isAssignmentOp())
        if (const Decl *D = Param(BO->getLHS()))
          Assigned.insert(D);
    } else if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      if (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf)
        if (const Decl *D = Param(U->getSubExpr()))
          Assigned.insert(D);
    }
  });
  if (!Any || Other || !P || Assigned.count(P) ||
      !P->getType()->isPointerType())
    return std::nullopt;
  return P->getFunctionScopeIndex();
}

/// The allocation that stands for parameter \p Index in \p A, if the
/// analysis followed it.
std::optional<AllocId> paramAllocation(const OwnershipAnalysis &A,
                                       unsigned Index) {
  for (AllocId I = 0; I < A.allocations().size(); ++I)
    if (A.allocations()[I].Param == Index)
      return I;
  return std::nullopt;
}

/// True if \p S assigns \p V (or takes its address) anywhere inside.
bool assignsTo(const Stmt *S, const Decl *V) {
  auto Refers = [&](const Expr *E) {
    const auto *D = dyn_cast<DeclRefExpr>(stripCasts(E));
    return D && D->getDecl() == V;
  };
  bool Found = false;
  forEachStmtIn(S, [&](const Stmt *X) {
    if (const auto *BO = dyn_cast<BinaryOperator>(X))
      Found = BO->isAssignmentOp() && Refers(BO->getLHS());
    else if (const auto *U = dyn_cast<UnaryOperator>(X))
      Found = (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) &&
              Refers(U->getSubExpr());
    return !Found;
  });
  return Found;
}

/// The variable \p Ret returns (`return rc;`), if it returns one.
const DeclRefExpr *returnedVar(const Stmt *Ret) {
  const auto *R = dyn_cast_or_null<ReturnStmt>(Ret);
  return R && R->getRetValue()
             ? dyn_cast<DeclRefExpr>(stripCasts(R->getRetValue()))
             : nullptr;
}

/// The integer constants a local \p V is given in \p Body (its initialiser
/// and `v = K`, other than in an error branch), or nothing when its address
/// is taken, it counts (`v++`, `v += n`) or it is static.
std::optional<std::set<int64_t>>
constantsGiven(const Stmt *Body, const VarDecl *V, ASTContext &Ctx) {
  if (!V->hasLocalStorage() || !V->getType()->isIntegralOrEnumerationType())
    return std::nullopt;
  std::set<int64_t> Out;
  auto Constant = [&](const Expr *E) {
    if (std::optional<llvm::APSInt> K =
            compat::toStdOptional(stripCasts(E)->getIntegerConstantExpr(Ctx)))
      Out.insert(K->getExtValue());
  };
  if (const Expr *Init = V->getInit())
    Constant(Init);
  auto Refers = [&](const Expr *E) {
    const auto *D = dyn_cast<DeclRefExpr>(stripCasts(E));
    return D && D->getDecl() == V;
  };
  // An error branch's code (`if (!mb) { err = ENOMEM; goto out; }`): a
  // statement of a branch of an `if` that leaves by a goto or a return
  // after it.
  auto ErrorBranch = [&](const Stmt *X) {
    DynTypedNodeList Parents = parentsOf(*X, Ctx);
    const auto *Block =
        Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
    if (!Block)
      return false;
    DynTypedNodeList Up = parentsOf(*Block, Ctx);
    if (Up.empty() || !Up[0].get<IfStmt>())
      return false;
    bool After = false;
    for (const Stmt *S : Block->body()) {
      if (After && (isa<GotoStmt>(S) || isa<ReturnStmt>(S)))
        return true;
      After |= S == X;
    }
    return false;
  };
  bool Escapes = false;
  forEachStmtIn(Body, [&](const Stmt *X) {
    if (const auto *BO = dyn_cast<BinaryOperator>(X);
        BO && BO->getOpcode() == BO_Assign && Refers(BO->getLHS())) {
      if (!ErrorBranch(BO))
        Constant(BO->getRHS());
    } else if (const auto *U = dyn_cast<UnaryOperator>(X);
               U &&
               (U->getOpcode() == UO_AddrOf || U->isIncrementDecrementOp()) &&
               Refers(U->getSubExpr()))
      Escapes = true; // its address taken, or a count
    else if (const auto *CA = dyn_cast<CompoundAssignOperator>(X);
             CA && Refers(CA->getLHS()))
      Escapes = true;
    return !Escapes;
  });
  if (Escapes)
    return std::nullopt;
  return Out;
}

/// K, when \p BO compares the variable \p V with an integer constant K
/// (either side).
std::optional<int64_t> comparedConstant(const BinaryOperator *BO,
                                        const Decl *V, ASTContext &Ctx) {
  const Expr *L = stripCasts(BO->getLHS()), *Rh = stripCasts(BO->getRHS());
  if (const auto *RD = dyn_cast<DeclRefExpr>(Rh); RD && RD->getDecl() == V)
    std::swap(L, Rh);
  const auto *D = dyn_cast<DeclRefExpr>(L);
  std::optional<llvm::APSInt> K =
      compat::toStdOptional(Rh->getIntegerConstantExpr(Ctx));
  if (!D || !K || D->getDecl() != V)
    return std::nullopt;
  return K->getExtValue();
}

/// For a return \p Ret of a variable v in the then-branch of `if (v != 0)`
/// (or `if (v)`) or `if (v < 0)`, with nothing between them: the values v
/// may hold there, as constants a status class reads alike (-1 and 1 for
/// "not 0", -1 for "negative"): NanoNNG nni_msg_alloc's `rv =
/// nni_chunk_grow(...); if (rv != 0) { ...; return (rv); }`.
std::optional<std::set<int64_t>> returnedUnderFailureTest(const Stmt *Ret,
                                                          ASTContext &Ctx) {
  const DeclRefExpr *RV = returnedVar(Ret);
  if (!RV || !RV->getType()->isIntegerType())
    return std::nullopt;
  const auto *VD = dyn_cast<VarDecl>(RV->getDecl());
  if (!VD || !VD->hasLocalStorage())
    return std::nullopt;
  const Stmt *Child = Ret;
  for (unsigned Depth = 0; Depth < 4; ++Depth) {
    const Stmt *Parent = parentStmt(*Child, Ctx);
    if (!Parent)
      return std::nullopt;
    if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      if (If->getThen() != Child || assignsTo(Child, VD))
        return std::nullopt;
      const Expr *Cond = stripCasts(If->getCond());
      if (const auto *D = dyn_cast<DeclRefExpr>(Cond); D && D->getDecl() == VD)
        return std::set<int64_t>{-1, 1};
      const auto *BO = dyn_cast<BinaryOperator>(Cond);
      if (!BO)
        return std::nullopt;
      std::optional<int64_t> K = comparedConstant(BO, VD, Ctx);
      if (!K || *K != 0)
        return std::nullopt;
      const auto *L = dyn_cast<DeclRefExpr>(stripCasts(BO->getLHS()));
      bool VarLeft = L && L->getDecl() == VD;
      BinaryOperatorKind Op = BO->getOpcode();
      if (Op == BO_NE)
        return std::set<int64_t>{-1, 1};
      if ((Op == BO_LT && VarLeft) || (Op == BO_GT && !VarLeft))
        return std::set<int64_t>{-1};
      return std::nullopt;
    }
    if (!isa<CompoundStmt>(Parent))
      return std::nullopt;
    Child = Parent;
  }
  return std::nullopt;
}

/// For a store \p Target under `if (v == K)` (or in the else branch of
/// `if (v != K)`) and a return \p Ret of that variable v: K.
std::optional<int64_t> storedUnder(const Expr *Target, const Stmt *Ret,
                                   ASTContext &Ctx) {
  const DeclRefExpr *RV = returnedVar(Ret);
  if (!RV || !Target)
    return std::nullopt;
  const Stmt *Child = Target;
  for (unsigned Depth = 0; Depth < 8; ++Depth) {
    const Stmt *Parent = parentStmt(*Child, Ctx);
    if (!Parent)
      return std::nullopt;
    if (const auto *If = dyn_cast<IfStmt>(Parent)) {
      const auto *BO = dyn_cast<BinaryOperator>(stripCasts(If->getCond()));
      if (BO && BO->isEqualityOp()) {
        std::optional<int64_t> K = comparedConstant(BO, RV->getDecl(), Ctx);
        bool InThen = If->getThen() == Child, InElse = If->getElse() == Child;
        if (K && ((BO->getOpcode() == BO_EQ && InThen) ||
                  (BO->getOpcode() == BO_NE && InElse)))
          return assignsTo(Child, RV->getDecl())
                     ? std::nullopt // `rc = ERROR` after the store
                     : K;
      }
    }
    Child = Parent;
  }
  return std::nullopt;
}

/// True if \p E is `*P`.
bool isDerefOf(const Expr *E, const ParmVarDecl *P) {
  const auto *U = dyn_cast<UnaryOperator>(stripCasts(E));
  const auto *D = U && U->getOpcode() == UO_Deref
                      ? dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr()))
                      : nullptr;
  return D && D->getDecl() == P;
}

/// True if \p S mentions `*P` anywhere inside.
bool readsDeref(const Stmt *S, const ParmVarDecl *P) {
  if (!S)
    return false;
  if (const auto *E = dyn_cast<Expr>(S); E && isDerefOf(E, P))
    return true;
  for (const Stmt *C : S->children())
    if (readsDeref(C, P))
      return true;
  return false;
}

/// True if the store \p Target is guarded by a test of `*P` itself (`if
/// (!*head) *head = node; else append(*head, node);`, IoTivity
/// BuildResponseRepresentation): the parameter accumulates into what the
/// caller already holds, and the store is no fresh out-parameter.
bool storeTestsOldValue(const Expr *Target, const ParmVarDecl *P,
                        ASTContext &Ctx) {
  return underCondition(
      Target, Ctx, [&](const Expr *Cond) { return readsDeref(Cond, P); }, 16);
}

/// True if the body links the old `*P` into a member of something (`item->next
/// = *list; *list = item;`, unbound port_insert and cfg_str2list_insert): the
/// new node goes onto the front of the caller's list, which the caller
/// already owns and releases as a whole, so `*P` is no fresh out-parameter.
bool linksOldValue(const FunctionDecl *FD, const ParmVarDecl *P) {
  bool Links = false;
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    if (const auto *BO = dyn_cast<BinaryOperator>(S);
        BO && BO->getOpcode() == BO_Assign &&
        isa<MemberExpr>(stripCasts(BO->getLHS())) && isDerefOf(BO->getRHS(), P))
      Links = true;
    return !Links;
  });
  return Links;
}

/// For a return \p Ret of a variable v preceded by a cleanup of `*P` under
/// `if (v != K)` or `if (v)` (IoTivity ExtractKeyValueFromRequest: `exit:
/// if (result != OC_STACK_OK) { OCFREE(*key) } ... return result;`): K,
/// the status under which `*P` still holds the memory.
std::optional<int64_t> releasedUnlessOk(const Stmt *Ret, const ParmVarDecl *P,
                                        CalleeResolver &Resolver,
                                        ASTContext &Ctx) {
  const DeclRefExpr *RV = returnedVar(Ret);
  if (!RV)
    return std::nullopt;
  DynTypedNodeList Parents = parentsOf(*Ret, Ctx);
  const auto *Body = Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
  if (!Body)
    return std::nullopt;
  auto ReleasesDeref = [&](const Stmt *S) {
    bool Hit = false;
    forEachStmtIn(S, [&](const Stmt *X) {
      if (const auto *C = dyn_cast<CallExpr>(X))
        if (const FunctionRule *Rule =
                Resolver.ruleForCall(C, Ctx.getSourceManager()))
          if (Rule->FreeArg && *Rule->FreeArg < C->getNumArgs())
            Hit = isDerefOf(C->getArg(*Rule->FreeArg), P);
      return !Hit;
    });
    return Hit;
  };
  const Stmt *const *End = llvm::find(Body->body(), Ret);
  for (const Stmt *const *I = End; I != Body->body_begin();) {
    const Stmt *S = *--I;
    while (const auto *L = dyn_cast<LabelStmt>(S))
      S = L->getSubStmt();
    if (assignsTo(S, RV->getDecl()))
      return std::nullopt;
    const auto *If = dyn_cast<IfStmt>(S);
    if (!If || If->getElse() || !ReleasesDeref(If->getThen()))
      continue;
    const Expr *C = stripCasts(If->getCond());
    if (const auto *D = dyn_cast<DeclRefExpr>(C);
        D && D->getDecl() == RV->getDecl())
      return 0;
    const auto *BO = dyn_cast<BinaryOperator>(C);
    if (!BO || BO->getOpcode() != BO_NE)
      continue;
    if (std::optional<int64_t> K = comparedConstant(BO, RV->getDecl(), Ctx))
      return K;
  }
  return std::nullopt;
}

/// An out-parameter allocator that hands its own out-parameter on to
/// another (`sts = osip_body_to_str(body, dest, len); ... return sts;`,
/// siproxd sip_body_to_str): the call whose rule allocates into a parameter
/// of \p FD, when every return gives that call's status or a constant that
/// status calls a failure.  Null when there is none.
/// \p FD hands its `T **` parameter to an out-parameter allocator that
/// reports failure by leaving NULL there, not by a status (OpenSC
/// `sc_file_dup(ret, fi->file)`), then returns a constant under `if (*ret
/// == NULL)` and other constants elsewhere: its status class (the constants
/// returned where the block is stored are its successes), from its return
/// statements \p Returns, or nothing.
std::optional<std::string>
nullReportedOutParam(const FunctionDecl *FD, const CallExpr *Call,
                     const ParmVarDecl *P,
                     llvm::ArrayRef<const ReturnStmt *> Returns,
                     ASTContext &Ctx) {
  if (!FD->getReturnType()->isIntegralOrEnumerationType())
    return std::nullopt;
  const SourceManager &SM = Ctx.getSourceManager();
  std::set<int64_t> Ok, Fail;
  for (const ReturnStmt *R : Returns) {
    const Expr *V = R->getRetValue();
    std::optional<llvm::APSInt> K =
        V ? compat::toStdOptional(V->getIntegerConstantExpr(Ctx))
          : std::nullopt;
    if (!K)
      return std::nullopt;
    // Before the call nothing is stored; after it, `if (*ret == NULL)`
    // tells the failure.
    bool Before = SM.isBeforeInTranslationUnit(R->getBeginLoc(),
                                               Call->getBeginLoc());
    ((Before || returnsOnNullOut(R, P, Ctx)) ? Fail : Ok)
        .insert(K->getExtValue());
  }
  if (Ok.size() != 1)
    return std::nullopt;
  return statusKind(Ok, Fail);
}

const CallExpr *forwardedOutParam(const FunctionDecl *FD, CalleeResolver &Res,
                                  ASTContext &Ctx, const FunctionRule *&Rule,
                                  const ParmVarDecl *&Param,
                                  std::optional<std::string> &Kind,
                                  bool &StatusOfCallee) {
  // Only a `T **` parameter can be handed on to be allocated into.
  if (llvm::none_of(FD->parameters(), [](const ParmVarDecl *P) {
        return P->getType()->isPointerType() &&
               P->getType()->getPointeeType()->isPointerType();
      }))
    return nullptr;
  struct {
    const CallExpr *Call = nullptr;
    const FunctionRule *Rule = nullptr;
    const ParmVarDecl *Param = nullptr;
    bool Bad = false;
    llvm::SmallVector<const ReturnStmt *, 4> Returns;
  } W;
  const SourceManager &SM = Ctx.getSourceManager();
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      W.Returns.push_back(R);
      return;
    }
    const auto *C = dyn_cast<CallExpr>(S);
    const FunctionRule *R = C ? Res.ruleForCall(C, SM) : nullptr;
    auto ParamAt = [&](unsigned I) -> const ParmVarDecl * {
      const auto *D = dyn_cast<DeclRefExpr>(stripCasts(C->getArg(I)));
      const auto *P = D ? dyn_cast<ParmVarDecl>(D->getDecl()) : nullptr;
      return P && P->getDeclContext() == FD ? P : nullptr;
    };
    const ParmVarDecl *P = nullptr;
    if (R && R->Pending) {
      // Another unit's function, known once the units are linked: the
      // `T **` parameter it is handed (the link checks it allocates there).
      for (unsigned I = 0; I < C->getNumArgs() && !P; ++I)
        if (const ParmVarDecl *Q = ParamAt(I);
            Q && Q->getType()->isPointerType() &&
            Q->getType()->getPointeeType()->isPointerType())
          P = Q;
    } else if (R && R->AllocatesArg && !R->AllocatesReturn &&
               *R->AllocatesArg < C->getNumArgs()) {
      P = ParamAt(*R->AllocatesArg);
    }
    if (!P)
      return;
    W.Bad |= W.Call != nullptr; // two of them: not this simple shape
    W.Call = C;
    W.Rule = R;
    W.Param = P;
  });
  if (!W.Call || W.Bad || W.Returns.empty())
    return nullptr;
  if (!W.Rule->Status || W.Rule->Pending) {
    Kind = nullReportedOutParam(FD, W.Call, W.Param, W.Returns, Ctx);
    // Every return gives another unit's call's status (NanoNNG
    // nng_msg_alloc: `return (nni_msg_alloc(msgp, size));`): its status
    // class is that callee's, settled when the units are linked.
    if (!Kind && W.Rule->Pending &&
        llvm::all_of(W.Returns, [&](const ReturnStmt *R) {
          return R->getRetValue() && stripCasts(R->getRetValue()) == W.Call;
        })) {
      StatusOfCallee = true;
      Rule = W.Rule;
      Param = W.Param;
      return W.Call;
    }
    if (!Kind)
      return nullptr;
    Rule = W.Rule;
    Param = W.Param;
    return W.Call;
  }
  // The variable the call's status goes to, if not returned directly.
  const VarDecl *Status = nullptr;
  DynTypedNodeList Parents = parentsOf(*W.Call, Ctx);
  if (const auto *BO = Parents.empty() ? nullptr
                                       : Parents[0].get<BinaryOperator>();
      BO && BO->getOpcode() == BO_Assign)
    if (const auto *D = dyn_cast<DeclRefExpr>(stripCasts(BO->getLHS())))
      Status = dyn_cast<VarDecl>(D->getDecl());
  if (const auto *VD = Parents.empty() ? nullptr : Parents[0].get<VarDecl>())
    Status = VD;
  StringRef Inner = *W.Rule->Status;
  // A status from a NULL-reporting allocator says nothing of this one's
  // returned constants.
  auto FailsUnder = [&](int64_t X) {
    return Inner != "null" && statusFails(Inner, X);
  };
  for (const ReturnStmt *R : W.Returns) {
    const Expr *V = R->getRetValue() ? stripCasts(R->getRetValue()) : nullptr;
    if (!V)
      return nullptr;
    if (V == W.Call)
      continue;
    if (const auto *D = dyn_cast<DeclRefExpr>(V); D && Status &&
                                                  D->getDecl() == Status)
      continue;
    std::optional<llvm::APSInt> K =
        compat::toStdOptional(V->getIntegerConstantExpr(Ctx));
    if (!K)
      return nullptr;
    if (!FailsUnder(K->getExtValue()))
      return nullptr;
  }
  // The status variable holds nothing but the call's status.
  if (Status && !Status->isLocalVarDecl())
    return nullptr;
  if (Status) {
    // One failure code turned into another (c-ares
    // ares__expand_name_for_response: `if (status == ARES_EBADNAME) status =
    // ARES_EBADRESP;`) is still the call's failure.
    auto Remapped = [&](const BinaryOperator *B) {
      std::optional<llvm::APSInt> To = compat::toStdOptional(
          stripCasts(B->getRHS())->getIntegerConstantExpr(Ctx));
      if (!To || !FailsUnder(To->getExtValue()))
        return false;
      const Stmt *Child = B;
      for (unsigned Depth = 0; Depth < 3; ++Depth) {
        const Stmt *Parent = parentStmt(*Child, Ctx);
        if (const auto *If = dyn_cast_or_null<IfStmt>(Parent)) {
          const auto *C = dyn_cast<BinaryOperator>(stripCasts(If->getCond()));
          std::optional<int64_t> From =
              C && C->getOpcode() == BO_EQ && If->getThen() == Child
                  ? comparedConstant(C, Status, Ctx)
                  : std::nullopt;
          return From && FailsUnder(*From);
        }
        if (!Parent || !isa<CompoundStmt>(Parent))
          return false;
        Child = Parent;
      }
      return false;
    };
    bool Other = false;
    forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
      if (const auto *B = dyn_cast<BinaryOperator>(S);
          B && B->isAssignmentOp())
        if (const auto *D = dyn_cast<DeclRefExpr>(stripCasts(B->getLHS()));
            D && D->getDecl() == Status && stripCasts(B->getRHS()) != W.Call &&
            !(B->getOpcode() == BO_Assign && Remapped(B)))
          Other = true;
      return !Other;
    });
    if (Other ||
        (Status->getInit() && stripCasts(Status->getInit()) != W.Call))
      return nullptr;
  } else if (llvm::none_of(W.Returns, [&](const ReturnStmt *R) {
               return stripCasts(R->getRetValue()) == W.Call;
             })) {
    return nullptr;
  }
  Rule = W.Rule;
  Param = W.Param;
  Kind = W.Rule->Status;
  return W.Call;
}

/// The parameter whose object a function detaches a field from: every
/// return gives NULL or a local assigned only from `p->field` (`ptr =
/// arr->arr; ares_free(arr); return ptr;`, c-ares ares_array_finish).
std::optional<unsigned> detachedFromParam(const FunctionDecl *FD,
                                          ASTContext &Ctx,
                                          std::string &Field) {
  struct Walk {
    ASTContext &Ctx;
    explicit Walk(ASTContext &Ctx) : Ctx(Ctx) {}
    const ParmVarDecl *P = nullptr;
    std::set<std::string> Fields;
    bool Bad = false, NonNull = false;
    llvm::SmallPtrSet<const VarDecl *, 2> Returned;
    llvm::DenseMap<const VarDecl *, bool> FromField; // every value a field
    const ParmVarDecl *fieldOfParam(const Expr *E) {
      const auto *ME = dyn_cast<MemberExpr>(stripCasts(E));
      const auto *DRE =
          ME && ME->isArrow() ? dyn_cast<DeclRefExpr>(stripCasts(ME->getBase()))
                              : nullptr;
      return DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    }
    void value(const VarDecl *V, const Expr *E) {
      const ParmVarDecl *Q = E ? fieldOfParam(E) : nullptr;
      bool Ok = Q && (!P || P == Q);
      if (Ok) {
        P = Q;
        if (const auto *F = dyn_cast<FieldDecl>(
                cast<MemberExpr>(stripCasts(E))->getMemberDecl());
            F && F->getIdentifier())
          Fields.insert(F->getName().str());
        else
          Ok = false;
      }
      auto [It, New] = FromField.try_emplace(V, Ok);
      if (!New)
        It->second &= Ok;
    }
    bool VisitReturnStmt(ReturnStmt *R) {
      const Expr *E = R->getRetValue();
      if (!E)
        return true;
      if (stripCasts(E)->isNullPointerConstant(
              Ctx, Expr::NPC_ValueDependentIsNotNull))
        return true;
      const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(E));
      const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
      if (!V || isa<ParmVarDecl>(V) || !V->hasLocalStorage())
        Bad = true;
      else
        Returned.insert(V);
      NonNull = true;
      return true;
    }
    bool VisitVarDecl(VarDecl *V) {
      if (V->hasLocalStorage() && V->getInit())
        value(V, V->getInit());
      return true;
    }
    bool VisitBinaryOperator(BinaryOperator *BO) {
      if (BO->isAssignmentOp())
        if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(BO->getLHS())))
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
            value(V, BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr);
      return true;
    }
    bool VisitUnaryOperator(UnaryOperator *U) {
      if (U->getOpcode() == UO_AddrOf || U->isIncrementDecrementOp())
        if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr())))
          if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl()))
            FromField[V] = false;
      return true;
    }
  } W(Ctx);
  if (!FD->hasBody())
    return std::nullopt;
  forEachStmtIn(FD->getBody(), [&](const Stmt *CS) {
    Stmt *S = const_cast<Stmt *>(CS);
    if (auto *R = dyn_cast<ReturnStmt>(S))
      W.VisitReturnStmt(R);
    else if (auto *BO = dyn_cast<BinaryOperator>(S))
      W.VisitBinaryOperator(BO);
    else if (auto *U = dyn_cast<UnaryOperator>(S))
      W.VisitUnaryOperator(U);
    else if (auto *DS = dyn_cast<DeclStmt>(S))
      for (Decl *D : DS->decls())
        if (auto *V = dyn_cast<VarDecl>(D))
          W.VisitVarDecl(V);
  });
  if (W.Bad || !W.NonNull || !W.P || !W.P->getType()->isPointerType())
    return std::nullopt;
  for (const VarDecl *V : W.Returned) {
    auto It = W.FromField.find(V);
    if (It == W.FromField.end() || !It->second)
      return std::nullopt;
  }
  if (W.Fields.size() != 1)
    return std::nullopt;
  Field = *W.Fields.begin();
  return W.P->getFunctionScopeIndex();
}

/// The parameter a plain getter lends from: a body that is one
/// "return p->field;" (or "&p->field").
std::optional<unsigned> getterOf(const FunctionDecl *FD) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  if (!Body || Body->size() != 1)
    return std::nullopt;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  if (!Ret || !Ret->getRetValue())
    return std::nullopt;
  const Expr *E = stripCasts(Ret->getRetValue());
  bool Address = false;
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_AddrOf) {
    E = stripCasts(U->getSubExpr());
    Address = true;
  }
  const auto *ME = dyn_cast<MemberExpr>(E);
  if (!ME || !ME->isArrow())
    return std::nullopt;
  // A 'void *' field is a context pointer the object hands back (redis
  // connGetPrivateData: the connection's link, which owns the connection):
  // the object does not own it, and the caller may.
  if (!Address && ME->getType()->isVoidPointerType())
    return std::nullopt;
  const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(ME->getBase()));
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  if (!P)
    return std::nullopt;
  return P->getFunctionScopeIndex();
}

} // namespace

// --- the table ---------------------------------------------------------------

const FunctionRule *SummaryTable::lookup(const FunctionDecl *Def) const {
  auto It = Rules.find(Def);
  return It == Rules.end() ? nullptr : &It->second;
}

llvm::ArrayRef<unsigned>
SummaryTable::trackedParams(const FunctionDecl *FD) const {
  auto It = Tracked.find(FD);
  if (It == Tracked.end())
    return {};
  return It->second;
}

namespace {

/// A node of the unit's call graph: a function (its canonical declaration)
/// and, one entry per call in source order, the functions with a body in
/// the unit its code calls.  The root calls every node, in the order they
/// were first met.  clang::CallGraph's graph, built from the calls the
/// unit's code was already scanned for (unitStmts) instead of one more walk
/// of every body.
struct UnitCallNode {
  const FunctionDecl *FD = nullptr;
  llvm::SmallVector<UnitCallNode *, 4> Callees;
};

struct UnitCallGraph {
  UnitCallNode Root;
  std::deque<UnitCallNode> Nodes;
  llvm::DenseMap<const FunctionDecl *, UnitCallNode *> Map;

  UnitCallNode *node(const FunctionDecl *FD) {
    FD = FD->getCanonicalDecl();
    UnitCallNode *&N = Map[FD];
    if (!N) {
      N = &Nodes.emplace_back();
      N->FD = FD;
      Root.Callees.push_back(N);
    }
    return N;
  }
};

/// Whether clang::CallGraph would hold \p FD: a body in the unit, not a
/// template, not one of glibc's `__inline` wrappers.
bool inCallGraph(const FunctionDecl *FD) {
  if (!FD->hasBody() || FD->isDependentContext())
    return false;
  const IdentifierInfo *II = FD->getIdentifier();
  return !II || !compat::startsWith(II->getName(), "__inline");
}

} // namespace
} // namespace clang::tidy::alloc

namespace llvm {
template <> struct GraphTraits<clang::tidy::alloc::UnitCallNode *> {
  using NodeRef = clang::tidy::alloc::UnitCallNode *;
  using ChildIteratorType = SmallVectorImpl<NodeRef>::iterator;
  static NodeRef getEntryNode(NodeRef N) { return N; }
  static ChildIteratorType child_begin(NodeRef N) { return N->Callees.begin(); }
  static ChildIteratorType child_end(NodeRef N) { return N->Callees.end(); }
};
} // namespace llvm

namespace clang::tidy::alloc {

void SummaryTable::ensure(ASTContext &Ctx) {
  if (Done || Computing)
    return;
  Computing = true;
  Owning_.compute(Ctx, Resolver, Owner->External.get());
  const SourceManager &SM = Ctx.getSourceManager();
  // The graph of the user's definitions, from the calls their code makes.
  UnitCallGraph CG;
  const std::vector<CodeDecl> &Code = unitCode(Ctx);
  const UnitStmts &Stmts = unitStmts(Ctx);
  for (size_t K = 0; K < Code.size(); ++K) {
    const FunctionDecl *FD = Code[K].function();
    if (!FD || !FD->isThisDeclarationADefinition() || !inCallGraph(FD))
      continue;
    UnitCallNode *Caller = CG.node(FD);
    for (const Stmt *S : Stmts.of(K))
      if (const auto *Call = dyn_cast<CallExpr>(S))
        if (const FunctionDecl *Callee = Call->getDirectCallee();
            Callee && inCallGraph(Callee))
          Caller->Callees.push_back(CG.node(Callee));
  }
  // Callees first: scc_iterator yields components in reverse topological
  // order of the call graph.
  for (auto I = llvm::scc_begin(&CG.Root); !I.isAtEnd(); ++I) {
    std::vector<const FunctionDecl *> Members;
    for (UnitCallNode *N : *I) {
      // The graph's nodes are canonical (first) declarations: a prototype
      // in a header, often.  Summaries are kept by definition.
      const FunctionDecl *FD = N->FD ? N->FD->getDefinition() : nullptr;
      if (!FD || SM.isInSystemHeader(SM.getFileLoc(FD->getLocation())))
        continue;
      Members.push_back(FD);
    }
    if (Members.empty())
      continue;
    // The graph orders nodes by address: source order makes the rounds
    // over a component, and so its summaries, the same on every run.
    llvm::sort(Members, [&](const FunctionDecl *A, const FunctionDecl *B) {
      return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
    });
    if (Members.size() == 1 && !I.hasCycle()) {
      Rules.try_emplace(Members[0], summarise(Members[0], Ctx));
      Order.push_back(Members[0]);
      continue;
    }
    summariseComponent(Members, Ctx);
  }
  Computing = false;
  Done = true;
}

namespace {

/// The members of a component that \p FD names (calls, or takes the address
/// of): the summaries its own depends on.
llvm::SmallVector<unsigned, 4>
memberRefs(const Stmt *Body,
           const llvm::DenseMap<const FunctionDecl *, unsigned> &In) {
  llvm::SmallVector<unsigned, 4> Refs;
  forEachStmtIn(Body, [&](const Stmt *S) {
    const auto *E = dyn_cast<DeclRefExpr>(S);
    if (const auto *F = E ? dyn_cast<FunctionDecl>(E->getDecl()) : nullptr)
      if (const FunctionDecl *Def = F->getDefinition()) {
        auto It = In.find(Def);
        if (It != In.end() && !llvm::is_contained(Refs, It->second))
          Refs.push_back(It->second);
      }
  });
  return Refs;
}

} // namespace

void SummaryTable::summariseComponent(
    const std::vector<const FunctionDecl *> &Members, ASTContext &Ctx) {
  // A member is summarised again only when a member it names got a new or
  // changed summary since it was last summarised, at most MaxRounds times:
  // rerunning the whole component each round cost SQLite's interpreter
  // loop (one component with most of the library) three analyses.
  llvm::DenseMap<const FunctionDecl *, unsigned> Index;
  for (unsigned K = 0; K < Members.size(); ++K)
    Index[Members[K]] = K;
  std::vector<llvm::SmallVector<unsigned, 4>> Refs(Members.size());
  for (unsigned K = 0; K < Members.size(); ++K) {
    Refs[K] = memberRefs(Members[K]->getBody(), Index);
  }
  // Callees before callers where the cycle allows: a depth-first post-order
  // over the members, so most see their callees' summaries on the first
  // round.  The roots go largest body first: the first root is summarised
  // last of all it reaches, with every summary of the first round to hand,
  // and the members that see it missing (a back edge) are the small ones to
  // rerun.
  const SourceManager &SM = Ctx.getSourceManager();
  auto Size = [&](unsigned K) {
    SourceRange R = Members[K]->getBody()->getSourceRange();
    return SM.getFileOffset(SM.getFileLoc(R.getEnd())) -
           SM.getFileOffset(SM.getFileLoc(R.getBegin()));
  };
  std::vector<unsigned> Roots(Members.size());
  for (unsigned K = 0; K < Members.size(); ++K)
    Roots[K] = K;
  std::stable_sort(Roots.begin(), Roots.end(), [&](unsigned A, unsigned B) {
    return Size(A) > Size(B);
  });
  std::vector<unsigned> Seq;
  std::vector<char> Visited(Members.size(), 0);
  for (unsigned Root : Roots) {
    if (Visited[Root])
      continue;
    std::vector<std::pair<unsigned, unsigned>> Stack{{Root, 0}};
    Visited[Root] = 1;
    while (!Stack.empty()) {
      auto &[K, Next] = Stack.back();
      if (Next < Refs[K].size()) {
        unsigned C = Refs[K][Next++];
        if (!Visited[C]) {
          Visited[C] = 1;
          Stack.push_back({C, 0});
        }
        continue;
      }
      Seq.push_back(K);
      Stack.pop_back();
    }
  }
  // Version[K]: how often member K's summary changed; Saw[K][J]: the
  // version of Refs[K][J] member K was summarised with (0: none yet).
  // The members start unsummarised (a function outside any cycle calls no
  // member, itself included).
  Unsummarised.clear();
  for (const FunctionDecl *M : Members)
    Unsummarised.insert(M->getCanonicalDecl());
  std::vector<unsigned> Version(Members.size(), 0), Runs(Members.size(), 0);
  std::vector<llvm::SmallVector<unsigned, 4>> Saw(Members.size());
  for (bool Ran = true; Ran;) {
    Ran = false;
    for (unsigned K : Seq) {
      bool Stale = Runs[K] == 0;
      for (unsigned J = 0; !Stale && J < Refs[K].size(); ++J)
        Stale = Saw[K][J] != Version[Refs[K][J]];
      if (!Stale || Runs[K] >= MaxRounds)
        continue;
      Ran = true;
      ++Runs[K];
      Saw[K].clear();
      for (unsigned C : Refs[K])
        Saw[K].push_back(Version[C]);
      const FunctionDecl *FD = Members[K];
      FunctionRule R = summarise(FD, Ctx);
      Unsummarised.erase(FD->getCanonicalDecl());
      auto [It, New] = Rules.try_emplace(FD, R);
      if (New) {
        Order.push_back(FD);
        ++Version[K];
      } else if (!sameFacts(It->second, R)) {
        It->second = std::move(R);
        ++Version[K];
      }
    }
  }
}

FunctionRule SummaryTable::summarise(const FunctionDecl *FD, ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  UnitState &Unit = *Owner;
  FunctionRule R;
  R.Name = FD->getIdentifier() ? FD->getName().str() : "";
  R.Inferred = true;
  R.Origin = where(FD->getLocation(), SM);
  R.MayReturnNull = false;
  R.NeverPositive = neverPositive(FD, Ctx, Resolver);

  // Parameters: a walk of the body first; paths only where it must.
  ParamWalk Walk(FD, Ctx, Resolver, &Unsummarised);
  if (!Walk.Uses.empty()) // no pointer parameter: nothing to learn of them
    Walk.walk(FD->getBody());
  llvm::SmallVector<unsigned, 2> &Follow = Tracked[FD];
  Follow.clear();
  for (const ParamUse &U : Walk.Uses)
    if (U.Released && !U.unknown() && !U.Retained)
      Follow.push_back(U.Index);
  R.Retains.assign(Walk.Retains.begin(), Walk.Retains.end());
  llvm::sort(R.Retains);

  std::shared_ptr<OwnershipAnalysis> A = Unit.analyse(FD, Ctx);
  const bool Ran = A->analysed();

  for (const ParamUse &U : Walk.Uses) {
    if (U.unknown())
      continue; // the callee may keep it: unspecified
    if (!U.Released && !U.Forwards.empty()) {
      // As the callees it is handed to treat it, once they are known.
      for (const auto &[Callee, J] : U.Forwards) {
        std::string Q = "forward " + std::to_string(U.Index) + " " + Callee +
                        " " + std::to_string(J);
        if (!llvm::is_contained(R.Requires, Q))
          R.Requires.push_back(std::move(Q));
      }
      continue;
    }
    if (!U.Released) {
      R.Args.push_back(
          {U.Index, U.Copied ? ArgContract::Copies : ArgContract::Borrows});
      if (U.Linked && !U.Copied)
        R.Links.push_back(U.Index);
      continue;
    }
    // Stored, and a reference of its own taken (redis moduleInitKey: `kp->key
    // = keyname; incrRefCount(keyname);`): the caller's reference stays the
    // caller's.
    if (U.Retained) {
      R.Args.push_back({U.Index, ArgContract::Borrows});
      continue;
    }
    // Stored, and handed to other units' functions: borrowed after all if
    // one of them retains it (decided when the units are linked).
    for (const auto &[Callee, J] : U.Forwards)
      R.Requires.push_back("retained " + std::to_string(U.Index) + " " +
                           Callee + " " + std::to_string(J));
    if (!Ran)
      continue;
    // Released on every path?  Then how.
    std::optional<AllocId> Id = paramAllocation(*A, U.Index);
    if (!Id)
      continue;
    bool Always = true;
    unsigned char Gone = A->goneAnywhere(*Id);
    // A destroy function may refuse an invalid object (see refusesParam);
    // it still frees every object it accepts.  (Only freeing: a function
    // that stores what passes its test takes nothing on the other paths.)
    bool Refusing = Gone == GoneFreed;
    for (const ExitState &E : A->exits())
      if (E.A == *Id)
        Always &= !E.Owned ||
                  (Refusing &&
                   refusesParam(E.Exit, FD->getParamDecl(U.Index), Ctx));
    // Stored only into fields that nothing frees (a back-pointer, a link
    // of an intrusive list, a view): a store is not a hand-over then, on
    // the paths that store it or on the others (lwIP acd_add returns early
    // when the node is already linked; tcpip_inpkt when its message cannot
    // be allocated).
    if (Gone && (Gone & ~GoneOutParam) == GoneEscaped) {
      bool Owning = false, Any = false, Maybe = false;
      for (const StoreEvent &S : A->stores())
        if (S.A == *Id) {
          Any = true;
          // An element of a field's array (`loop->watchers[fd] = w`, libuv
          // uv__io_start) is owned only where something frees the
          // elements; freeing the array itself says nothing of them.
          const FieldDecl *Element = elementOfField(S);
          // Without element frees in this unit it is not known (another
          // unit may free them: redis freeClientArgv): unspecified.
          if (Element) {
            if (Owning_.ownsElements(Element))
              Owning = true;
            else
              Maybe = true;
            continue;
          }
          Maybe |= Owning_.maybeOwns(S.Field);
          // A variable (a global one too) owns what it holds; a field,
          // also of a global structure, only when something frees through
          // it (lwIP `ip_data.current_netif = inp`).
          Owning |= !S.Field || Owning_.owns(S.Field);
        }
      // A field another unit's function may free (not summarised yet):
      // whether the store hands it over is not known.
      if (Any && !Owning && Maybe)
        continue;
      if (Any && !Owning) {
        R.Args.push_back({U.Index, ArgContract::Borrows});
        R.Links.push_back(U.Index);
        continue;
      }
    }
    // Taken on the paths that return success, still the caller's on those
    // that return failure (c-ares ares_dns_rr_set_opt_own stores the value
    // into the option array, or returns ARES_ENOMEM before): taken on
    // success, by the status class its returns show.
    // Stored into an owning field of the caller's object, which the
    // analysis counts as handed out at a successful exit, like `*out = p`
    // (parson json_object_addn: `object->values[i] = value` after its
    // failing returns).
    // Every store of it goes into a field (or an element of a field's
    // array) that something frees: `*out = p` goes into a pseudo-field no
    // function frees, a view (`info->pTabList = pTabList`, SQLite
    // sqlite3WhereBegin) into one nothing frees.
    auto StoredOwned = [&] {
      bool Any = false;
      for (const StoreEvent &S : A->stores())
        if (S.A == *Id) {
          Any = true;
          const FieldDecl *Element = elementOfField(S);
          if (Element ? !Owning_.ownsElements(Element)
                      : !S.Field || !Owning_.owns(S.Field))
            return false;
        }
      return Any;
    };
    const bool IntoOwningField = (Gone & GoneOutParam) && StoredOwned();
    // A constructor that adopts its argument into the object it returns,
    // or returns NULL first and leaves it (parson
    // json_value_init_string_no_copy): taken on success, status "null".
    const bool ReturnsPointer = FD->getReturnType()->isPointerType() &&
                                !(Gone & GoneFreed) && StoredOwned() &&
                                onlyStoresParam(FD, FD->getParamDecl(U.Index));
    if (!Always && Gone && !(Gone & GoneReturned) &&
        (!(Gone & GoneOutParam) || IntoOwningField) &&
        (ReturnsPointer ||
         FD->getReturnType()->isIntegralOrEnumerationType())) {
      std::set<int64_t> Ok, Fail;
      std::optional<std::string> Forwarded;
      bool Bad = false;
      for (const ExitState &E : A->exits()) {
        if (E.A != *Id)
          continue;
        // `return set_value(obj, value);` where set_value takes it only on
        // success: this function's status is the callee's, and so is the
        // hand-over (parson json_object_set_value over json_object_add).
        if (std::optional<std::string> K = forwardedTakerStatus(
                E.Exit, FD->getParamDecl(U.Index), Resolver, SM)) {
          Bad |= Forwarded && *Forwarded != *K;
          Forwarded = K;
          continue;
        }
        // NULL on every path here (`if (value == NULL) return -1;`):
        // nothing to take or leave.
        if (!E.MaybeNonNull && !E.Gone)
          continue;
        std::optional<int64_t> C = returnedConstant(E.Exit, Ctx);
        // A pointer other than NULL: success, where the argument went.
        if (ReturnsPointer && !C && E.Exit && E.Gone && !E.Owned) {
          Ok.insert(1);
          continue;
        }
        // A status passed on where it is still the caller's (`if (status
        // != ARES_SUCCESS) return status;` after a callee failed): a
        // failure, whose value the constants elsewhere classify.
        if (!C && E.Owned && !E.Gone && E.Exit && !ReturnsPointer)
          continue;
        if (!C || (E.Owned && E.Gone)) {
          Bad = true;
          break;
        }
        (E.Owned ? Fail : Ok).insert(*C);
      }
      std::optional<std::string> Kind =
          Bad ? std::nullopt : statusKind(Ok, Fail);
      if (!Bad && Forwarded &&
          (Kind ? *Kind != *Forwarded : !statusAgrees(*Forwarded, Ok, Fail)))
        Bad = true;
      if (!Bad && Forwarded)
        Kind = Forwarded;
      if (Bad)
        Kind.reset();
      // A status code (0 for success), not a yes/no answer: redis
      // ebTrySegSplit returns 1 after linking the segment into a list and 0
      // when it cannot split; the link is no hand-over.  A pointer is NULL
      // or an object.
      if (Kind == "null" && !ReturnsPointer)
        Kind.reset();
      if (ReturnsPointer && Kind != "null")
        Kind.reset();
      if (Kind && (!R.Status || R.Status == Kind)) {
        R.Status = Kind;
        R.Args.push_back({U.Index, ArgContract::Takes});
        R.TakesOnSuccess.push_back(U.Index);
      }
      continue;
    }
    if (!Always || !Gone || (Gone & GoneReturned))
      continue;
    if (Gone == GoneFreed) {
      R.FreeArg = U.Index;
      for (const ReleaseEvent &E : A->releases())
        if (E.A == *Id && E.Frees && E.Callee) {
          R.Family = E.Callee->Family;
          R.Via = E.Callee->Name;
          break;
        }
      continue;
    }
    // Stored where it outlives the call, or handed on: the caller must not
    // free it.  Kept, not freed: the caller may still use it meanwhile.
    R.Args.push_back({U.Index, (Gone & (GoneFreed | GoneTransferred))
                                   ? ArgContract::Takes
                                   : ArgContract::Holds});
    // Kept on some paths and freed on the others, its failures: taken
    // whatever the call returns (unbound cfg_str2list_insert).
    if ((Gone & GoneFreed) && Gone != GoneFreed)
      R.TakesAlways.push_back(U.Index);
  }

  // Destroy functions: the fields of a parameter's object they release.
  // Not a field given a new block after the free (cJSON ensure() grows
  // `p->buffer`), nor one freed only where the function then fails and
  // leaves it dangling (cJSON print_value before d514bb8: the bug
  // alloc-ownership-transfer reports, not a contract for the callers).
  if (Ran)
    for (auto &[Index, Fields] : Walk.FreedFields)
      llvm::erase_if(Fields, [&, Index = Index](const std::string &Name) {
        auto It = Walk.FreedBy.find({Index, Name});
        return It != Walk.FreedBy.end() &&
               llvm::all_of(It->second, [&](const CallExpr *C) {
                 return A->memberFreeUndone(C);
               });
      });
  for (auto &[Index, Fields] : Walk.FreedFields) {
    if (Fields.empty())
      continue;
    R.FreesFieldsArg = Index;
    R.FreedFields = Fields;
    llvm::sort(R.FreedFields);
    if (R.Family.empty() && Walk.Deallocator)
      R.Family = Walk.Deallocator->Family;
    break; // one object per destroy function
  }
  llvm::append_range(R.Requires, Walk.FieldConditions);

  // The returned value.
  if (FD->getReturnType()->isPointerType() && Ran) {
    bool Owned = !A->returns().empty(), Any = false;
    for (const ReturnEvent &E : A->returns()) {
      Owned &= E.OwnedOrNull;
      Any |= E.HasAlloc;
    }
    // A constructor that links its new object into an argument's object
    // (curl tool_mime_new: `if (parent) parent->subparts = m; return m;`),
    // through a field the project frees through: whoever owns that object
    // owns the new one, so the caller does not, unless the argument was
    // NULL.  Which it was is not known here: the result is not followed.
    if (Owned && Any)
      for (const StoreEvent &S : A->stores())
        if (S.OutParam && S.Field && Owning_.owns(S.Field) &&
            llvm::any_of(A->returns(), [&](const ReturnEvent &E) {
              return llvm::is_contained(E.Allocs, S.A);
            })) {
          Owned = false;
          break;
        }
    if (Owned && Any) {
      R.AllocatesReturn = true;
      std::optional<std::string> Family;
      std::set<std::string> Conditions;
      for (const ReturnEvent &E : A->returns()) {
        R.MayReturnNull |= E.MayBeNull;
        for (AllocId I : E.NullIfFails)
          if (const FunctionRule *F = A->allocations()[I].Rule)
            Conditions.insert("null-as " + F->Name);
        for (AllocId I : E.Allocs) {
          const Allocation &Al = A->allocations()[I];
          if (!Al.fresh())
            continue;
          // Allocated by a function of another unit, if it allocates, and
          // kept if the pending callees it was handed to do not keep it.
          // A wrapper of this unit whose family linking will tell (it
          // allocates through another unit) passes that family on.
          if (Al.Rule->Pending ||
              (Al.Rule->Inferred && Al.Rule->Family.empty() &&
               !Al.Rule->Requires.empty())) {
            Conditions.insert("allocates " + Al.Rule->Name);
            if (E.NullAsCallee)
              Conditions.insert("null-as " + Al.Rule->Name);
          } else if (Al.Rule->NullPending && E.NullAsCallee) {
            Conditions.insert("null-as " + Al.Rule->Name);
          }
          for (const PendingLend &L : A->pendingLends())
            if (L.A == I)
              Conditions.insert("keeps-not " + L.Callee + " " +
                                std::to_string(L.ArgIndex));
          if (R.Via.empty())
            R.Via = Al.Rule->Name;
          if (Al.Rule->Pending)
            continue;
          if (!Family)
            Family = Al.Rule->Family;
          else if (*Family != Al.Rule->Family)
            Family = "";
          // A realloc wrapper: the parameter it resizes.
          if (Al.Rule->ReallocArg && *Al.Rule->ReallocArg < Al.Call->getNumArgs())
            if (const auto *DRE = dyn_cast<DeclRefExpr>(
                    stripCasts(Al.Call->getArg(*Al.Rule->ReallocArg))))
              if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl())) {
                R.ReallocArg = P->getFunctionScopeIndex();
                R.FreesOnFailure =
                    Al.Rule->FreesOnFailure ||
                    freesOnFailure(FD, Al.Call, P, Resolver, Ctx);
              }
        }
      }
      if (Family && R.FreeArg == std::nullopt)
        R.Family = *Family;
      R.Requires.insert(R.Requires.end(), Conditions.begin(), Conditions.end());
    }
  }
  if (!R.AllocatesReturn && FD->getReturnType()->isPointerType())
    if (std::optional<unsigned> P = getterOf(FD))
      R.BorrowedFromArg = P;
  if (!R.AllocatesReturn && !R.BorrowedFromArg &&
      FD->getReturnType()->isPointerType())
    R.ReturnsArg = returnedParam(FD);

  // A detach (`ptr = arr->arr; ares_free(arr); return ptr;`): the object
  // goes and its storage becomes the caller's, as realloc turns the old
  // block into the new one; NULL leaves the object with the caller.  Only
  // when the field is one the project's destroy functions free (the
  // array's storage), not one it only refers to (a list node's data):
  // decided when the units are linked ("detach I G J F").
  std::string DetachedField;
  if (!R.AllocatesReturn && !R.BorrowedFromArg && !R.ReturnsArg &&
      FD->getReturnType()->isPointerType())
    if (std::optional<unsigned> N =
            detachedFromParam(FD, Ctx, DetachedField)) {
      auto Detach = [&](StringRef G, unsigned J) {
        R.Requires.push_back("detach " + std::to_string(*N) + " " + G.str() +
                             " " + std::to_string(J) + " " + DetachedField);
      };
      std::optional<AllocId> Id =
          Ran ? paramAllocation(*A, *N) : std::nullopt;
      // Freed here: every exit that does not return NULL has freed it.
      bool Freed = Id.has_value();
      for (const ExitState &E : A->exits()) {
        if (!Id || E.A != *Id)
          continue;
        std::optional<int64_t> C = returnedConstant(E.Exit, Ctx);
        if (!(C && *C == 0))
          Freed &= !E.Owned && (E.Gone & GoneFreed);
      }
      const ReleaseEvent *Free = nullptr;
      for (const ReleaseEvent &E : A->releases())
        if (Id && E.A == *Id && E.Frees && E.Callee && !Free)
          Free = &E;
      if (Freed && Free) {
        Detach(Free->Callee->Name, Free->ArgIndex);
      } else {
        // Freed through another unit's function.
        const ParamUse *PU = nullptr;
        for (const ParamUse &U : Walk.Uses)
          if (U.Index == *N)
            PU = &U;
        if (PU && !PU->Released && !PU->unknown())
          for (const auto &[Callee, J] : PU->Forwards)
            Detach(Callee, J);
      }
    }

  // An out-parameter allocator: "*out = p" of its own allocation.
  if (Ran && !R.AllocatesReturn) {
    for (const StoreEvent &S : A->stores()) {
      if (!S.OutParam || S.Field || !A->allocations()[S.A].fresh())
        continue;
      const auto *U = dyn_cast<UnaryOperator>(stripCasts(S.Target));
      const auto *DRE =
          U && U->getOpcode() == UO_Deref
              ? dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr()))
              : nullptr;
      const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
      if (!P || storeTestsOldValue(S.Target, P, Ctx) || linksOldValue(FD, P))
        continue;
      // Also kept in the caller's object or a global (SQLite
      // walIndexPageRealloc: `pWal->apWiData[i] = sqlite3MallocZero(n); ...
      // *ppPage = pWal->apWiData[i]`): `*out` views memory that object owns.
      if (llvm::any_of(A->stores(), [&](const StoreEvent &O) {
            return O.A == S.A && O.Target != S.Target &&
                   (O.OutParam || O.Foreign || O.Global);
          }))
        continue;
      // Which values are returned where it was stored, and where not.
      std::set<int64_t> Ok, Fail;
      bool Unknown = false, Always = true, Guarded = false;
      // Stored, and returning what a callee returned (`return
      // ares_buf_consume(buf, len);`): no constant says which value.
      bool StoredOther = false;
      // Stored, and returning a local status variable no test decides
      // (`result = readFunc(...); ... return result;`): which one.
      const VarDecl *StoredVar = nullptr;
      bool StoredVars = false;
      std::set<const Stmt *> Stored;
      for (const ExitState &E : A->exits())
        // Stored, and not the path where the allocation failed (`*out =
        // malloc(n); if (*out == NULL) return -1;` stores NULL).
        if (E.A == S.A && (E.Gone & GoneOutParam) && !E.Owned &&
            E.MaybeNonNull)
          Stored.insert(E.Exit);
      for (const ReturnEvent &E : A->returns()) {
        std::optional<int64_t> V = returnedConstant(E.Ret, Ctx);
        bool IsStored = Stored.count(E.Ret) && !returnsOnNullOut(E.Ret, P, Ctx);
        Always &= IsStored;
        if (!V && !IsStored)
          if (std::optional<std::set<int64_t>> Vs =
                  returnedUnderFailureTest(E.Ret, Ctx)) {
            Fail.insert(Vs->begin(), Vs->end());
            continue;
          }
        if (!V) {
          Unknown |= !IsStored;
          // `if (status == OK) *out = p; ... return status;`: OK is the
          // value returned where it was stored.
          if (IsStored) {
            if (std::optional<int64_t> G = storedUnder(S.Target, E.Ret, Ctx))
              Ok.insert(*G);
            else if (std::optional<int64_t> K =
                         releasedUnlessOk(E.Ret, P, Resolver, Ctx)) {
              Ok.insert(*K);
              Guarded = true;
            } else if (const auto *Ret = dyn_cast<ReturnStmt>(E.Ret);
                       Ret && Ret->getRetValue() &&
                       isa<CallExpr>(stripCasts(Ret->getRetValue()))) {
              // Not a status variable: SQLite's vtabCallConstructor stores
              // an error message into *pzErr and returns rc, its failure.
              StoredOther = true;
            } else if (const DeclRefExpr *RV = returnedVar(E.Ret)) {
              const auto *VD = dyn_cast<VarDecl>(RV->getDecl());
              StoredVars |= !VD || (StoredVar && StoredVar != VD);
              StoredVar = VD;
            }
          }
          continue;
        }
        (IsStored ? Ok : Fail).insert(*V);
      }
      const Allocation &Al = A->allocations()[S.A];
      // Released before the return unless the status is K: set only on K,
      // whatever the other returns (`exit: if (rc != OK) free(*out);`).
      // Every path that does not store returns a non-zero constant, and
      // the paths that store return a callee's status: the constants are
      // the failures, and success is 0 (c-ares ares_buf_fetch_bytes_dup:
      // ARES_EBADRESP, ARES_ENOMEM, or ares_buf_consume's result).
      if (Ok.empty() && StoredOther && !Fail.empty() && !Fail.count(0))
        Ok.insert(0);
      // The status variable returned where it was stored is given one
      // constant besides the failures returned elsewhere: that constant is
      // the success (wakaama object_readData: `result = COAP_205_CONTENT`,
      // COAP_404_NOT_FOUND and COAP_500_INTERNAL_SERVER_ERROR returned
      // before anything is stored). The success need not be 0, so a test
      // of it is "equals K".
      bool Equals = false;
      if (Ok.empty() && !StoredOther && StoredVar && !StoredVars &&
          !Fail.empty())
        if (std::optional<std::set<int64_t>> Given =
                constantsGiven(FD->getBody(), StoredVar, Ctx)) {
          std::set<int64_t> Rest;
          for (int64_t V : *Given)
            if (!Fail.count(V))
              Rest.insert(V);
          // 0 returned where nothing was stored: a success with nothing
          // to hand over, or a failure; either way not "one code".
          if (Rest.size() == 1 && !(Fail.count(0) && *Rest.begin() != 0)) {
            Ok = Rest;
            Equals = true;
          }
        }
      std::optional<std::string> Kind = statusKind(Ok, Fail);
      if (!Kind && Equals)
        Kind = "equals " + std::to_string(*Ok.begin());
      if (Guarded) {
        Always = false;
        if (!Kind && Fail.empty() && Ok.size() == 1 && *Ok.begin() == 0)
          Kind = "nonzero";
      }
      if (FD->getReturnType()->isVoidType() || Always) {
        R.AllocatesArg = P->getFunctionScopeIndex();
      } else if (Kind && !Unknown) {
        R.AllocatesArg = P->getFunctionScopeIndex();
        setStatus(R, Kind);
        R.MayReturnNull = true;
      } else {
        continue;
      }
      R.Family = Al.Rule->Family;
      R.Via = Al.Rule->Name;
      // `new = yaml_realloc(*start, n); ... *start = new;` (libyaml
      // yaml_stack_extend): the block `*start` held is the one resized.
      if (Al.Call && Al.Rule->ReallocArg &&
          *Al.Rule->ReallocArg < Al.Call->getNumArgs() &&
          derefParam(Al.Call->getArg(*Al.Rule->ReallocArg)) == P)
        R.ReallocatesOut = true;
      if (Al.Rule->Pending)
        R.Requires.push_back("allocates " + Al.Rule->Name);
      break;
    }
  }

  // Fields of a parameter's object filled with new memory that a failing
  // return leaves there (OpenSC sc_hsm_encode_gakp_ec stores
  // cvc->primeOrModulus, then fails on the next allocation): the caller's
  // to release whatever the function returns.
  if (Ran && !R.allocates() && !R.FreesFieldsArg) {
    std::map<unsigned, std::set<std::string>> Filled;
    for (const StoreEvent &S : A->stores()) {
      const Allocation &Al = A->allocations()[S.A];
      if (!S.Field || !(S.OutParam || S.Foreign) || !Al.fresh() || !Al.Rule ||
          Al.Rule->Pending || !Al.Rule->Requires.empty())
        continue;
      const auto *ME = dyn_cast<MemberExpr>(stripCasts(S.Target));
      const auto *DRE = ME && ME->isArrow()
                            ? dyn_cast<DeclRefExpr>(stripCasts(ME->getBase()))
                            : nullptr;
      const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
      if (!P || P->getType()->getPointeeType().isConstQualified())
        continue;
      // Not where the allocation itself failed (`c->x = malloc(n); if
      // (!c->x) return ERR;`): nothing is left there.
      auto IsTarget = [&](const Expr *E) {
        const auto *M = dyn_cast<MemberExpr>(E);
        const auto *B =
            M ? dyn_cast<DeclRefExpr>(stripCasts(M->getBase())) : nullptr;
        return B && B->getDecl() == P && M->getMemberDecl() == S.Field;
      };
      if (llvm::any_of(A->exits(), [&](const ExitState &E) {
            return E.A == S.A && E.LeftInField &&
                   !returnsOnNullOf(E.Exit, IsTarget, Ctx);
          }))
        Filled[P->getFunctionScopeIndex()].insert(S.Field->getName().str());
    }
    if (Filled.size() == 1) {
      R.FillsFieldsArg = Filled.begin()->first;
      R.FilledFields.assign(Filled.begin()->second.begin(),
                            Filled.begin()->second.end());
    }
  }

  // Its out-parameter handed on to an out-parameter allocator (read from
  // the body alone: the dataflow does not run where nothing is allocated).
  if (!R.allocates()) {
    const FunctionRule *Inner = nullptr;
    const ParmVarDecl *P = nullptr;
    std::optional<std::string> Kind;
    bool StatusOfCallee = false;
    if (const CallExpr *Call = forwardedOutParam(FD, Resolver, Ctx, Inner, P,
                                                 Kind, StatusOfCallee)) {
      R.AllocatesArg = P->getFunctionScopeIndex();
      setStatus(R, Kind);
      if (StatusOfCallee)
        R.Requires.push_back("status-of " + Inner->Name);
      if (Inner->Pending)
        for (unsigned I = 0; I < Call->getNumArgs(); ++I)
          if (const auto *D = dyn_cast<DeclRefExpr>(stripCasts(Call->getArg(I)));
              D && D->getDecl() == P)
            R.Requires.push_back("allocates-arg " + Inner->Name + " " +
                                 std::to_string(I));
      R.MayReturnNull = true;
      R.Family = Inner->Family;
      R.Via = Inner->Name;
    }
  }

  if (const FunctionRule *Last = lastCallNeverReturning(FD, Resolver, SM)) {
    if (Last->Pending)
      R.Requires.push_back("noreturn " + Last->Name);
    else
      R.NoReturn = true;
  }
  return R;
}

// --- the unit's shared state -------------------------------------------------

namespace {
/// Per thread: the driver analyses translation units in parallel, each on
/// its own thread; the plugin has one.
struct States {
  std::map<std::pair<const AllocationModel *, const AllocationModel *>,
           std::unique_ptr<UnitState>>
      Map;
};
thread_local States Current;
} // namespace

UnitState::UnitState(std::shared_ptr<const AllocationModel> M,
                     std::shared_ptr<const AllocationModel> X)
    : Model(std::move(M)), External(std::move(X)),
      Resolver(*Model, External.get()), Summaries(Resolver, *this) {
  Resolver.setSummaries(&Summaries);
}

UnitState::~UnitState() = default;

UnitState &
UnitState::get(const std::shared_ptr<const AllocationModel> &Model,
               const std::shared_ptr<const AllocationModel> &External) {
  auto Key = std::make_pair(Model.get(), External.get());
  std::unique_ptr<UnitState> &S = Current.Map[Key];
  if (!S)
    S = std::make_unique<UnitState>(Model, External);
  return *S;
}

std::shared_ptr<OwnershipAnalysis> UnitState::analyse(const FunctionDecl *FD,
                                                      ASTContext &Ctx) {
  auto A = std::make_shared<OwnershipAnalysis>(FD, Ctx, Resolver,
                                               Summaries.trackedParams(FD));
  A->setBudget(Budget);
  A->run();
  Analyses[FD] = A;
  return A;
}

std::shared_ptr<const OwnershipAnalysis>
UnitState::analysis(const FunctionDecl *FD, ASTContext &Ctx) {
  Summaries.ensure(Ctx);
  auto It = Analyses.find(FD);
  if (It != Analyses.end())
    return It->second;
  return analyse(FD, Ctx);
}

bool isUserDefinition(const FunctionDecl &FD, const SourceManager &SM) {
  if (!FD.doesThisDeclarationHaveABody() ||
      !FD.isThisDeclarationADefinition() ||
      !isa_and_nonnull<CompoundStmt>(FD.getBody()))
    return false;
  SourceLocation Loc = SM.getExpansionLoc(FD.getBeginLoc());
  return Loc.isInvalid() || !SM.isInSystemHeader(Loc);
}

const std::vector<const FunctionDecl *> &
UnitState::definitions(ASTContext &Ctx) {
  if (!Definitions) {
    Definitions.emplace();
    const SourceManager &SM = Ctx.getSourceManager();
    for (const CodeDecl &CD : unitCode(Ctx))
      if (const FunctionDecl *FD = CD.function();
          FD && isUserDefinition(*FD, SM))
        Definitions->push_back(FD);
  }
  return *Definitions;
}

void resetUnitState() {
  Current.Map.clear();
  resetParents();
}

bool hasFacts(const FunctionRule &R) {
  return R.allocates() || R.ReallocArg || R.FreeArg || R.NoReturn ||
         R.NeverPositive || R.FreesFieldsArg || R.FillsFieldsArg ||
         R.BorrowedFromArg || R.ReturnsArg ||
         R.Returns != ReturnContract::Unspecified || !R.Args.empty() ||
         !R.Retains.empty() || !R.Links.empty() || !R.Requires.empty();
}

// --- linking the units of a project ----------------------------------------

namespace {

/// One linking round: \p Raw's conditions decided against \p Known.
FunctionRule resolve(const FunctionRule &Raw,
                     const std::function<const FunctionRule *(StringRef)> &Known,
                     const std::set<std::string> &FreedFieldNames) {
  FunctionRule R = Raw;
  R.Requires.clear();
  bool Allocates = true; // every "allocates" and "keeps-not" holds
  bool NullAs = false;
  std::string Family;
  std::map<unsigned, std::vector<ArgContract>> Forwarded;
  std::map<unsigned, const FunctionRule *> FreedThrough;
  std::optional<std::pair<unsigned, const FunctionRule *>> Detach;
  std::set<unsigned> Retained, Linked;
  for (StringRef C : Raw.Requires) {
    llvm::SmallVector<StringRef, 6> W;
    C.split(W, ' ');
    auto Num = [&](size_t I) {
      unsigned N = 0;
      return I < W.size() && !W[I].getAsInteger(10, N) ? N : ~0u;
    };
    const FunctionRule *G = W.size() > 1 ? Known(W[1]) : nullptr;
    if (W[0] == "allocates") {
      if (!G || !G->AllocatesReturn) {
        Allocates = false;
      } else if (Family.empty()) {
        Family = G->Family;
      }
    } else if (W[0] == "allocates-arg" && W.size() == 3) {
      // Handed its out-parameter on to another unit's function: an
      // allocator only if that one allocates there.
      if (!G || G->AllocatesReturn || G->AllocatesArg != Num(2)) {
        Allocates = false;
      } else if (Family.empty()) {
        Family = G->Family;
      }
    } else if (W[0] == "status-of" && W.size() == 2) {
      // Its status is the callee's (which allocates, or this one does not).
      if (G && G->AllocatesArg && G->Status) {
        R.Status = G->Status;
        R.NeverPositive |= G->NeverPositive;
      }
    } else if (W[0] == "null-as") {
      NullAs |= !G || G->MayReturnNull;
    } else if (W[0] == "keeps-not") {
      ArgContract K = G ? G->argContract(Num(2)) : ArgContract::Unspecified;
      // A callee that frees it does not keep it either: what it frees is
      // not what this function returns; nor does one that resizes it (redis
      // sdssplitlen's `tokens = zrealloc(tokens, n)`): the block it hands
      // back is the one this function goes on with.
      if (!(K == ArgContract::Borrows || K == ArgContract::Copies ||
            (G && G->FreeArg == Num(2)) || (G && G->ReallocArg == Num(2)) ||
            (G && !G->Inferred && K == ArgContract::Unspecified)))
        Allocates = false;
    } else if (W[0] == "forward" && W.size() == 4) {
      const FunctionRule *H = Known(W[2]);
      unsigned J = Num(3);
      ArgContract K = !H                   ? ArgContract::Unspecified
                      : H->FreeArg == J    ? ArgContract::Takes
                      : !H->Inferred && H->argContract(J) ==
                                            ArgContract::Unspecified
                          ? ArgContract::Borrows
                          : H->argContract(J);
      Forwarded[Num(1)].push_back(K);
      if (H && H->links(J))
        Linked.insert(Num(1));
      if (H && H->FreeArg == J)
        FreedThrough[Num(1)] = H;
    } else if (W[0] == "field" && W.size() == 5) {
      const FunctionRule *H = Known(W[3]);
      unsigned J = Num(4);
      if (H && (H->FreeArg == J || H->releases(J))) {
        if (!R.FreesFieldsArg)
          R.FreesFieldsArg = Num(1);
        if (R.FreesFieldsArg == Num(1) &&
            !llvm::is_contained(R.FreedFields, W[2]))
          R.FreedFields.push_back(W[2].str());
      }
    } else if (W[0] == "retained" && W.size() == 4) {
      if (const FunctionRule *H = Known(W[2]); H && H->retains(Num(3)))
        Retained.insert(Num(1));
    } else if (W[0] == "noreturn") {
      R.NoReturn |= G && G->NoReturn;
    } else if (W[0] == "detach" && W.size() == 5) {
      const FunctionRule *H = Known(W[2]);
      if (H && H->FreeArg == Num(3) && FreedFieldNames.count(W[4].str()))
        Detach = {Num(1), H};
    }
  }
  llvm::sort(R.FreedFields);
  if (!Allocates) {
    R.AllocatesReturn = false;
    R.AllocatesArg.reset();
    R.ReallocArg.reset();
    if (R.TakesOnSuccess.empty())
      R.Status.reset();
    R.Via.clear();
  } else if (R.allocates()) {
    R.MayReturnNull |= NullAs;
    if (R.Family.empty())
      R.Family = Family;
  }
  // A parameter handed on: borrowed if every callee borrows it; freed,
  // taken or held if the one callee it goes to does so.
  for (const auto &[I, Ks] : Forwarded) {
    bool Keeps = llvm::all_of(Ks, [](ArgContract K) {
      return K == ArgContract::Borrows || K == ArgContract::Copies;
    });
    if (Keeps) {
      const bool Copied = llvm::is_contained(Ks, ArgContract::Copies);
      R.Args.push_back(
          {I, Copied ? ArgContract::Copies : ArgContract::Borrows});
      if (!Copied && Linked.count(I) && !R.links(I))
        R.Links.push_back(I);
    } else if (Ks.size() == 1 && Ks[0] != ArgContract::Unspecified) {
      if (FreedThrough.count(I) && !R.FreeArg) {
        R.FreeArg = I;
        if (R.Family.empty())
          R.Family = FreedThrough[I]->Family;
        if (R.Via.empty())
          R.Via = FreedThrough[I]->Name;
      } else {
        R.Args.push_back({I, Ks[0]});
      }
    }
  }
  // Stored and retained by another unit's function: the caller's reference
  // stays the caller's (see summarise()).
  for (unsigned I : Retained) {
    if (R.FreeArg == I)
      continue;
    llvm::erase_if(R.Args, [&](const auto &C) { return C.first == I; });
    R.Args.push_back({I, ArgContract::Borrows});
  }
  // A detach through another unit's deallocator (see summarise()).
  if (Detach && !R.AllocatesReturn) {
    const unsigned N = Detach->first;
    const FunctionRule *H = Detach->second;
    R.AllocatesReturn = true;
    R.ReallocArg = N;
    R.MayReturnNull = true;
    if (R.FreeArg == N)
      R.FreeArg.reset();
    R.Family = H->Family;
    R.Via = H->Name;
    llvm::erase_if(R.Args, [&](const auto &C) { return C.first == N; });
  }
  return R;
}

} // namespace

std::vector<FunctionRule> linkSummaries(const std::vector<FunctionRule> &Raw,
                                        const AllocationModel &Declared) {
  std::map<std::string, const FunctionRule *> ByName;
  for (const FunctionRule &R : Raw)
    ByName.try_emplace(R.Name, &R);
  std::map<std::string, FunctionRule> Linked;
  for (const auto &[Name, R] : ByName) {
    FunctionRule L = *R;
    L.Requires.clear();
    Linked[Name] = std::move(L);
  }
  auto Known = [&](StringRef Name) -> const FunctionRule * {
    if (const FunctionRule *D = Declared.lookup(Name))
      return D;
    auto It = Linked.find(Name.str());
    return It == Linked.end() ? nullptr : &It->second;
  };
  // Each round can decide conditions the previous one made true; chains of
  // wrappers across units are rarely longer than this.
  for (unsigned Round = 0; Round < 8; ++Round) {
    bool Changed = false;
    // The fields the project's destroy functions free, by name.
    std::set<std::string> FreedFieldNames;
    auto AddFields = [&](const FunctionRule &F) {
      for (StringRef Name : F.FreedFields)
        FreedFieldNames.insert(FunctionRule::freedFieldName(Name).str());
    };
    for (const auto &[Name, L] : Linked)
      AddFields(L);
    for (const FunctionRule *D : Declared.sorted())
      AddFields(*D);
    for (const auto &[Name, R] : ByName) {
      if (R->Requires.empty())
        continue;
      FunctionRule L = resolve(*R, Known, FreedFieldNames);
      if (!sameFacts(L, Linked[Name])) {
        Linked[Name] = std::move(L);
        Changed = true;
      }
    }
    if (!Changed)
      break;
  }
  std::vector<FunctionRule> Out;
  for (auto &[Name, R] : Linked)
    if (hasFacts(R))
      Out.push_back(std::move(R));
  return Out;
}

} // namespace clang::tidy::alloc
