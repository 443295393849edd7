//===--- Parents.h - parents of statements, one body at a time --*- C++ -*-===//
//
// The checks walk up from an expression to the statement, condition or
// declaration around it.  Clang's ParentMapContext answers that for the whole
// translation unit at once: its first question maps every node of the unit
// (declarations, types, type locations), which on SQLite's amalgamation costs
// a quarter of the parse.  These parents come from a map of the one function
// body (or global initialiser) that holds the statement, built when first
// asked and kept for the unit, and answer as ParentMapContext does: the
// parent of a variable's initialiser is the VarDecl, whose parent is its
// DeclStmt; the parent of a body is its FunctionDecl.  A statement outside
// every body the index knows is asked of ParentMapContext.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_PARENTS_H
#define ALLOC_TIDY_CORE_PARENTS_H

#include "clang/AST/ParentMapContext.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

namespace clang::tidy::alloc {

/// The parents of \p S (none, or one), as ASTContext::getParents gives them.
DynTypedNodeList parentsOf(const Stmt &S, ASTContext &Ctx);
/// The parents of a variable: the DeclStmt declaring a local, or what
/// ParentMapContext says of any other declaration.
DynTypedNodeList parentsOf(const Decl &D, ASTContext &Ctx);
DynTypedNodeList parentsOf(const DynTypedNode &N, ASTContext &Ctx);
/// The parent of \p S when it is a statement (an expression too), or null.
const Stmt *parentStmt(const Stmt &S, ASTContext &Ctx);

/// A new translation unit begins on this thread: the maps go.
void resetParents();

} // namespace clang::tidy::alloc

#endif
