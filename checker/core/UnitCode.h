//===--- UnitCode.h - the declarations of a unit that hold code -*- C++ -*-===//
//
// Several analyses read every function body and global initialiser of a
// translation unit: the parent index, the call graph, the owning-fields scan,
// the allocation sites, the list of the user's definitions.  The unit's
// declarations are mostly its headers' (thousands of prototypes, types and
// macro-made declarations), and a walk of them chases one pointer per
// declaration through memory the parse left behind: done once per unit here
// (unitCode), the analyses read a short list instead; and the statements they
// look for in the code (calls, function references, assignments, declaration
// statements) are listed by one walk of it (unitStmts).
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_UNITCODE_H
#define ALLOC_TIDY_CORE_UNITCODE_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>
#include <optional>
#include <type_traits>
#include <vector>

namespace clang::tidy::alloc {

/// Calls \p F on every declaration in \p DC and the contexts it nests
/// (extern "C" blocks, namespaces, C++ records), in source order: where
/// function bodies and global initialisers are, without walking any body or
/// type.
template <typename Fn> void forEachDeclIn(const DeclContext *DC, Fn &&F) {
  for (Decl *D : DC->decls()) {
    F(D);
    // A C struct holds no code: only C++ records (their methods) are entered.
    if (isa<LinkageSpecDecl, NamespaceDecl, CXXRecordDecl>(D))
      forEachDeclIn(cast<DeclContext>(D), F);
  }
}
template <typename Fn> void forEachUnitDecl(ASTContext &Ctx, Fn &&F) {
  forEachDeclIn(Ctx.getTranslationUnitDecl(), F);
}

/// Calls \p F on \p Top and every statement under it (the initialisers of
/// the variables a declaration statement declares too), each once, in
/// source order, parents before children: a plain walk of the children,
/// without the visitor's traversal of types and declarations, which the
/// scans need none of.  \p F may return false to stop the walk.
template <typename Fn> void forEachStmtIn(const Stmt *Top, Fn &&F) {
  if (!Top)
    return;
  llvm::SmallVector<const Stmt *, 64> Work{Top};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if constexpr (std::is_same_v<decltype(F(S)), bool>) {
      if (!F(S))
        return;
    } else {
      F(S);
    }
    size_t First = Work.size();
    for (const Stmt *Child : S->children())
      if (Child)
        Work.push_back(Child);
    std::reverse(Work.begin() + First, Work.end());
  }
}

/// Calls \p Enter on \p Top and every statement under it, in source order,
/// parents first, and \p Leave once all of a statement's children are done,
/// with what \p Enter returned for it: a walk that keeps state along the
/// path (the ancestors, the conditions around) on a stack of its own, not
/// the call stack, which generated code nesting expressions tens of
/// thousands deep (`a + a + ... + a`) would overflow.
template <typename EnterFn, typename LeaveFn>
void forEachStmtNested(Stmt *Top, EnterFn &&Enter, LeaveFn &&Leave) {
  struct Frame {
    Stmt *S;
    Stmt::child_iterator It, End;
    bool Token;
  };
  llvm::SmallVector<Frame, 64> Stack;
  auto Push = [&](Stmt *S) {
    bool Token = Enter(S);
    Stack.push_back({S, S->child_begin(), S->child_end(), Token});
  };
  Push(Top);
  while (!Stack.empty()) {
    Frame &F = Stack.back();
    if (F.It == F.End) {
      Stmt *S = F.S;
      bool Token = F.Token;
      Stack.pop_back();
      Leave(S, Token);
      continue;
    }
    Stmt *Child = *F.It++;
    if (Child)
      Push(Child);
  }
}

/// A declaration that holds code: a function with its body, or a variable
/// with its initialiser.
struct CodeDecl {
  const Decl *D;    ///< the FunctionDecl or VarDecl
  const Stmt *Code; ///< its body or initialiser, never null

  const FunctionDecl *function() const {
    return dyn_cast<FunctionDecl>(D);
  }
};

/// Every declaration of the unit of \p Ctx that holds code outside system
/// headers (by the file location of its name), in the order forEachUnitDecl
/// visits them; listed on first use, kept as long as the context lives.  A
/// system header's declarations are passed over on their location alone:
/// most of a unit's declarations are its system headers' prototypes, and
/// their bodies hold nothing the checks report.
const std::vector<CodeDecl> &unitCode(ASTContext &Ctx);

/// The statements of the user's code that the unit-wide scans read, found
/// in one walk of unitCode() (source order, parents first): every call,
/// every reference to a function, every plain assignment (`=`) and every
/// declaration statement.  The call graph, the owning-fields scan and the allocation
/// sites read these instead of walking the code again each.
struct UnitStmts {
  std::vector<const Stmt *> Nodes;
  /// Nodes[Begin[I]] to Nodes[Begin[I + 1]]: those of unitCode()[I].
  std::vector<unsigned> Begin;

  /// Position in unitCode() of each declaration there.
  llvm::DenseMap<const Decl *, unsigned> Index;

  llvm::ArrayRef<const Stmt *> of(size_t I) const {
    return llvm::ArrayRef<const Stmt *>(Nodes).slice(Begin[I],
                                                     Begin[I + 1] - Begin[I]);
  }
  /// Those of the code of \p D, if unitCode() lists it.
  std::optional<llvm::ArrayRef<const Stmt *>> of(const Decl *D) const {
    auto It = Index.find(D);
    if (It == Index.end())
      return std::nullopt;
    return of(It->second);
  }
};
/// The statements of unitCode(\p Ctx), listed on first use and kept with it.
const UnitStmts &unitStmts(ASTContext &Ctx);

/// Hands \p S to \p V as the unit-wide scans read such a statement: a call
/// to V.VisitCallExpr, an assignment to V.VisitBinaryOperator, and each
/// variable a declaration statement declares to V.VisitVarDecl.
template <typename Visitor> void visitCallOrStore(Stmt *S, Visitor &V) {
  if (auto *C = dyn_cast<CallExpr>(S))
    V.VisitCallExpr(C);
  else if (auto *B = dyn_cast<BinaryOperator>(S))
    V.VisitBinaryOperator(B);
  else if (auto *DS = dyn_cast<DeclStmt>(S))
    for (Decl *D : DS->decls())
      if (auto *Var = dyn_cast<VarDecl>(D))
        V.VisitVarDecl(Var);
}

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_UNITCODE_H
