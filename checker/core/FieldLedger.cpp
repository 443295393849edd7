//===--- FieldLedger.cpp - fields allocated somewhere and freed nowhere ---===//

#include "FieldLedger.h"
#include "AllocationModel.h"
#include "AllocationSites.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SaveAndRestore.h"
#include <map>
#include <set>

namespace clang::tidy::alloc {

StringRef recordName(const RecordDecl *RD) {
  StringRef Name = RD->getName();
  if (Name.empty())
    if (const TypedefNameDecl *T = RD->getTypedefNameForAnonDecl())
      Name = T->getName();
  return Name;
}

std::string fieldKey(const FieldDecl *F) {
  if (!F || !F->getIdentifier() || !F->getType()->isPointerType())
    return "";
  StringRef Name = recordName(F->getParent());
  return Name.empty() ? "" : (Name + "." + F->getName()).str();
}

std::string memberKey(const FieldDecl *F) {
  if (!F || !F->getIdentifier() || !F->getType()->getAs<RecordType>())
    return "";
  StringRef Name = recordName(F->getParent());
  return Name.empty() ? "" : (Name + "." + F->getName() + "{}").str();
}

std::string elementKey(const FieldDecl *F) {
  if (!F || !F->getIdentifier())
    return "";
  QualType T = F->getType();
  QualType Element;
  if (T->isPointerType())
    Element = T->getPointeeType();
  else if (const ArrayType *AT = F->getASTContext().getAsArrayType(T))
    Element = AT->getElementType();
  if (Element.isNull() || !Element->isPointerType())
    return "";
  StringRef Name = recordName(F->getParent());
  return Name.empty() ? "" : (Name + "." + F->getName() + "[]").str();
}

namespace {

/// How a call uses its argument.
enum class ArgUse { Harmless, Escapes, Waits };

/// How a known contract uses argument \p I.
ArgUse ruleUse(const FunctionRule &R, unsigned I) {
  if (R.FreeArg == I || R.ReallocArg == I || R.FreesFieldsArg == I ||
      R.releases(I))
    return ArgUse::Escapes;
  ArgContract C = R.argContract(I);
  if (C == ArgContract::Borrows || C == ArgContract::Copies ||
      (C == ArgContract::Unspecified && R.dereferences(I)))
    return ArgUse::Harmless;
  return ArgUse::Escapes;
}

ArgUse argUse(const FunctionDecl *Callee, const FunctionRule *R, unsigned I,
              const SourceManager &SM) {
  // The values of a variadic call's `...`: printed, formatted, logged.
  if (Callee->isVariadic() && I >= Callee->getNumParams())
    return ArgUse::Harmless;
  if (R)
    return R->Pending ? ArgUse::Waits : ruleUse(*R, I);
  // A system header's function without a rule reads its arguments (the
  // rules name the ones that free or keep them).
  if (SM.isInSystemHeader(SM.getFileLoc(Callee->getLocation())))
    return ArgUse::Harmless;
  return ArgUse::Escapes;
}

} // namespace

class LedgerScan {
public:
  LedgerScan(ASTContext &Ctx, CalleeResolver &R, FieldLedger &L)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Resolver(R), L(L) {}

  void stmt(const Stmt *S) {
    if (!S)
      return;
    if (const auto *E = dyn_cast<Expr>(S))
      return expr(E, false); // a value discarded, or a condition
    if (const auto *RS = dyn_cast<ReturnStmt>(S)) {
      llvm::SaveAndRestore<bool> Store(Storing, true);
      return expr(RS->getRetValue(), true);
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        if (const auto *V = dyn_cast<VarDecl>(D))
          if (const Expr *Init = V->getInit())
            setLocal(V, Init);
      return;
    }
    for (const Stmt *C : S->children())
      stmt(C);
  }

private:
  /// The field `x->f`, or the elements of the field's array `x->f[i]`,
  /// that \p E is, with its key; or an empty slot.
  static FieldSlot tracked(const Expr *E, std::string &Key) {
    E = E->IgnoreParenCasts();
    bool Element = false;
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase()->IgnoreParenCasts();
      Element = true;
    }
    const auto *ME = dyn_cast<MemberExpr>(E);
    const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    if (!F)
      return FieldSlot();
    Key = Element ? elementKey(F) : fieldKey(F);
    return Key.empty() ? FieldSlot()
                       : FieldSlot(F->getCanonicalDecl(), Element);
  }

  /// Reads what the tracked place \p Place (`x->f`, `x->f[i]`) is reached
  /// through, and its index.
  void objectOf(const Expr *Place) {
    const Expr *E = Place->IgnoreParenCasts();
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      expr(AS->getIdx(), false);
      E = AS->getBase()->IgnoreParenCasts();
    }
    expr(cast<MemberExpr>(E)->getBase(), false);
  }

  std::string origin(SourceLocation Loc) {
    Loc = SM.getFileLoc(Loc);
    return (llvm::sys::path::filename(SM.getFilename(Loc)) + ":" +
            Twine(SM.getSpellingLineNumber(Loc)))
        .str();
  }

  void fact(std::string S) {
    if (Seen.insert(S).second)
      L.Facts.push_back(std::move(S));
  }

  /// \p F's value goes where it may be freed or kept (at \p Loc, the
  /// first such place the unit shows, kept as evidence); a field's array
  /// with its elements, unless \p AndElements is false (a deallocator or a
  /// reallocator frees or moves the array, not what its elements point to).
  void escape(FieldSlot F, const std::string &Key, SourceLocation Loc,
              bool AndElements = true) {
    L.Escaping.insert(F);
    if (Escaped.insert(F).second)
      fact("escape " + Key + " " + origin(Loc));
    if (AndElements && !F.getInt())
      escapeElements(F.getPointer(), Loc);
  }

  /// The elements of \p F's array go where they may be freed or kept.
  void escapeElements(const FieldDecl *F, SourceLocation Loc) {
    std::string Key = elementKey(F);
    if (!Key.empty())
      escape(FieldSlot(F->getCanonicalDecl(), true), Key, Loc);
  }

  /// The member `x->m` that \p E is, a struct held by value, or null.
  static const FieldDecl *byValueMember(const Expr *E) {
    const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenCasts());
    const auto *M = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
    return M && M->getType()->getAs<RecordType>() ? M : nullptr;
  }

  /// `&x->m` of a struct held by value: whatever tears it down may get it.
  void memberAddress(const Expr *E) {
    if (const FieldDecl *M = byValueMember(E)) {
      L.MemberEscaping.insert(M->getCanonicalDecl());
      std::string Key = memberKey(M);
      if (!Key.empty() && MemberEscaped.insert(Key).second)
        fact("escape " + Key + " " + origin(E->getExprLoc()));
    }
  }

  /// `f(.., &x->m, ..)`, argument \p I of \p C: a function that only
  /// reads or fills the member (an initialiser, a parser) lets none of it
  /// go; one that may free its fields, or is not known, may.
  bool memberArgument(const Expr *A, unsigned I, const FunctionDecl *Callee,
                      const FunctionRule *R) {
    const auto *U = dyn_cast<UnaryOperator>(A);
    if (!U || U->getOpcode() != UO_AddrOf)
      return false;
    const FieldDecl *M = byValueMember(U->getSubExpr());
    std::string Key = M ? memberKey(M) : "";
    if (Key.empty())
      return false;
    ArgUse Use = Callee ? argUse(Callee, R, I, SM) : ArgUse::Escapes;
    if (Use == ArgUse::Escapes)
      memberAddress(U->getSubExpr());
    else if (Use == ArgUse::Waits) {
      L.MemberEscaping.insert(M->getCanonicalDecl()); // settled when linked
      fact("escape-unless " + Key + " " + Callee->getName().str() + " " +
           std::to_string(I));
    }
    expr(U->getSubExpr(), false);
    return true;
  }

  /// `x->m.f = RHS` for a member `m` held by value: new memory (a call
  /// that allocates, or a local's value) in one of its fields.
  void memberFill(const Expr *LHS, const Expr *RHS, SourceLocation Loc) {
    const auto *Field = dyn_cast<MemberExpr>(LHS->IgnoreParenCasts());
    const FieldDecl *M = Field ? byValueMember(Field->getBase()) : nullptr;
    std::string Key = M ? memberKey(M) : "";
    if (Key.empty() || ofGlobal(LHS))
      return;
    RHS = RHS->IgnoreParenCasts();
    const auto *C = dyn_cast<CallExpr>(RHS);
    const FunctionRule *R = C ? Resolver.allocation(C, Ctx) : nullptr;
    if (!R && !localOf(RHS))
      return;
    StringRef Name = C ? nameOf(C->getDirectCallee()) : StringRef();
    std::string Via = Name.empty() ? "?" : Name.str();
    L.MemberFills.try_emplace(M->getCanonicalDecl(),
                              FieldStore{Loc, origin(Loc), Via});
    // The first store of each kind per member and unit is evidence enough.
    if (R && R->Pending && !Name.empty()) {
      if (MemberFilled.insert(Key + " " + Via).second)
        fact("alloc-via " + Key + " " + origin(Loc) + " " + Via);
    } else if (MemberFilled.insert(Key).second) {
      fact("alloc " + Key + " " + origin(Loc) + " " + Via);
    }
  }

  void allocated(FieldSlot F, const std::string &Key, SourceLocation Loc,
                 StringRef Via) {
    std::string O = origin(Loc);
    if (L.Allocated.try_emplace(F, FieldStore{Loc, O, Via.str()}).second)
      fact("alloc " + Key + " " + O + " " + Via.str());
  }

  StringRef nameOf(const FunctionDecl *FD) {
    return FD && FD->getIdentifier() ? FD->getName() : StringRef();
  }

  /// How \p ME's object is reached (`c->f`, `cfg->ws.f`): the variable
  /// and the members on the way, or "" when it is reached another way (a
  /// call, an index).
  static std::string baseOf(const Expr *ME) {
    ME = ME->IgnoreParenCasts();
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(ME))
      ME = AS->getBase()->IgnoreParenCasts(); // any element
    const auto *M = dyn_cast<MemberExpr>(ME);
    if (!M)
      return "";
    std::string Path;
    const Expr *B = M->getBase()->IgnoreParenCasts();
    while (const auto *Inner = dyn_cast<MemberExpr>(B)) {
      Path += std::to_string(reinterpret_cast<uintptr_t>(
                  Inner->getMemberDecl()->getCanonicalDecl())) +
              ".";
      B = Inner->getBase()->IgnoreParenCasts();
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(B);
    if (!DRE)
      return "";
    return Path + std::to_string(reinterpret_cast<uintptr_t>(
                      DRE->getDecl()->getCanonicalDecl()));
  }

  struct Touch {
    FieldSlot F;
    std::string Key;
    std::string Base;
    SourceLocation Loc;
    /// Released by a deallocator: an array's elements are not.
    bool Plain = false;
  };
  std::vector<Touch> Releases, Stores;

public:
  /// At the end of a function: a release of `x->f` that the function
  /// follows with a store into `x->f` replaces the value (a setter's
  /// `if (s->f) free(s->f); s->f = strdup(v)`); any other lets it go.
  void endFunction() {
    for (const auto &[V, Fields] : Loaded)
      if (LocalEscapes.count(V))
        for (const Touch &T : Fields)
          escape(T.F, T.Key, T.Loc);
    for (const FreshStore &S : FreshStores) {
      auto It = Sinks.find({S.Local, S.Gen});
      if (It != Sinks.end() && It->second == 1)
        storeCall(S.F, S.Key, S.Call, S.Loc);
      else
        escape(S.F, S.Key, S.Loc); // a back-pointer, or also kept elsewhere
    }
    FreshStores.clear();
    Sinks.clear();
    Gen.clear();
    Loaded.clear();
    LocalEscapes.clear();
    Fresh.clear();
    for (const Touch &R : Releases) {
      bool Replaced = llvm::any_of(Stores, [&](const Touch &S) {
        return S.F == R.F && S.Base == R.Base &&
               SM.isBeforeInTranslationUnit(R.Loc, S.Loc);
      });
      if (!Replaced)
        escape(R.F, R.Key, R.Loc, !R.Plain);
    }
    Releases.clear();
    Stores.clear();
  }

private:
  static const VarDecl *localOf(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenCasts());
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return V && V->hasLocalStorage() && V->getType()->isPointerType()
               ? V->getCanonicalDecl()
               : nullptr;
  }

  /// `v = RHS` or `T *v = RHS` for a local pointer: a field loaded into it
  /// goes where the local goes (a cursor over a field's array does not
  /// let it go); a call it is set from is what a store of it stores.
  void setLocal(const VarDecl *V, const Expr *RHS) {
    V = V->getCanonicalDecl();
    const Expr *Value = RHS->IgnoreParenCasts();
    Fresh.erase(V);
    ++Gen[V]; // a new value: its own sinks
    std::string Key;
    if (V->hasLocalStorage() && V->getType()->isPointerType()) {
      if (FieldSlot F = tracked(Value, Key); F.getPointer()) {
        Loaded[V].push_back({F, Key, "", Value->getExprLoc()});
        return objectOf(Value);
      }
      if (const auto *C = dyn_cast<CallExpr>(Value))
        Fresh[V] = C;
    }
    expr(RHS, true);
  }

  /// True when \p Target (`server.db[j].f`, `g->f`) is reached from a
  /// global variable: a permanent object's field, filled once for the
  /// program's life.
  static bool ofGlobal(const Expr *Target) {
    const Expr *E = Target->IgnoreParenCasts();
    while (true) {
      if (const auto *ME = dyn_cast<MemberExpr>(E))
        E = ME->getBase()->IgnoreParenCasts();
      else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
        E = AS->getBase()->IgnoreParenCasts();
      else if (const auto *U = dyn_cast<UnaryOperator>(E);
               U && U->getOpcode() == UO_Deref)
        E = U->getSubExpr()->IgnoreParenCasts();
      else
        break;
    }
    const auto *DRE = dyn_cast<DeclRefExpr>(E);
    const auto *V = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    return V && V->hasGlobalStorage();
  }

  /// `x->f = RHS`.
  void store(FieldSlot F, const std::string &Key, const Expr *RHS,
             SourceLocation Loc, std::string Base, const Expr *Target) {
    const Expr *V = RHS->IgnoreParenCasts();
    if (isNullOrZero(V, Ctx) || ofGlobal(Target))
      return;
    if (!Base.empty())
      Stores.push_back({F, Key, std::move(Base), Loc});
    // `value = get_conf_value(..); ... x->f = value;`: decided at the end
    // of the function, by the call the local was last set from, when the
    // field is the one place the local's value goes.
    if (const VarDecl *L = localOf(V)) {
      auto It = Fresh.find(L);
      if (It != Fresh.end())
        FreshStores.push_back({F, Key, L, Gen.lookup(L), It->second, Loc});
      else
        escape(F, Key, Loc);
      return;
    }
    storeCall(F, Key, V, Loc);
  }

  void storeCall(FieldSlot F, const std::string &Key, const Expr *V,
                 SourceLocation Loc) {
    if (const auto *C = dyn_cast<CallExpr>(V))
      if (const FunctionRule *R = Resolver.allocation(C, Ctx)) {
        StringRef Via = nameOf(C->getDirectCallee());
        if (R->Pending && !Via.empty())
          fact("alloc-via " + Key + " " + origin(Loc) + " " + Via.str());
        else if (R->AllocatesReturn || R->ReallocArg)
          allocated(F, Key, Loc, Via.empty() ? StringRef("?") : Via);
        else
          escape(F, Key, Loc);
        return;
      }
    escape(F, Key, Loc);
  }

  void call(const CallExpr *C) {
    // An argument is no store of the caller's (a sink, see Sinks).
    llvm::SaveAndRestore<bool> NotStoring(Storing, false);
    expr(C->getCallee(), false);
    const FunctionDecl *Callee = C->getDirectCallee();
    const FunctionRule *R = Callee ? Resolver.ruleFor(Callee, SM) : nullptr;
    for (unsigned I = 0; I < C->getNumArgs(); ++I) {
      const Expr *A = C->getArg(I)->IgnoreParenCasts();
      std::string Key;
      ArgUse Use = Callee ? argUse(Callee, R, I, SM) : ArgUse::Escapes;
      // A deallocator of this argument (known, not another unit's yet).
      bool Frees = R && !R->Pending && (R->FreeArg == I || R->releases(I));
      if (memberArgument(A, I, Callee, R))
        continue;
      if (const auto *U = dyn_cast<UnaryOperator>(A);
          U && U->getOpcode() == UO_AddrOf)
        if (FieldSlot F = tracked(U->getSubExpr(), Key); F.getPointer()) {
          // `alloc(&x->f)`: an out-parameter allocator fills the field.
          if (R && (R->Pending || R->AllocatesArg == I) &&
              ofGlobal(U->getSubExpr())) {
            // a permanent object's, as in store()
          } else if (R && R->Pending && Callee->getIdentifier()) {
            fact("out-via " + Key + " " + origin(C->getBeginLoc()) + " " +
                 Callee->getName().str() + " " + std::to_string(I));
            L.Escaping.insert(F); // settled only with the other units
          } else if (R && R->AllocatesArg == I && Callee->getIdentifier()) {
            allocated(F, Key, C->getBeginLoc(), Callee->getName());
          } else {
            escape(F, Key, C->getBeginLoc());
          }
          objectOf(U->getSubExpr());
          continue;
        }
      if (FieldSlot F = tracked(A, Key); F.getPointer()) {
        std::string Base = baseOf(A);
        // A deallocator or a reallocator of the array itself: its
        // elements stay where they are.
        const bool Plain =
            R && !R->Pending && (R->FreeArg == I || R->ReallocArg == I);
        if (Use == ArgUse::Escapes && Frees && !Base.empty())
          Releases.push_back(
              {F, Key, std::move(Base), C->getBeginLoc(), Plain});
        else if (Use == ArgUse::Escapes)
          escape(F, Key, C->getBeginLoc(), !Plain);
        else if (Use == ArgUse::Waits) {
          fact("escape-unless " + Key + " " + Callee->getName().str() + " " +
               std::to_string(I));
          L.Escaping.insert(F);
        }
        objectOf(A);
        continue;
      }
      if (const VarDecl *V = localOf(A)) {
        // A local handed to a function that may keep it (not one that
        // frees it) goes there too: a value also added to a table is not
        // the field's alone (ioto `rAddName(web->uploads, .., upload)`).
        if (Use != ArgUse::Harmless && !Frees)
          ++Sinks[{V, Gen.lookup(V)}];
        // A local loaded from fields, handed to another unit's function:
        // settled with that function's summary, as the fields would be.
        if (Use == ArgUse::Waits) {
          auto It = Loaded.find(V);
          if (It != Loaded.end()) {
            for (const Touch &T : It->second)
              fact("escape-unless " + T.Key + " " + Callee->getName().str() +
                   " " + std::to_string(I));
            continue;
          }
        }
        // A local freed here is released, not kept somewhere.
        if (Frees) {
          LocalEscapes.insert(V);
          continue;
        }
      }
      expr(A, Use != ArgUse::Harmless);
    }
  }

public:
  void expr(const Expr *E, bool Escape) {
    if (!E)
      return;
    if (isa<UnaryExprOrTypeTraitExpr>(E))
      return; // sizeof: not evaluated
    if (const auto *CE = dyn_cast<CastExpr>(E))
      return expr(CE->getSubExpr(), Escape);
    if (const auto *P = dyn_cast<ParenExpr>(E))
      return expr(P->getSubExpr(), Escape);
    if (isa<DeclRefExpr>(E)) {
      if (const VarDecl *V = localOf(E); V && Escape) {
        LocalEscapes.insert(V);
        if (Storing)
          ++Sinks[{V, Gen.lookup(V)}];
      }
      return;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      std::string Key;
      if (FieldSlot F = tracked(ME, Key); F.getPointer() && Escape)
        escape(F, Key, ME->getExprLoc());
      else if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl());
               Escape && FD && FD->getType()->isArrayType())
        escapeElements(FD, ME->getExprLoc()); // `char *as[8]` handed on
      return expr(ME->getBase(), false);
    }
    if (const auto *B = dyn_cast<BinaryOperator>(E)) {
      if (B->getOpcode() == BO_Assign) {
        std::string Key;
        if (FieldSlot F = tracked(B->getLHS(), Key); F.getPointer()) {
          memberFill(B->getLHS(), B->getRHS(), B->getOperatorLoc());
          store(F, Key, B->getRHS(), B->getOperatorLoc(), baseOf(B->getLHS()),
                B->getLHS());
          objectOf(B->getLHS());
          llvm::SaveAndRestore<bool> Store(Storing, true);
          return expr(B->getRHS(), true);
        }
        if (const VarDecl *V = localOf(B->getLHS()))
          return setLocal(V, B->getRHS());
        expr(B->getLHS(), false);
        llvm::SaveAndRestore<bool> Store(Storing, true);
        return expr(B->getRHS(), true);
      }
      if (B->isComparisonOp() || B->isLogicalOp() || B->isMultiplicativeOp() ||
          B->isShiftOp() || B->isBitwiseOp()) {
        expr(B->getLHS(), false);
        return expr(B->getRHS(), false);
      }
      if (B->getOpcode() == BO_Comma) {
        expr(B->getLHS(), false);
        return expr(B->getRHS(), Escape);
      }
      if (B->isCompoundAssignmentOp()) {
        expr(B->getLHS(), false);
        return expr(B->getRHS(), true);
      }
      expr(B->getLHS(), Escape); // pointer arithmetic
      return expr(B->getRHS(), Escape);
    }
    if (const auto *U = dyn_cast<UnaryOperator>(E)) {
      if (U->getOpcode() == UO_AddrOf)
        memberAddress(U->getSubExpr());
      return expr(U->getSubExpr(), U->getOpcode() == UO_AddrOf && Escape);
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      std::string Key;
      if (FieldSlot F = tracked(AS, Key); F.getPointer()) {
        if (Escape)
          escape(F, Key, AS->getExprLoc());
        return objectOf(AS);
      }
      // `v[i]` of a local loaded from a field's array (`char **v =
      // x->filter;`): an element of that array.
      if (const VarDecl *V = localOf(AS->getBase()); V && Escape) {
        auto It = Loaded.find(V);
        if (It != Loaded.end())
          for (const Touch &T : It->second)
            if (!T.F.getInt())
              escapeElements(T.F.getPointer(), AS->getExprLoc());
      }
      expr(AS->getBase(), false);
      return expr(AS->getIdx(), false);
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      expr(CO->getCond(), false);
      expr(CO->getTrueExpr(), Escape);
      return expr(CO->getFalseExpr(), Escape);
    }
    if (const auto *C = dyn_cast<CallExpr>(E))
      return call(C);
    if (const auto *SE = dyn_cast<StmtExpr>(E))
      return stmt(SE->getSubStmt());
    for (const Stmt *Child : E->children())
      if (const auto *CE = dyn_cast_or_null<Expr>(Child))
        expr(CE, true);
      else
        stmt(Child);
  }

private:
  ASTContext &Ctx;
  const SourceManager &SM;
  CalleeResolver &Resolver;
  FieldLedger &L;
  llvm::StringSet<> Seen;
  llvm::DenseSet<FieldSlot> Escaped; ///< with an "escape" fact
  llvm::StringSet<> MemberEscaped;   ///< members with an "escape" fact
  llvm::StringSet<> MemberFilled;    ///< members (and via) with an "alloc" fact
  /// In the function being read: the fields each local was loaded from,
  /// the locals whose value goes somewhere, the call each was last set from.
  llvm::DenseMap<const VarDecl *, std::vector<Touch>> Loaded;
  llvm::DenseSet<const VarDecl *> LocalEscapes;
  llvm::DenseMap<const VarDecl *, const CallExpr *> Fresh;
  /// How many places each local's value goes to (stores, returns, calls
  /// that may keep it), and the field stores of locals set from a call.
  /// (per value: Gen counts the local's assignments)
  std::map<std::pair<const VarDecl *, unsigned>, unsigned> Sinks;
  llvm::DenseMap<const VarDecl *, unsigned> Gen;
  bool Storing = false; ///< reading what an assignment or return stores
  struct FreshStore {
    FieldSlot F;
    std::string Key;
    const VarDecl *Local;
    unsigned Gen;
    const CallExpr *Call;
    SourceLocation Loc;
  };
  std::vector<FreshStore> FreshStores;
};

void FieldLedger::compute(ASTContext &Ctx, CalleeResolver &Resolver) {
  if (Computed)
    return;
  Computed = true;
  LedgerScan S(Ctx, Resolver, *this);
  for (const CodeDecl &C : unitCode(Ctx)) {
    if (isa<FunctionDecl>(C.D)) {
      S.stmt(C.Code);
      S.endFunction();
    } else
      S.expr(dyn_cast<Expr>(C.Code), true); // a global's initialiser
  }
}

const FieldStore *FieldLedger::allocation(const FieldDecl *F,
                                          bool Elements) const {
  auto It = Allocated.find(FieldSlot(F->getCanonicalDecl(), Elements));
  return It == Allocated.end() ? nullptr : &It->second;
}

const FieldStore *FieldLedger::memberFill(const FieldDecl *M) const {
  auto It = MemberFills.find(M->getCanonicalDecl());
  return It == MemberFills.end() ? nullptr : &It->second;
}

bool FieldLedger::memberEscapes(const FieldDecl *M) const {
  return MemberEscaping.count(M->getCanonicalDecl());
}

bool FieldLedger::escapes(const FieldDecl *F, bool Elements) const {
  return Escaping.count(FieldSlot(F->getCanonicalDecl(), Elements));
}

std::vector<std::string>
unreleasedFields(ArrayRef<std::string> Facts,
                 llvm::function_ref<const FunctionRule *(StringRef)> Lookup) {
  std::map<std::string, std::string> Allocated; // key -> "origin via"
  std::set<std::string> Escaped;
  for (StringRef Fact : Facts) {
    llvm::SmallVector<StringRef, 5> W;
    Fact.split(W, ' ', -1, false);
    if (W.size() < 2)
      continue;
    std::string Key = W[1].str();
    // A store that waited for another unit's function: new memory when the
    // function turned out to allocate, any value (a mixed field) otherwise.
    auto Settle = [&](bool Allocates) {
      if (Allocates)
        Allocated.try_emplace(Key, (W[2] + " " + W[3]).str());
      else
        Escaped.insert(Key);
    };
    if (W[0] == "escape") {
      Escaped.insert(Key);
    } else if (W[0] == "alloc" && W.size() == 4) {
      Allocated.try_emplace(Key, (W[2] + " " + W[3]).str());
    } else if (W[0] == "alloc-via" && W.size() == 4) {
      const FunctionRule *R = Lookup(W[3]);
      Settle(R && R->AllocatesReturn);
    } else if (W[0] == "out-via" && W.size() == 5) {
      unsigned I = 0;
      const FunctionRule *R = Lookup(W[3]);
      Settle(!W[4].getAsInteger(10, I) && R && R->AllocatesArg == I);
    } else if (W[0] == "escape-unless" && W.size() == 4) {
      unsigned I = 0;
      const FunctionRule *R = Lookup(W[2]);
      if (W[3].getAsInteger(10, I) || !R || R->Pending ||
          ruleUse(*R, I) != ArgUse::Harmless)
        Escaped.insert(Key);
    }
  }
  std::vector<std::string> Out;
  for (const auto &[Key, Where] : Allocated)
    if (!Escaped.count(Key))
      Out.push_back(Key + " " + Where);
  return Out;
}

} // namespace clang::tidy::alloc
