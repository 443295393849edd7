//===--- OwnershipTransferCheck.h - alloc-ownership-transfer ----*- C++ -*-===//

#ifndef ALLOC_TIDY_OWNERSHIPTRANSFERCHECK_H
#define ALLOC_TIDY_OWNERSHIPTRANSFERCHECK_H

#include "core/AllocCheckBase.h"

namespace clang::tidy::alloc {

/// Flags calls that break a callee's ownership contract: using or freeing a
/// pointer after a "takes" parameter received it, keeping ownership of what
/// a "copies" parameter duplicated and then losing it, freeing a "borrowed"
/// result, and freeing memory with another family's deallocator.
class OwnershipTransferCheck : public AllocCheckBase {
public:
  OwnershipTransferCheck(StringRef Name, ClangTidyContext *Context)
      : AllocCheckBase(Name, Context) {}
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkDefinition(
      const FunctionDecl *Def,
      const ast_matchers::MatchFinder::MatchResult &Result) override;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_OWNERSHIPTRANSFERCHECK_H
