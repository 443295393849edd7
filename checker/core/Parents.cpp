//===--- Parents.cpp - parents of statements, one body at a time ----------===//

#include "Parents.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Stmt.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <vector>

namespace clang::tidy::alloc {

namespace {

/// A function body or a global variable's initialiser, and where its text
/// lies (file locations: a body a macro expands lies at the expansion).
struct Root {
  FileID File;
  unsigned Begin = 0, End = 0;
  const Stmt *Top = nullptr;
  const Decl *Owner = nullptr; ///< the FunctionDecl or VarDecl
};

/// The parents within one root.
struct BodyMap {
  llvm::DenseMap<const Stmt *, const Stmt *> Parent;
  llvm::DenseMap<const VarDecl *, const DeclStmt *> DeclOf;

  explicit BodyMap(const Stmt *Top) {
    std::vector<const Stmt *> Work{Top};
    while (!Work.empty()) {
      const Stmt *S = Work.back();
      Work.pop_back();
      if (const auto *DS = dyn_cast<DeclStmt>(S))
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D))
            DeclOf.try_emplace(VD, DS);
      for (const Stmt *C : S->children())
        if (C && Parent.try_emplace(C, S).second)
          Work.push_back(C);
    }
  }
};

struct UnitParents {
  const ASTContext *Ctx = nullptr;
  std::vector<Root> Roots; ///< by file, then offset
  std::vector<std::unique_ptr<BodyMap>> Maps;

  void index(ASTContext &C) {
    Ctx = &C;
    Roots.clear();
    Maps.clear();
    const SourceManager &SM = C.getSourceManager();
    auto Add = [&](const Stmt *Top, const Decl *Owner) {
      if (!Top)
        return;
      SourceLocation B = SM.getFileLoc(Top->getBeginLoc());
      SourceLocation E = SM.getFileLoc(Top->getEndLoc());
      if (B.isInvalid() || E.isInvalid())
        return;
      auto [BF, BO] = SM.getDecomposedLoc(B);
      auto [EF, EO] = SM.getDecomposedLoc(E);
      if (BF != EF || EO < BO)
        return;
      Roots.push_back({BF, BO, EO, Top, Owner});
    };
    for (const CodeDecl &CD : unitCode(C))
      Add(CD.Code, CD.D);
    llvm::sort(Roots, [](const Root &A, const Root &B) {
      return std::tie(A.File, A.Begin) < std::tie(B.File, B.Begin);
    });
    Maps.resize(Roots.size());
  }

  BodyMap &map(size_t I) {
    if (!Maps[I])
      Maps[I] = std::make_unique<BodyMap>(Roots[I].Top);
    return *Maps[I];
  }

  /// Calls \p Try on the map of each root whose text holds \p Loc, innermost
  /// (latest starting) first, until it returns true.  None: no root holds
  /// \p Loc; Missed: some do, but none maps the node (an expression inside a
  /// type, `char v[sizeof(p->f)]`, whose parent is no statement).
  enum Outcome { None, Found, Missed };
  template <typename F>
  Outcome around(SourceLocation Loc, const SourceManager &SM, F Try) {
    Loc = SM.getFileLoc(Loc);
    if (Loc.isInvalid())
      return None;
    auto [File, Off] = SM.getDecomposedLoc(Loc);
    auto It = std::upper_bound(
        Roots.begin(), Roots.end(), std::make_pair(File, Off),
        [](const std::pair<FileID, unsigned> &K, const Root &R) {
          return K < std::make_pair(R.File, R.Begin);
        });
    // Bodies do not nest in C; a few candidates cover bodies one macro
    // expansion makes.
    Outcome O = None;
    for (unsigned Seen = 0; It != Roots.begin() && Seen < 8; ++Seen) {
      --It;
      if (It->File != File)
        break;
      if (Off > It->End)
        continue;
      if (Try(*It, map(It - Roots.begin())))
        return Found;
      O = Missed;
    }
    return O;
  }
};

thread_local UnitParents Current;

/// The context \p P ends: its maps go with it (a later unit's context may
/// take its address).
void forget(void *P) {
  if (Current.Ctx == P)
    Current = UnitParents();
}

UnitParents &current(ASTContext &Ctx) {
  if (Current.Ctx != &Ctx) {
    Current.index(Ctx);
    Ctx.AddDeallocation(forget, &Ctx);
  }
  return Current;
}

} // namespace

const Stmt *parentStmt(const Stmt &S, ASTContext &Ctx) {
  DynTypedNodeList Ps = parentsOf(S, Ctx);
  return Ps.empty() ? nullptr : Ps[0].get<Stmt>();
}

DynTypedNodeList parentsOf(const Stmt &S, ASTContext &Ctx) {
  UnitParents &U = current(Ctx);
  std::optional<DynTypedNode> Found;
  UnitParents::Outcome O = U.around(S.getBeginLoc(), Ctx.getSourceManager(),
                        [&](const Root &R, BodyMap &M) {
    if (&S == R.Top) {
      Found = DynTypedNode::create(*R.Owner);
      return true;
    }
    auto It = M.Parent.find(&S);
    if (It == M.Parent.end())
      return false;
    // A variable's initialiser: its parent is the variable.
    if (const auto *DS = dyn_cast<DeclStmt>(It->second))
      for (const Decl *D : DS->decls())
        if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit() == &S) {
          Found = DynTypedNode::create(*VD);
          return true;
        }
    Found = DynTypedNode::create(*It->second);
    return true;
  });
  if (O == UnitParents::None)
    return Ctx.getParents(S);
  if (O == UnitParents::Missed)
    return DynTypedNodeList(llvm::ArrayRef<DynTypedNode>());
  return DynTypedNodeList(*Found);
}

DynTypedNodeList parentsOf(const Decl &D, ASTContext &Ctx) {
  const auto *VD = dyn_cast<VarDecl>(&D);
  if (!VD || isa<ParmVarDecl>(VD))
    return Ctx.getParents(D);
  if (!VD->isLocalVarDeclOrParm()) {
    // A global: the declaration context it is written in.
    if (const auto *DC = dyn_cast<Decl>(VD->getLexicalDeclContext()))
      return DynTypedNodeList(DynTypedNode::create(*DC));
    return Ctx.getParents(D);
  }
  UnitParents &U = current(Ctx);
  const DeclStmt *Found = nullptr;
  (void)U.around(VD->getLocation(), Ctx.getSourceManager(),
           [&](const Root &, BodyMap &M) {
             auto It = M.DeclOf.find(VD);
             if (It == M.DeclOf.end())
               return false;
             Found = It->second;
             return true;
           });
  if (!Found)
    return Ctx.getParents(D);
  return DynTypedNodeList(DynTypedNode::create(*Found));
}

DynTypedNodeList parentsOf(const DynTypedNode &N, ASTContext &Ctx) {
  if (const auto *S = N.get<Stmt>())
    return parentsOf(*S, Ctx);
  if (const auto *D = N.get<Decl>())
    return parentsOf(*D, Ctx);
  return Ctx.getParents(N);
}

void resetParents() { Current = UnitParents(); }

} // namespace clang::tidy::alloc
