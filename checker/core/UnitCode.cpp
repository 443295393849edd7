//===--- UnitCode.cpp - the declarations of a unit that hold code ---------===//

#include "UnitCode.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include <optional>

namespace clang::tidy::alloc {

namespace {

struct Listed {
  const ASTContext *Ctx = nullptr;
  std::vector<CodeDecl> Code;
  std::optional<UnitStmts> Stmts;
};

thread_local Listed Current;

/// The context \p P ends: its list goes with it (a later unit's context may
/// take its address).
void forget(void *P) {
  if (Current.Ctx == P)
    Current = Listed();
}

} // namespace

const std::vector<CodeDecl> &unitCode(ASTContext &Ctx) {
  if (Current.Ctx == &Ctx)
    return Current.Code;
  Current = Listed();
  Current.Ctx = &Ctx;
  Ctx.AddDeallocation(forget, &Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  // Declarations come file by file: the last file's range and verdict
  // answer most of them without asking the source manager, and a system
  // header's declaration is passed over without reading past its header.
  // A name a macro made is placed (a slow walk of the expansions) only for
  // a declaration that holds code.
  bool HaveLast = false, LastSystem = false;
  SourceLocation::UIntTy LastBegin = 0, LastEnd = 0;
  auto InSystemFile = [&](SourceLocation Loc) {
    SourceLocation::UIntTy Raw = Loc.getRawEncoding();
    if (HaveLast && Raw >= LastBegin && Raw < LastEnd)
      return LastSystem;
    FileID File = SM.getFileID(Loc);
    HaveLast = true;
    LastBegin = SM.getLocForStartOfFile(File).getRawEncoding();
    LastEnd = LastBegin + SM.getFileIDSize(File);
    LastSystem = SM.isInSystemHeader(Loc);
    return LastSystem;
  };
  forEachUnitDecl(Ctx, [&](const Decl *D) {
    SourceLocation Loc = D->getLocation();
    if (Loc.isValid() && Loc.isFileID() && InSystemFile(Loc))
      return;
    const Stmt *Code = nullptr;
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->doesThisDeclarationHaveABody())
        Code = FD->getBody();
    } else if (const auto *VD = dyn_cast<VarDecl>(D)) {
      if (VD->hasInit())
        Code = VD->getInit();
    }
    if (Code && (Loc.isFileID() || !SM.isInSystemHeader(SM.getFileLoc(Loc))))
      Current.Code.push_back({D, Code});
  });
  return Current.Code;
}

const UnitStmts &unitStmts(ASTContext &Ctx) {
  const std::vector<CodeDecl> &Code = unitCode(Ctx);
  if (Current.Stmts)
    return *Current.Stmts;
  UnitStmts &U = Current.Stmts.emplace();
  for (const CodeDecl &CD : Code) {
    U.Index.try_emplace(CD.D, U.Begin.size());
    U.Begin.push_back(U.Nodes.size());
    forEachStmtIn(CD.Code, [&](const Stmt *S) {
      if (isa<CallExpr, DeclStmt>(S))
        U.Nodes.push_back(S);
      else if (const auto *B = dyn_cast<BinaryOperator>(S);
               B && B->getOpcode() == BO_Assign)
        U.Nodes.push_back(S);
      else if (const auto *R = dyn_cast<DeclRefExpr>(S);
               R && isa<FunctionDecl>(R->getDecl()))
        U.Nodes.push_back(S);
    });
  }
  U.Begin.push_back(U.Nodes.size());
  return U;
}

} // namespace clang::tidy::alloc
