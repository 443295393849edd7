//===--- Summarise.h - phase one: every unit's function summaries -*- C++ -*-=//
//
// The first of the driver's two phases over a project: every translation
// unit of the compilation database is parsed once and its functions are
// summarised (core/Summaries.h), with what they owe to functions of other
// units left as conditions; the units' summaries are then linked into one
// rules file that the checks read in the second phase (option SummaryFile).
// The file keeps each unit's unlinked summaries with the hashes of the files
// it read, so a unit whose files and command did not change is not parsed
// again.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_DRIVER_SUMMARISE_H
#define ALLOC_TIDY_DRIVER_SUMMARISE_H

#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::alloc {

struct SummaryRequest {
  const tooling::CompilationDatabase *Compilations = nullptr;
  /// The units to summarise: the whole project.
  std::vector<std::string> Units;
  /// The summaries file to reuse and (re)write; empty: none on disk.
  std::string File;
  /// Options per file (for the rules each unit is analysed with).
  std::function<std::unique_ptr<ClangTidyOptionsProvider>()> MakeProvider;
  unsigned Jobs = 1;
  bool ShowProgress = false;
};

struct SummaryResult {
  /// The linked summaries, as a summaries file's text (always set).
  std::string Text;
  size_t Units = 0;      ///< units in the project
  size_t Parsed = 0;     ///< units parsed (the others were reused)
  size_t Failed = 0;     ///< units that did not parse
  size_t Functions = 0;  ///< functions with a linked summary
  std::string Error;     ///< the file could not be written or read
};

/// Runs phase one; writes Request.File when set.
SummaryResult summarise(const SummaryRequest &Request);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_DRIVER_SUMMARISE_H
