//===--- Findings.h - diagnostics as reportable findings --------*- C++ -*-===//

#ifndef ALLOC_TIDY_DRIVER_FINDINGS_H
#define ALLOC_TIDY_DRIVER_FINDINGS_H

#include "Analysis.h"
#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace clang::tidy::alloc {

/// A position in a file: absolute path, 1-based line and column (bytes).
struct Position {
  std::string File;
  unsigned Offset = 0;
  unsigned Line = 0, Column = 0;
  unsigned CharColumn = 0; ///< in Unicode code points, as SARIF counts
};

struct Region {
  Position Begin, End;
};

struct Edit {
  Region Where;
  std::string Text;
};

struct Related {
  std::string Message;
  Region Where;
};

/// One finding: a diagnostic with everything the report formats need.
struct Finding {
  std::string RuleId; ///< check name, e.g. alloc-unjustified
  std::string Level;  ///< "error", "warning" or "note" (SARIF levels)
  std::string Message;
  Region Where;
  std::vector<Related> Notes;
  std::vector<Edit> Fixes;
  std::string Function; ///< enclosing function, "" at file scope
  std::string Fingerprint;
  std::string BaselineState; ///< set when a baseline is given
};

/// Reads files once and maps offsets to lines and columns.
class SourceFiles {
public:
  Position position(llvm::StringRef File, unsigned Offset);
  /// The text of the line holding \p Offset, without its newline.
  llvm::StringRef lineText(llvm::StringRef File, unsigned Offset);

private:
  struct Data {
    std::string Text;
    std::vector<unsigned> LineStarts;
  };
  Data &get(llvm::StringRef File);
  llvm::StringMap<Data> Files;
};

/// Converts diagnostics to findings, naming enclosing functions and
/// computing fingerprints that survive unrelated edits above the finding:
/// a hash of the check, the enclosing function, the first quoted name in the
/// message (the allocating callee), the finding's line with blanks and
/// comments removed, and an ordinal among findings with the same key.
std::vector<Finding> toFindings(const AnalysisResult &Result,
                                SourceFiles &Files);

/// The fingerprint of an allocation site for the inventory, computed as a
/// finding's with the rule "alloc-site".
std::string siteFingerprint(const InventoryEntry &Site,
                            llvm::StringRef Function, SourceFiles &Files,
                            unsigned Ordinal);

/// The line holding \p Offset with blanks and comments removed: what a
/// fingerprint hashes, so re-indenting or commenting does not change it.
std::string normalisedLine(SourceFiles &Files, llvm::StringRef File,
                           unsigned Offset);

/// The function containing \p Offset in \p File, or "".
std::string enclosingFunction(const std::vector<FunctionRange> &Functions,
                              llvm::StringRef File, unsigned Offset);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_DRIVER_FINDINGS_H
