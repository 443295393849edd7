//===--- GroupUnwindCheck.h - alloc-group-unwind ----------------*- C++ -*-===//

#ifndef ALLOC_TIDY_GROUPUNWINDCHECK_H
#define ALLOC_TIDY_GROUPUNWINDCHECK_H

#include "core/AllocCheckBase.h"

namespace clang::tidy::alloc {

/// Flags returns on an allocation-failure path that leak allocations made
/// earlier in the same function.
class GroupUnwindCheck : public AllocCheckBase {
public:
  GroupUnwindCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkDefinition(
      const FunctionDecl *Def,
      const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Early returns that leave a pointer parameter the function frees or
  /// hands on along its other paths, where nobody else frees it: a void
  /// function's, or a failing one's whose callers hand the argument over.
  void parameterDuties(const FunctionDecl *FD,
                       const OwnershipAnalysis &Analysis, ASTContext &Ctx);
  /// Also report returns on the normal path that still own memory.
  const bool ReportAllExits;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_GROUPUNWINDCHECK_H
