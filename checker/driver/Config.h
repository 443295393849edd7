//===--- Config.h - configuration checks and the choice of inputs -*- C++
//-*-===//
//
// What makes the gate honest before any analysis runs: every .clang-tidy the
// analysis would read parses, no alloc-* option key is unknown or misplaced,
// outputs can be written, and each input is either analysed or deliberately
// left out (--exclude, or a .clang-tidy that enables no alloc-* check).
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_DRIVER_CONFIG_H
#define ALLOC_TIDY_DRIVER_CONFIG_H

#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/GlobPattern.h"
#include <string>
#include <vector>

namespace clang::tidy::alloc {

/// Parses every .clang-tidy file clang-tidy would read for \p Sources (from
/// each source's directory up, while they inherit their parent's) and checks
/// their alloc-* option keys: the first problem, naming the file, or "".
/// clang-tidy itself skips a file it cannot parse and falls back to the
/// defaults, which would gate with the wrong checks.
std::string checkConfigFiles(llvm::ArrayRef<std::string> Sources);

/// Problems with the CheckOptions keys of \p Opts, read from \p Source: an
/// alloc-* key no check reads ("alloc-after-init.InitFunction"), or a check's
/// own option given without the check's name ("InitFunctions"), which no
/// check reads.  Options every check shares (RulesFiles) may stand alone.
std::vector<std::string> checkOptionKeys(const ClangTidyOptions &Opts,
                                         llvm::StringRef Source);

/// "" when \p Path can be written (created or replaced), else why not.
std::string checkWritable(llvm::StringRef Path);

/// The inputs to analyse, and how many were left out and why.
struct InputChoice {
  std::vector<std::string> Analyse;
  std::vector<std::string> Excluded; ///< matched an --exclude pattern
  std::vector<std::string> NoChecks; ///< their .clang-tidy enables no check
};

/// Leaves out the sources matching one of \p Exclude (tried on the path
/// relative to \p SrcRoot and on the absolute path) and those for which
/// \p Provider's options enable no check.
InputChoice chooseInputs(llvm::ArrayRef<std::string> Sources,
                         llvm::ArrayRef<llvm::GlobPattern> Exclude,
                         llvm::StringRef SrcRoot,
                         ClangTidyOptionsProvider &Provider);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_DRIVER_CONFIG_H
