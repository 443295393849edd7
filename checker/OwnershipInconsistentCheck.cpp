//===--- OwnershipInconsistentCheck.cpp - alloc-ownership-inconsistent ----===//

#include "OwnershipInconsistentCheck.h"
#include "Compat.h"
#include "core/CallerConvention.h"
#include "core/UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/Preprocessor.h"
#include <map>

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

namespace {

/// Whether the caller keeps its argument: copies and borrows agree on that,
/// which is what callers must know; takes does not.
bool takes(ArgContract C) { return C == ArgContract::Takes; }

/// A value parameter: neither the object (the first) nor an out-parameter
/// (`T **out` assigned through), which hands memory back to the caller.
bool isValue(const ParamContract &P) { return P.Index != 0 && !P.OutParam; }

/// A destroy function (`x_free(ctx, obj)`): every value parameter it keeps
/// is freed.  Releasing is what callers call it for, not a convention its
/// setters could share; comparing it with them reports every family that
/// has a destructor.
bool destroys(const FunctionContract &C) {
  bool Any = false;
  for (const ParamContract &P : C.Params) {
    if (!isValue(P))
      continue;
    if (P.Contract != ArgContract::Takes || !P.Frees || P.Explicit)
      return false;
    Any = true;
  }
  return Any;
}

/// The contract of a member's value parameters, when they agree.
std::optional<ArgContract> convention(const FunctionContract &C) {
  std::optional<ArgContract> Conv;
  for (const ParamContract &P : C.Params) {
    if (!isValue(P))
      continue;
    if (Conv && takes(*Conv) != takes(P.Contract))
      return std::nullopt;
    if (!Conv || takes(P.Contract) || P.Contract == ArgContract::Copies)
      Conv = P.Contract;
  }
  return Conv;
}

bool isExplicit(const FunctionContract &C) {
  for (const ParamContract &P : C.Params)
    if (isValue(P) && P.Explicit)
      return true;
  return false;
}

/// "takes ownership of", "copies", "only borrows"
StringRef verb(ArgContract C) {
  switch (C) {
  case ArgContract::Takes:
    return "takes ownership of";
  case ArgContract::Copies:
    return "copies";
  default:
    return "only borrows";
  }
}

StringRef plural(ArgContract C) {
  return takes(C) ? "take ownership of their argument"
                  : "leave it with the caller (they copy or borrow it)";
}

} // namespace

void OwnershipInconsistentCheck::registerPPCallbacks(
    const SourceManager &SourceMgr, Preprocessor *PP, Preprocessor *) {
  SM = &SourceMgr;
  Index = sharedJustifications(*PP);
}

void OwnershipInconsistentCheck::registerMatchers(MatchFinder *Finder) {
  // Definitions in the user's code; check() keeps those shaped like an API
  // family member (familyKey: a name prefix and an object pointer first).
  matchUserFunctions(Finder);
}

/// True if \p FD's body stores \p P anywhere (`x->f = p`): a store into a
/// field the unit sees no release of is a borrow to the summaries, but the
/// declaration may know who frees that field.
static bool storedSomewhere(const FunctionDecl *FD, const ParmVarDecl *P) {
  struct Finder : RecursiveASTVisitor<Finder> {
    const ParmVarDecl *P;
    bool Found = false;
    bool VisitBinaryOperator(BinaryOperator *B) {
      if (B->isAssignmentOp())
        if (const auto *D =
                dyn_cast<DeclRefExpr>(B->getRHS()->IgnoreParenCasts()))
          Found |= D->getDecl() == P;
      return !Found;
    }
  } F;
  F.P = P;
  F.TraverseStmt(FD->getBody());
  return F.Found;
}

/// Contracts are checked, not trusted: a declared contract (rules file or
/// attribute) that the function's own body contradicts on every path.
void OwnershipInconsistentCheck::checkDeclared(const FunctionDecl *FD,
                                               ASTContext &Ctx) {
  const SourceManager &SrcMgr = Ctx.getSourceManager();
  const FunctionRule *Declared = resolver().declaredRule(FD, SrcMgr);
  if (!Declared || Declared->Inferred)
    return;
  unit().summaries().ensure(Ctx);
  const FunctionRule *Body = unit().summaries().lookup(FD);
  if (!Body)
    return;
  for (unsigned I = 0; I < FD->getNumParams(); ++I) {
    const ParmVarDecl *P = FD->getParamDecl(I);
    if (!P->getIdentifier() || !P->getType()->isPointerType())
      continue;
    ArgContract D = Declared->argContract(I), B = Body->argContract(I);
    bool DeclReleases = Declared->FreeArg == I || D == ArgContract::Takes ||
                        D == ArgContract::Holds;
    bool DeclKeepsNot = D == ArgContract::Borrows || D == ArgContract::Copies;
    bool BodyFrees = Body->FreeArg == I;
    bool BodyKeepsNot = !BodyFrees && (B == ArgContract::Borrows ||
                                       B == ArgContract::Copies);
    if (DeclReleases && BodyKeepsNot && !storedSomewhere(FD, P))
      diag(P->getLocation(),
           "'%0' is declared to %select{free|take|hold}1 '%2' (%3), but its "
           "body never frees or keeps it: the caller leaks it; fix the "
           "declaration or the body")
          << FD->getName()
          << (Declared->FreeArg == I ? 0 : D == ArgContract::Holds ? 2 : 1)
          << P->getName() << Declared->Origin;
    else if (DeclKeepsNot && BodyFrees)
      diag(P->getLocation(),
           "'%0' is declared to %select{borrow|copy}1 '%2' (%3), but its "
           "body frees it on every path: callers will free it again; fix "
           "the declaration or the body")
          << FD->getName() << (D == ArgContract::Copies) << P->getName()
          << Declared->Origin;
  }
}

void OwnershipInconsistentCheck::onStartOfTranslationUnit() {
  AllocCheckBase::onStartOfTranslationUnit();
  Overwrites = FieldOverwrites();
  Ledger = FieldLedger();
  Teardowns.reset();
  Kept.reset();
  Destroys.reset();
}

void OwnershipInconsistentCheck::checkDestroy(const FunctionDecl *FD,
                                              ASTContext &Ctx) {
  if (!Kept) {
    unit().summaries().ensure(Ctx);
    Kept = destroysKeepingObject(Ctx, resolver());
  }
  for (const KeptObject &K : *Kept) {
    if (K.Destroy != FD)
      continue;
    diag(K.Object->getLocation(),
         "'%0' releases what the fields of '%1' own but never '%1' itself, "
         "and '%2' drops '%3' right after calling it: every object released "
         "this way leaks; free '%1' at the end of '%0'")
        << FD->getName() << K.Object->getName() << K.Caller->getName()
        << K.Local->getName();
    diag(K.Drop->getBeginLoc(),
         "'%0' hands its new '%1' to '%2' and then drops it",
         DiagnosticIDs::Note)
        << K.Caller->getName() << K.Local->getName() << FD->getName();
  }
}

const DestroyFunctions &
OwnershipInconsistentCheck::destroyFunctionsOf(ASTContext &Ctx) {
  if (!Destroys) {
    unit().summaries().ensure(Ctx);
    Destroys = destroyFunctions(Ctx, resolver());
  }
  return *Destroys;
}

void OwnershipInconsistentCheck::checkPlainFrees(const FunctionDecl *FD,
                                                 ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  for (const PlainFree &P :
       plainFreesOfDestroyed(FD, destroyFunctionsOf(Ctx), Ctx, resolver())) {
    const FunctionRule *R = resolver().ruleFor(P.Destroy, SM);
    std::string Fields = R ? llvm::join(R->FreedFields, ", ") : "";
    const FunctionRule *Free = resolver().ruleForCall(P.Free, SM);
    diag(P.Free->getBeginLoc(),
         "'%0' is released with '%1', which leaks what its fields own: "
         "'%2' is the destroy function of its struct; release it with '%2'")
        << spellPlace(P.Object)
        << (Free && !Free->Name.empty() ? StringRef(Free->Name)
                                        : StringRef("a deallocator"))
        << P.Destroy->getName();
    diag(P.Destroy->getLocation(),
         "'%0' releases the object and what its fields own%select{|: %2}1",
         DiagnosticIDs::Note)
        << P.Destroy->getName() << !Fields.empty() << Fields;
  }
}

void OwnershipInconsistentCheck::checkOverwrites(const FunctionDecl *FD,
                                                 ASTContext &Ctx) {
  unit().summaries().ensure(Ctx);
  Overwrites.compute(Ctx, resolver(), destroyFunctionsOf(Ctx));
  for (const BlindOverwrite &O :
       Overwrites.in(FD, Ctx, resolver(), &unit().summaries().owningFields())) {
    std::string Place = spellPlace(O.Target);
    if (Place.empty())
      Place = O.Target->getMemberDecl()->getName().str();
    if (O.SetterOverwrite) {
      diag(O.Store->getOperatorLoc(),
           "'%0' may still own memory: '%1' is a setter, and a second call "
           "overwrites the block the first one stored; free it first, or "
           "test that it is NULL")
          << Place << FD->getName();
      if (O.Destroy)
        diag(O.Destroy->getLocation(), "'%0' frees '%1' with the object",
             DiagnosticIDs::Note)
            << O.Destroy->getName() << O.Target->getMemberDecl()->getName();
      else
        diag(O.Target->getMemberLoc(),
             "'%0' owns what it holds: the code frees it elsewhere",
             DiagnosticIDs::Note)
            << O.Target->getMemberDecl()->getName();
      continue;
    }
    diag(O.Store->getOperatorLoc(),
         "'%0' may still own memory: this store of a new allocation "
         "overwrites it, but '%1' releases the old value before it stores "
         "one; free it first, or test that it is NULL")
        << Place << O.Evidence->In->getName();
    diag(O.Evidence->Release,
         "'%0' releases '%1' before storing a new value", DiagnosticIDs::Note)
        << O.Evidence->In->getName() << O.Target->getMemberDecl()->getName();
  }
}

namespace {

/// The struct a released value is a field of (`x->f`), or null; null too
/// for a field of a struct variable (`re.topic` of a parser's `rule re;`,
/// redis's global `server.repl_backlog`): a destroy function tears down an
/// object it is handed or reaches, not a variable's.
const RecordDecl *recordOfField(const Expr *E) {
  const auto *ME = dyn_cast<MemberExpr>(E->IgnoreParenCasts());
  if (ME && !ME->isArrow())
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(ME->getBase()->IgnoreParenImpCasts()))
      if (const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
          V && !isa<ParmVarDecl>(V))
        return nullptr;
  const auto *F = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
  return F && F->getType()->isPointerType()
             ? cast<RecordDecl>(F->getParent()->getCanonicalDecl())
             : nullptr;
}

} // namespace

const FunctionDecl *
OwnershipInconsistentCheck::otherTeardown(const RecordDecl *RD,
                                          const FunctionDecl *FD) const {
  if (!Teardowns)
    return nullptr;
  auto It = Teardowns->find(cast<RecordDecl>(RD->getCanonicalDecl()));
  return It == Teardowns->end() || It->second == FD ? nullptr : It->second;
}

/// True if \p F points to a struct whose destroy function (a teardown of
/// the unit other than \p FD) the project exports from a header and never
/// calls in the unit: the library hands such objects to its users, who
/// release them through it (NanoNNG `rule_free` leaves `rule.repub` and
/// `rule.mysql` to nanomq's `rule_repub_free` and `rule_mysql_free`, and
/// nanomq moves them to a new rule before `rule_free` on update).
bool OwnershipInconsistentCheck::leftToUsers(const FieldDecl *F,
                                             const FunctionDecl *FD,
                                             ASTContext &Ctx) {
  const RecordDecl *Pointee =
      F->getType()->isPointerType()
          ? F->getType()->getPointeeType()->getAsRecordDecl()
          : nullptr;
  const FunctionDecl *D = Pointee ? otherTeardown(Pointee, FD) : nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  return D && D->isExternallyVisible() &&
         !SM.isInMainFile(
             SM.getFileLoc(D->getCanonicalDecl()->getLocation())) &&
         callsOf(D, Ctx).empty() && !addressTaken(D, Ctx);
}

void OwnershipInconsistentCheck::checkForgottenFields(const FunctionDecl *FD,
                                                      ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (!Teardowns) {
    unit().summaries().ensure(Ctx);
    Teardowns.emplace();
    // Per struct, the function releasing the most of its fields, and the
    // object itself (a point more), of those releasing two or more (the
    // first of equals) and storing new memory into none.
    llvm::DenseMap<const RecordDecl *, unsigned> Best;
    for (const FunctionDecl *Def : unit().definitions(Ctx)) {
      llvm::DenseMap<const RecordDecl *,
                     llvm::SmallPtrSet<const FieldDecl *, 8>>
          Released;
      llvm::DenseSet<const RecordDecl *> Object;
      llvm::DenseSet<const FieldDecl *> Stored;
      auto Listed = unitStmts(Ctx).of(Def);
      if (!Listed)
        continue;
      // The function's calls and assignments, listed once for the unit.
      for (const Stmt *S : *Listed) {
        if (const auto *B = dyn_cast<BinaryOperator>(S)) {
          if (B->getOpcode() == BO_Assign &&
              !isNullOrZero(B->getRHS()->IgnoreParenCasts(), Ctx))
            if (const auto *ME =
                    dyn_cast<MemberExpr>(B->getLHS()->IgnoreParenCasts()))
              if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
                Stored.insert(F->getCanonicalDecl());
          continue;
        }
        const auto *C = dyn_cast<CallExpr>(S);
        const FunctionRule *R = C ? resolver().ruleForCall(C, SM) : nullptr;
        if (!R)
          continue;
        for (unsigned I = 0; I < C->getNumArgs(); ++I) {
          if (R->FreeArg != I && !R->releases(I))
            continue;
          const Expr *A = C->getArg(I)->IgnoreParenCasts();
          if (const RecordDecl *RD = recordOfField(A)) {
            Released[RD].insert(cast<FieldDecl>(
                cast<MemberExpr>(A)->getMemberDecl()->getCanonicalDecl()));
          } else if (A->getType()->isPointerType()) {
            if (const auto *RT =
                    A->getType()->getPointeeType()->getAs<RecordType>())
              Object.insert(
                  cast<RecordDecl>(RT->getDecl()->getCanonicalDecl()));
          }
        }
      }
      for (auto &[RD, Fields] : Released) {
        // One that fills fields of the struct too (a parser, a reset)
        // is no destroy function.
        if (llvm::any_of(Stored, [RD = RD](const FieldDecl *F) {
              return F->getParent()->getCanonicalDecl() == RD;
            }))
          continue;
        unsigned N = Object.count(RD) + Fields.size();
        unsigned &B = Best[RD];
        if (N >= 2 && N > B) {
          B = N;
          (*Teardowns)[RD] = Def;
        }
      }
    }
  }
  llvm::SmallVector<const RecordDecl *, 2> Mine;
  for (const auto &[RD, Def] : *Teardowns)
    if (Def == FD)
      Mine.push_back(RD);
  if (Mine.empty())
    return;
  Ledger.compute(Ctx, resolver());
  // The fields the function names, and those whose elements it reaches
  // (`r->filter[i]`).
  llvm::DenseSet<const FieldDecl *> Named, Indexed;
  forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
    if (const auto *ME = dyn_cast<MemberExpr>(S))
      if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
        Named.insert(F->getCanonicalDecl());
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(S))
      if (const auto *ME =
              dyn_cast<MemberExpr>(AS->getBase()->IgnoreParenCasts()))
        if (const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl()))
          Indexed.insert(F->getCanonicalDecl());
  });
  const AllocationModel *External = resolver().external();
  llvm::sort(Mine, [&](const RecordDecl *A, const RecordDecl *B) {
    return SM.isBeforeInTranslationUnit(A->getLocation(), B->getLocation());
  });
  for (const RecordDecl *RD : Mine) {
    const RecordDecl *Def = RD->getDefinition();
    if (!Def)
      continue;
    // A library's struct (a system header's): its own code frees it.
    if (SM.isInSystemHeader(SM.getFileLoc(Def->getLocation())))
      continue;
    // A struct of this file: no other unit sees its fields.
    bool Private = SM.isInMainFile(SM.getFileLoc(Def->getLocation()));
    // A field (its elements, with Elements) that the project stores new
    // memory into and never lets go: where, or "".
    auto Unreleased = [&](const FieldDecl *F, bool Elements,
                          const FieldStore *&Here) -> std::string {
      Here = nullptr;
      std::string Key = Elements ? elementKey(F) : fieldKey(F);
      if (Key.empty() || Ledger.escapes(F, Elements))
        return "";
      Here = Ledger.allocation(F, Elements);
      if (Private)
        return Here ? Here->Origin + " (" + Here->Via + ")" : "";
      const std::string *Ext = External && External->hasFieldFacts()
                                   ? External->unreleasedField(Key)
                                   : nullptr;
      if (!Ext)
        return "";
      auto [Origin, Via] = StringRef(*Ext).split(' ');
      return (Origin + " (" + Via + ")").str();
    };
    StringRef Record = recordName(Def);
    if (Record.empty())
      continue;
    for (const FieldDecl *F : Def->fields()) {
      const FieldStore *Here = nullptr;
      if (nestedTeardown(FD, F, Named, Private))
        continue;
      if (leftToUsers(F, FD, Ctx))
        continue;
      if (!Named.count(F->getCanonicalDecl())) {
        std::string Where = Unreleased(F, false, Here);
        if (!Where.empty()) {
          diag(FD->getLocation(),
               "'%0' releases the fields of '%1' but not '%2', which holds "
               "memory allocated at %3 that no code frees; free it here")
              << FD->getName() << Record << F->getName() << Where;
          if (Here)
            diag(Here->Loc, "'%0' is allocated here", DiagnosticIDs::Note)
                << F->getName();
          continue;
        }
      }
      // The array released, or not named, and its elements never reached
      // (NanoNNG rule_free before 713e80829 freed `r->filter`, never the
      // strings `r->filter[i]` the rule parser stores into it).
      if (Indexed.count(F->getCanonicalDecl()))
        continue;
      std::string Where = Unreleased(F, true, Here);
      if (Where.empty())
        continue;
      diag(FD->getLocation(),
           "'%0' releases the fields of '%1' but not the elements of '%2', "
           "which hold memory allocated at %3 that no code frees; free each "
           "element before the array")
          << FD->getName() << Record << F->getName() << Where;
      if (Here)
        diag(Here->Loc, "an element of '%0' is allocated here",
             DiagnosticIDs::Note)
            << F->getName();
    }
  }
}

bool OwnershipInconsistentCheck::nestedTeardown(
    const FunctionDecl *FD, const FieldDecl *F,
    const llvm::DenseSet<const FieldDecl *> &Named, bool Private) {
  // A struct held by value whose own destroy function the unit defines
  // (NanoNNG conf_fini before 30d577cc4 never called
  // conf_http_server_destroy(&conf->http_server), and nothing else did).
  const auto *RT = F->getType()->getAs<RecordType>();
  if (!RT || Named.count(F->getCanonicalDecl()))
    return false;
  const FunctionDecl *Teardown = otherTeardown(RT->getDecl(), FD);
  if (!Teardown)
    return false;
  // Memory the unit stores into this member's fields (`c->http.user =
  // strdup(..)`, or a local's value), and no `&x->member` handed to
  // anything but a function that only reads or fills it (a local alias
  // `conf_http_server *h = &c->http;` a destroy function gets lets it go).
  if (Ledger.memberEscapes(F))
    return false;
  const FieldStore *Filled = Ledger.memberFill(F);
  // A struct of a header: other units may fill or tear down the member;
  // the summaries file's linked facts say whether any does.
  if (!Private) {
    const AllocationModel *External = resolver().external();
    if (!External || !External->hasFieldFacts() ||
        !External->unreleasedField(memberKey(F)))
      return false;
  } else if (!Filled) {
    return false;
  }
  diag(FD->getLocation(),
       "'%0' releases the fields of '%1' but not those of its member '%2', "
       "which '%3' releases; call '%3' on it here")
      << FD->getName() << recordName(F->getParent()) << F->getName()
      << Teardown->getName();
  if (Filled)
    diag(Filled->Loc, "a field of '%0' is allocated here", DiagnosticIDs::Note)
        << F->getName();
  return true;
}

void OwnershipInconsistentCheck::checkDefinition(const FunctionDecl *Def,
                               const MatchFinder::MatchResult &Result) {
  const FunctionDecl *FD = Def;
  if (FD && FD->isThisDeclarationADefinition()) {
    checkDeclared(FD, *Result.Context);
    checkOverwrites(FD, *Result.Context);
    checkDestroy(FD, *Result.Context);
    checkPlainFrees(FD, *Result.Context);
    checkForgottenFields(FD, *Result.Context);
  }
  if (!FD || familyKey(FD).empty())
    return;
  // Functions a macro generates (`SPLAY_GENERATE(evdns_tree, ...)` makes
  // evdns_tree_SPLAY_INSERT and _REMOVE by pasting tokens): the family is
  // the macro's, written once elsewhere, not a convention the user chose
  // here, and there is no line of theirs to fix.
  if (FD->getLocation().isMacroID())
    return;
  // A function a rules file describes is a deliberate exception to its
  // family's convention, as an annotated one is (checkDeclared checks it
  // against its body instead).
  if (const FunctionRule *D =
          resolver().declaredRule(FD, *Result.SourceManager);
      D && !D->Inferred && !declaredByAttribute(*D))
    return;
  FunctionContract C =
      inferContract(FD, *Result.Context, resolver(), Index.get());
  // Storing is not owning (intrusive lists, back-pointers, views, the
  // current item of a walk): a store is no take when a summary of the body
  // found that the parameter only goes where nothing frees it (a field the
  // project never frees through, a local structure).  Summaries that could
  // not tell (a callee that may keep it) leave the store a take.
  if (const FunctionDecl *Def = FD->getDefinition()) {
    unit().summaries().ensure(*Result.Context);
    // The unit's own summary (which sees the fields other units free) and
    // the project's linked one (which settles what callees defined
    // elsewhere do with the parameter): a borrow in either, and a take in
    // neither, is a borrow.
    const FunctionRule *Own = unit().summaries().lookup(Def), *Linked = nullptr;
    if (const AllocationModel *Ext = resolver().external())
      if (const FunctionRule *L = Ext->lookup(Def->getName()); L && L->Inferred)
        Linked = L;
    auto Keeps = [](const FunctionRule *R, unsigned I) {
      return R && R->FreeArg != I &&
             (R->argContract(I) == ArgContract::Borrows ||
              R->argContract(I) == ArgContract::Copies);
    };
    auto Releases = [](const FunctionRule *R, unsigned I) {
      return R && (R->FreeArg == I || R->releases(I));
    };
    const OwningFields &Owning = unit().summaries().owningFields();
    for (ParamContract &P : C.Params) {
      if (P.Explicit || P.Contract != ArgContract::Takes || P.Frees ||
          Releases(Own, P.Index) || Releases(Linked, P.Index))
        continue;
      if (Keeps(Own, P.Index) || Keeps(Linked, P.Index)) {
        P.Contract = ArgContract::Borrows;
        P.How.clear();
        continue;
      }
      // Stored into a field, on some paths only or beside a callee that
      // may keep it (the summaries could not settle it): a field nothing
      // frees through is no owner (snmp_pbuf_stream_init's view of a pbuf);
      // one that some function no summary settled may free (a reference
      // count, a hook) leaves the contract unknown, and the member out of
      // the family's vote.
      // An element of a field (`loop->watchers[fd] = w`) is owned only
      // where something frees the field's elements; freeing the array
      // itself says nothing of them: unknown, the member leaves the vote.
      if (P.StoredElement && !Owning.ownsElements(P.StoredField))
        return;
      if (P.StoredField && !P.StoredElement && !Owning.owns(P.StoredField)) {
        if (Owning.maybeOwns(P.StoredField))
          return;
        P.Contract = ArgContract::Borrows;
        P.How.clear();
      }
    }
  }
  if (convention(C) && !destroys(C))
    Members.push_back(std::move(C));
}

void OwnershipInconsistentCheck::onEndOfTranslationUnit() {
  // Members compare the arguments of one type: a family's setter of an
  // object may take it where its setter of a string copies that (parson
  // json_array_replace_value and json_array_replace_string; jansson's
  // json_object_set_new and json_string), as callers expect of each type.
  std::map<std::string, std::vector<const FunctionContract *>> Families;
  for (const FunctionContract &C : Members) {
    std::string Key = familyKey(C.FD);
    for (const ParamContract &P : C.Params)
      if (isValue(P)) {
        QualType T = P.Param->getType();
        if (T->isPointerType())
          T = T->getPointeeType();
        Key += "\x1f" + T.getCanonicalType().getUnqualifiedType().getAsString();
        break;
      }
    Families[Key].push_back(&C);
  }
  for (const auto &[Key, List] : Families) {
    if (List.size() < 2)
      continue;
    // Declared contracts are deliberate exceptions: they are neither
    // reported nor counted towards the family's convention.
    // Two conventions matter to callers: the callee takes the argument, or
    // the caller keeps it (copies and borrows alike).
    std::map<bool, unsigned> Count;
    unsigned Inferred = 0;
    for (const FunctionContract *C : List)
      if (!isExplicit(*C)) {
        ++Count[takes(*convention(*C))];
        ++Inferred;
      }
    if (Count.size() < 2)
      continue;
    // The majority convention, if one has more than half the members.
    std::optional<ArgContract> Majority;
    for (const auto &[Takes, N] : Count)
      if (2 * N > Inferred)
        Majority = Takes ? ArgContract::Takes : ArgContract::Borrows;
    StringRef Prefix = familyPrefix(Key);
    for (const FunctionContract *C : List) {
      ArgContract Mine = *convention(*C);
      if ((Majority && takes(Mine) == takes(*Majority)) || isExplicit(*C))
        continue;
      const ParamContract *P = nullptr;
      for (const ParamContract &Q : C->Params)
        if (isValue(Q)) {
          P = &Q;
          break;
        }
      std::string Name = P->Param->getName().str();
      std::string Suggest =
          Mine == ArgContract::Takes
              ? "'/* alloc: takes(" + Name +
                    ") */' or '__attribute__((ownership_takes(malloc, " +
                    std::to_string(P->Index + 1) + ")))'"
              : "'/* alloc: " + spell(Mine).str() + "(" + Name + ") */'";
      if (Majority)
        diag(P->Param->getLocation(),
             "'%0' %1 '%2'%3, but the other functions of the '%4' family %5: "
             "callers will free or leak it by mistake; follow the family's "
             "convention, or declare this contract with %6")
            << C->FD->getName() << verb(Mine) << Name
            << (P->How.empty() ? "" : " (" + P->How + ")") << Prefix
            << plural(*Majority) << Suggest;
      else
        diag(P->Param->getLocation(),
             "'%0' %1 '%2'%3, and the '%4' family has no single convention "
             "for its arguments: callers will free or leak them by mistake; "
             "make the family agree, or declare this contract with %5")
            << C->FD->getName() << verb(Mine) << Name
            << (P->How.empty() ? "" : " (" + P->How + ")") << Prefix << Suggest;
      for (const FunctionContract *O : List) {
        if (O == C)
          continue;
        for (const ParamContract &Q : O->Params)
          if (isValue(Q)) {
            diag(Q.Param->getLocation(), "'%0' %1 '%2'", DiagnosticIDs::Note)
                << O->FD->getName() << verb(Q.Contract) << Q.Param->getName();
            break;
          }
      }
      // The comment that declares the contract, above the definition.
      SourceLocation Start = SM->getFileLoc(C->FD->getBeginLoc());
      std::string Line =
          "/* alloc: " + spell(Mine).str() + "(" + Name + ") */\n";
      diag(Start, "declare the contract to keep it", DiagnosticIDs::Note)
          << FixItHint::CreateInsertion(Start, Line);
    }
  }
  Members.clear();
}

} // namespace clang::tidy::alloc
