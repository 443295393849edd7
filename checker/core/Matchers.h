//===--- Matchers.h - AST matchers on the allocation model ------*- C++ -*-===//
//
// Matchers that consult the rules, so a check is called back for the calls
// and references that matter instead of for every one in the unit.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_MATCHERS_H
#define ALLOC_TIDY_CORE_MATCHERS_H

#include "AllocationSites.h"
#include "clang/ASTMatchers/ASTMatchers.h"

namespace clang::tidy::alloc {

/// A function the rules (or its attributes) describe as allocating.
AST_MATCHER_P(FunctionDecl, isAllocatorIn, ResolverSource *, Source) {
  const FunctionRule *R =
      Source->resolver().ruleFor(&Node, Finder->getASTContext().getSourceManager());
  return R && R->allocates();
}

/// A function the rules describe as freeing one of its arguments.
AST_MATCHER_P(FunctionDecl, isDeallocatorIn, ResolverSource *, Source) {
  const FunctionRule *R =
      Source->resolver().ruleFor(&Node, Finder->getASTContext().getSourceManager());
  return R && R->FreeArg.has_value();
}

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_MATCHERS_H
