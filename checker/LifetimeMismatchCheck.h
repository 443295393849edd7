//===--- LifetimeMismatchCheck.h - alloc-lifetime-mismatch ------*- C++ -*-===//

#ifndef ALLOC_TIDY_LIFETIMEMISMATCHCHECK_H
#define ALLOC_TIDY_LIFETIMEMISMATCHCHECK_H

#include "core/AllocCheckBase.h"
#include "core/Justification.h"
#include "llvm/Support/Regex.h"
#include <optional>
#include <vector>

namespace clang::tidy::alloc {

/// Holds each justified allocation to the lifetime its justification states:
/// permanent, scoped, returned, stored or transaction.
class LifetimeMismatchCheck : public AllocCheckBase {
public:
  LifetimeMismatchCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void checkDefinition(
      const FunctionDecl *Def,
      const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;

private:
  void checkFunction(const FunctionDecl *FD, const OwnershipAnalysis &Analysis,
                     ASTContext &Ctx);

  /// Allocations of constant size at or below this (bytes) justified as
  /// 'scoped' should be stack or embedded buffers.
  const unsigned StackThreshold;
  /// Names of the functions that end a transaction (free its object).
  const std::string TransactionEnd;
  llvm::Regex TransactionEndRe;

  std::shared_ptr<const JustificationIndex> Index;
  const SourceManager *SM = nullptr;

  /// Decided at the end of the translation unit, when every deallocation
  /// and every function is known.
  struct Permanent {
    SourceLocation Loc;
    std::string Name;
    std::vector<const Decl *> Storage; ///< the globals and fields it went to
  };
  struct Transaction {
    SourceLocation Loc;
    std::string Name;
    std::vector<const RecordDecl *> Objects; ///< types of objects it went into
  };
  std::vector<Permanent> Permanents;
  std::vector<Transaction> Transactions;
  /// Whether the unit has a justification stating a lifetime (decided at
  /// the first function, when the preprocessor has seen every comment).
  std::optional<bool> HasLifetimes;
  ASTContext *Ctx = nullptr;
};

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_LIFETIMEMISMATCHCHECK_H
