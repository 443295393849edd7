//===--- UncheckedResultCheck.h - alloc-unchecked-result --------*- C++ -*-===//

#ifndef ALLOC_TIDY_UNCHECKEDRESULTCHECK_H
#define ALLOC_TIDY_UNCHECKEDRESULTCHECK_H

#include "core/AllocCheckBase.h"

namespace clang::tidy::alloc {

/// Flags allocation results used (dereferenced, indexed, passed to a
/// function that dereferences them) on a path where they were never
/// compared with NULL.
class UncheckedResultCheck : public AllocCheckBase {
public:
  UncheckedResultCheck(StringRef Name, ClangTidyContext *Context)
      : AllocCheckBase(Name, Context) {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkDefinition(
      const FunctionDecl *Def,
      const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_UNCHECKEDRESULTCHECK_H
