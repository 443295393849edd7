//===--- Output.h - text, JSON and SARIF reports; gating -------*- C++ -*-===//

#ifndef ALLOC_TIDY_DRIVER_OUTPUT_H
#define ALLOC_TIDY_DRIVER_OUTPUT_H

#include "Analysis.h"
#include "clang-tidy/ClangTidy.h"
#include <string>

namespace clang::tidy::alloc {

enum class OutputFormat { Text, Sarif, Json };
enum class FailOn { New, Any, None };

struct ReportRequest {
  OutputFormat Format = OutputFormat::Text;
  std::string OutputFile; ///< "" for standard output
  bool Quiet = false;
  FixBehaviour Fix = FB_NoFix; ///< text format only
  FailOn Gate = FailOn::New;
  bool Inventory = false;   ///< list every allocation site
  std::string BaselineFile; ///< earlier SARIF report
  std::string DiffRev;      ///< report only lines changed since this rev
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
