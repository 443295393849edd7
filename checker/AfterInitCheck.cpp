//===--- AfterInitCheck.cpp - alloc-after-init ----------------------------===//

#include "AfterInitCheck.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include <deque>

using namespace clang::ast_matchers;

namespace clang::tidy::alloc {

namespace {

/// One function body's calls, function references and allocations.
class Body : public RecursiveASTVisitor<Body> {
public:
  Body(ASTContext &Ctx, CalleeResolver &R) : Ctx(Ctx), Resolver(R) {}
  bool VisitCallExpr(CallExpr *C) {
    if (const FunctionDecl *Callee = C->getDirectCallee()) {
      Callees.insert(Callee->getCanonicalDecl());
      CalleeRefs.insert(calleeName(C));
    }
    // Declared allocators only: a function that allocates through one is
    // on the call chain already.
    if (Resolver.allocation(C, Ctx, /*Inferred=*/false))
      Allocations.push_back(C);
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *R) {
    if (const auto *FD = dyn_cast<FunctionDecl>(R->getDecl()))
      Refs.push_back({R, FD->getCanonicalDecl()});
    return true;
  }
  ASTContext &Ctx;
  CalleeResolver &Resolver;
  llvm::SetVector<const FunctionDecl *> Callees;
  llvm::DenseSet<const Expr *> CalleeRefs;
  std::vector<std::pair<const DeclRefExpr *, const FunctionDecl *>> Refs;
  std::vector<const CallExpr *> Allocations;
};

} // namespace

AfterInitCheck::AfterInitCheck(StringRef Name, ClangTidyContext *Context)
    : AllocCheckBase(Name, Context),
      InitFunctions(Options.get("InitFunctions", "")), InitRe(InitFunctions) {
  std::string Error;
  if (!InitFunctions.empty() && !InitRe.isValid(Error))
    configurationDiag("invalid regular expression '%0' for option "
                      "'%1.InitFunctions': %2",
                      DiagnosticIDs::Error)
        << InitFunctions << Name << Error;
}

void AfterInitCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  AllocCheckBase::storeOptions(Opts);
  Options.store(Opts, "InitFunctions", InitFunctions);
}

void AfterInitCheck::registerMatchers(MatchFinder *Finder) {
  std::string Error;
  if (InitFunctions.empty() || !InitRe.isValid(Error))
    return; // opt-in: off unless InitFunctions names the init functions
  // Every function definition: the nodes of the unit's call graph.
  Finder->addMatcher(
      functionDecl(isDefinition(), hasBody(compoundStmt())).bind("fn"), this);
}

void AfterInitCheck::check(const MatchFinder::MatchResult &Result) {
  if (const auto *FD = Result.Nodes.getNodeAs<FunctionDecl>("fn")) {
    Ctx = Result.Context;
    Definitions.push_back(FD);
  }
}

void AfterInitCheck::onEndOfTranslationUnit() {
  if (!Ctx)
    return;
  const SourceManager &SM = Ctx->getSourceManager();
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<Body>> Bodies;
  llvm::DenseMap<const FunctionDecl *, llvm::SetVector<const FunctionDecl *>>
      Callers;
  llvm::DenseSet<const FunctionDecl *> AddressTaken;
  for (const FunctionDecl *FD : Definitions) {
    auto B = std::make_unique<Body>(*Ctx, resolver());
    B->TraverseStmt(FD->getBody());
    for (const FunctionDecl *Callee : B->Callees)
      Callers[Callee].insert(FD->getCanonicalDecl());
    for (const auto &[Ref, F] : B->Refs)
      if (!B->CalleeRefs.contains(Ref))
        AddressTaken.insert(F); // a callback: callers unknown
    Bodies[FD->getCanonicalDecl()] = std::move(B);
  }
  auto IsInit = [&](const FunctionDecl *F) {
    return F->getIdentifier() && InitRe.match(F->getName());
  };
  // Init-only: an init function, or a static function called only from
  // init-only functions (never through a pointer).
  llvm::DenseSet<const FunctionDecl *> InitOnly;
  for (const auto &[F, B] : Bodies)
    if (IsInit(F))
      InitOnly.insert(F);
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (const auto &[F, B] : Bodies) {
      if (InitOnly.contains(F) || F->isExternallyVisible() ||
          AddressTaken.contains(F))
        continue;
      auto It = Callers.find(F);
      if (It == Callers.end() || It->second.empty())
        continue;
      if (llvm::all_of(It->second, [&](const FunctionDecl *C) {
            return InitOnly.contains(C);
          })) {
        InitOnly.insert(F);
        Changed = true;
      }
    }
  }
  // An entry: reachable from outside the unit or through a pointer, or
  // called by nothing here.
  auto IsEntry = [&](const FunctionDecl *F) {
    auto It = Callers.find(F);
    return F->isExternallyVisible() || AddressTaken.contains(F) ||
           It == Callers.end() || It->second.empty();
  };
  for (const FunctionDecl *Def : Definitions) {
    const FunctionDecl *F = Def->getCanonicalDecl();
    if (InitOnly.contains(F) ||
        SM.isInSystemHeader(SM.getFileLoc(Def->getLocation())))
      continue;
    const Body &B = *Bodies[F];
    if (B.Allocations.empty())
      continue;
    // The chain from a non-init entry down to F, through non-init callers.
    std::vector<const FunctionDecl *> Chain{F};
    llvm::DenseMap<const FunctionDecl *, const FunctionDecl *> Next;
    std::deque<const FunctionDecl *> Work{F};
    llvm::DenseSet<const FunctionDecl *> Seen{F};
    const FunctionDecl *Entry = IsEntry(F) ? F : nullptr;
    while (!Entry && !Work.empty()) {
      const FunctionDecl *G = Work.front();
      Work.pop_front();
      for (const FunctionDecl *C : Callers[G]) {
        if (InitOnly.contains(C) || !Seen.insert(C).second)
          continue;
        Next[C] = G;
        if (IsEntry(C)) {
          Entry = C;
          break;
        }
        Work.push_back(C);
      }
    }
    std::string Path;
    if (Entry)
      for (const FunctionDecl *G = Entry; G; G = G == F ? nullptr : Next[G])
        Path += (Path.empty() ? "'" : " -> '") + G->getName().str() + "'";
    for (const CallExpr *Call : B.Allocations) {
      const FunctionRule *R = resolver().allocation(Call, *Ctx, false);
      diag(SM.getFileLoc(Call->getBeginLoc()),
           "'%0' allocates after initialisation: %1 can run outside the init "
           "functions (InitFunctions: '%2'); allocate it during start-up, or "
           "take the memory from a pool set up there")
          << R->Name << (Path.empty() ? "'" + F->getName().str() + "'" : Path)
          << InitFunctions;
    }
  }
  Definitions.clear();
  Ctx = nullptr;
}

} // namespace clang::tidy::alloc
