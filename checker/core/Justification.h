//===--- Justification.h - "/* alloc: lifetime -- reason */" ----*- C++ -*-===//
//
// An allocation is justified by a comment on its line or the line directly
// above:   /* alloc: <lifetime> -- <reason> */   or   // alloc: ...
// or by the ALLOC_JUSTIFIED(lifetime, "reason", expr) macro of
// include/alloc_tidy.h.  This file parses both and indexes them by place.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_JUSTIFICATION_H
#define ALLOC_TIDY_CORE_JUSTIFICATION_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CommentHandler;
class Expr;
class Preprocessor;
class SourceManager;
} // namespace clang

namespace clang::tidy::alloc {

/// How long an allocation lives, as its justification states.
enum class Lifetime : unsigned char {
  Permanent,   ///< allocated at start-up, never freed
  Scoped,      ///< freed before the allocating function returns
  Transaction, ///< freed when the unit of work that owns it ends
  Returned,    ///< ownership goes to the caller
  Stored,      ///< kept in a longer-lived object
};

llvm::StringRef spell(Lifetime L);
std::optional<Lifetime> parseLifetime(llvm::StringRef Word);
/// "permanent, scoped, transaction, returned, stored"
llvm::StringRef lifetimeList();

/// A parameter contract a comment declares: "takes(method)".
struct DeclaredContract {
  std::string Kind;  ///< "takes", "copies" or "borrows"
  std::string Param; ///< the parameter's name
};

/// A parsed "alloc:" comment, well-formed or not: either the justification
/// of an allocation ("alloc: <lifetime> -- <reason>") or, on a function
/// declaration, the ownership contract of its parameters
/// ("alloc: takes(method); copies(body)").
struct Justification {
  std::optional<Lifetime> Life; ///< set when a well-formed justification
  std::vector<DeclaredContract> Contracts; ///< set when a contract comment
  std::string Reason;
  std::string Error;  ///< what is wrong, when malformed
  SourceLocation Loc; ///< the comment or the macro's lifetime token
  bool FromMacro = false;

  bool valid() const { return Error.empty(); }
  bool isContract() const { return !Contracts.empty(); }
};

/// Parses the full text of one comment ("/* ... */" or "// ...").  Returns
/// std::nullopt when the comment is not an "alloc:" comment at all.
std::optional<Justification> parseJustificationComment(llvm::StringRef Text);

/// For a comment that is not an "alloc:" comment but looks meant as one
/// ("ALLOC: ...", "TODO alloc: ...", "allocate: ..."), what to change;
/// std::nullopt for any other comment.
std::optional<std::string> nearMissHint(llvm::StringRef Text);

/// The source range a justification of the allocation \p E may sit on: its
/// full statement (a declaration, an expression statement, a return), or the
/// head of the if, while, for, do or switch whose condition holds it, up to
/// the condition's closing parenthesis.  Builds \p Ctx's parent map.
SourceRange justificationScope(const Expr *E, ASTContext &Ctx);

/// A comment near an allocation that looks meant as its justification.
struct NearMiss {
  std::string Hint;   ///< what to change, from nearMissHint()
  SourceLocation Loc; ///< the comment
};

/// Computes an allocation's justification scope when the lookup needs it
/// (only when the allocation's own line holds no justification).
using ScopeFn = llvm::function_ref<SourceRange()>;
/// Every justification of one translation unit, indexed by file position.
/// Fed by the preprocessor (comments and ALLOC_JUSTIFIED expansions); the
/// unit's one index is obtained with sharedJustifications().
class JustificationIndex {
public:
  /// Registers the comment handler and macro callbacks with \p PP.  The
  /// index must outlive the preprocessor's use of them.
  void attach(Preprocessor &PP);

  JustificationIndex();
  ~JustificationIndex();
  JustificationIndex(const JustificationIndex &) = delete;
  JustificationIndex &operator=(const JustificationIndex &) = delete;

  /// The justification covering an allocation written at \p Loc (any
  /// location; its file location is used), or nullptr.  A contract comment
  /// is not a justification.  With \p Scope (see justificationScope), a
  /// comment on any line of the allocation's statement counts, and one above
  /// the statement's first line.
  const Justification *find(SourceLocation Loc, const SourceManager &SM,
                            ScopeFn Scope = nullptr) const;

  /// A comment placed as \p Loc's justification would be that looks meant as
  /// one but is not, or nullptr.
  const NearMiss *findNearMiss(SourceLocation Loc, const SourceManager &SM,
                               ScopeFn Scope = nullptr) const;

  /// The contract comment on the line of \p Loc (a function's name) or
  /// directly above its declaration, or nullptr.
  const Justification *findContract(SourceLocation Loc,
                                    const SourceManager &SM) const;

  /// All justifications seen, in order of appearance per file.
  std::vector<const Justification *> all() const;

  /// Whether any well-formed justification states a lifetime: without one,
  /// a check that holds allocations to their lifetimes has nothing to do.
  bool anyLifetime() const;

  /// Any "alloc:" comment on the line of \p Loc or directly above it (or,
  /// with \p Scope, on a line of the statement or directly above it).
  const Justification *findAny(SourceLocation Loc, const SourceManager &SM,
                               ScopeFn Scope = nullptr) const;

private:
  friend class CommentCollector;
  friend class MacroCollector;
  struct CommentEntry {
    unsigned Begin, End; ///< file offsets
    unsigned BeginLine, EndLine;
    bool Standalone; ///< nothing else on its lines
    Justification J;
    NearMiss Miss; ///< in PerFile::NearMisses only
  };
  struct MacroEntry {
    unsigned Begin, End; ///< offsets of the whole invocation
    Justification J;
  };
  struct PerFile {
    std::vector<CommentEntry> Comments;   ///< sorted by Begin
    std::vector<CommentEntry> NearMisses; ///< sorted by Begin
    std::vector<MacroEntry> Macros;
  };
  /// The entry of \p Entries placed to justify an allocation at \p Loc.
  static const CommentEntry *lookup(const std::vector<CommentEntry> &Entries,
                                    FileID FID, unsigned Offset,
                                    const SourceManager &SM, ScopeFn Scope);
  llvm::DenseMap<FileID, PerFile> Files;
  std::unique_ptr<CommentHandler> Handler;
};

/// The justification index of the translation unit that \p PP
/// preprocesses, shared by every check and the driver's site recorder so
/// that its comments are parsed once: the first caller attaches it, later
/// callers with the same preprocessor get the same index.  It lives as long
/// as someone holds it (the checks, for the whole translation unit).
std::shared_ptr<const JustificationIndex>
sharedJustifications(Preprocessor &PP);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_JUSTIFICATION_H
