//===--- Output.h - text, JSON and SARIF reports; gating -------*- C++ -*-===//

#ifndef ALLOC_TIDY_DRIVER_OUTPUT_H
#define ALLOC_TIDY_DRIVER_OUTPUT_H

#include "Analysis.h"
#include "clang-tidy/ClangTidy.h"
#include <string>

namespace clang::tidy::alloc {

enum class OutputFormat { Text, Sarif, Json };
/// Which findings make the exit status 1.  NewSites: any allocation site
/// the change adds, justified or not (an inventory gate).
enum class FailOn { New, Any, None, NewSites };

struct ReportRequest {
  OutputFormat Format = OutputFormat::Text;
  std::string OutputFile; ///< "" for standard output
  bool Quiet = false;
  FixBehaviour Fix = FB_NoFix; ///< text format only
  FailOn Gate = FailOn::New;
  bool Inventory = false;   ///< list every allocation site
  std::string BaselineFile; ///< earlier SARIF report
  std::string DiffRev;      ///< report only findings touching lines changed
                            ///< since this rev (or in the range "A...B")
  bool OnlyNew = false;     ///< report only new findings (no absent ones)
  unsigned MaxResults = 0;  ///< SARIF: at most this many results; 0 = all
  std::string WriteBaseline; ///< write the findings as a baseline here
  std::string SrcRoot;      ///< %SRCROOT% for SARIF; "" = current directory
  std::unique_ptr<ClangTidyOptionsProvider> Provider;
  IntrusiveRefCntPtr<llvm::vfs::FileSystem> BaseFS;
};

struct ReportOutcome {
  bool Gate = false; ///< findings that make the exit status 1
  std::string Error; ///< input or output error (exit status 2)
};

ReportOutcome report(AnalysisResult &Result, ReportRequest &Request);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_DRIVER_OUTPUT_H
