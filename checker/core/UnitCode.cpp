//===--- UnitCode.cpp - the declarations of a unit that hold code ---------===//

#include "UnitCode.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::alloc {

namespace {

struct Listed {
  const ASTContext *Ctx = nullptr;
  std::vector<CodeDecl> Code;
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
  forEachUnitDecl(Ctx, [&](const Decl *D) {
    const Stmt *Code = nullptr;
    if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
      if (FD->doesThisDeclarationHaveABody())
        Code = FD->getBody();
    } else if (const auto *VD = dyn_cast<VarDecl>(D)) {
      if (VD->hasInit())
        Code = VD->getInit();
    }
    if (Code)
      Current.Code.push_back(
          {D, Code, SM.isInSystemHeader(SM.getFileLoc(D->getLocation()))});
  });
  return Current.Code;
}

} // namespace clang::tidy::alloc
