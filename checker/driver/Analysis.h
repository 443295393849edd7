//===--- Analysis.h - run the checks over translation units -----*- C++ -*-===//

#ifndef ALLOC_TIDY_DRIVER_ANALYSIS_H
#define ALLOC_TIDY_DRIVER_ANALYSIS_H

#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::alloc {

/// A function definition's extent, to name the function a finding is in.
struct FunctionRange {
  std::string File; ///< absolute path
  unsigned Begin = 0, End = 0;
  std::string Name;
};

/// One allocation site, justified or not, for the inventory.
struct InventoryEntry {
  std::string File; ///< absolute path
  unsigned Offset = 0;
  std::string Callee;
  std::string Macro;
  bool AddressTaken = false;
  bool Realloc = false;
  std::string Status;   ///< "justified", "unjustified" or "malformed"
  std::string Lifetime; ///< when justified
  std::string Reason;   ///< when justified
};

/// A function's inferred contract, as a line of a rules file.
struct ExportedContract {
  std::string Name;
  std::string File;
  std::vector<unsigned> Takes, Copies, Borrows;
  std::optional<unsigned> Frees;
  bool ReturnsOwned = false;
};

struct AnalysisRequest {
  const tooling::CompilationDatabase *Compilations = nullptr;
  std::vector<std::string> Sources;
  /// A fresh options provider per worker: providers cache per directory
  /// and are not shared between threads.
  std::function<std::unique_ptr<ClangTidyOptionsProvider>()> MakeProvider;
  unsigned Jobs = 1;
  bool FixNotes = false;
  bool EnableCheckProfile = false;
  bool ShowProgress = false;
  /// Also record function extents and every allocation site (for
  /// fingerprints and the inventory); costs one more walk of the AST.
  bool RecordSites = false;
  /// Infer the contracts of the externally visible functions defined.
  bool ExportContracts = false;
};

struct AnalysisResult {
  /// Sorted by file, offset, check and message; duplicates (a header seen
  /// from several translation units) removed.  Every path is absolute (a
  /// compilation database's relative paths are resolved against its
  /// directory); a compiler error without a place names its source file.
  std::vector<ClangTidyError> Errors;
  /// Sources the compilation database has no command for: not analysed.
  std::vector<std::string> NoCommand;
  unsigned Analysed = 0; ///< translation units parsed
  ClangTidyStats Stats;
  std::vector<FunctionRange> Functions;
  std::vector<InventoryEntry> Sites;
  std::vector<ExportedContract> Contracts; ///< sorted by name, one per name
};

/// Runs the enabled checks over every source, Jobs at a time, the way
/// clang-tidy's runClangTidy does for one.  Results do not depend on Jobs.
AnalysisResult analyse(const AnalysisRequest &Request);

/// \p Args with the ExtraArgsBefore (after the compiler's name) and
/// ExtraArgs of the .clang-tidy options \p Opts, as clang-tidy adds them.
tooling::CommandLineArguments
withExtraArgs(const tooling::CommandLineArguments &Args,
              const ClangTidyOptions &Opts);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_DRIVER_ANALYSIS_H
