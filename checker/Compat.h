//===--- Compat.h - one place for the differences between LLVM versions ---===//
//
// alloc-tidy builds against LLVM/Clang 14, 16, 19 and 22.  Every
// `#if LLVM_VERSION_MAJOR` of the project lives in this header; the checks,
// the core and the driver use the names below instead.
//
// It also holds the option readers that avoid clang-tidy's explicit
// specialisations OptionsView::get<bool> and store<bool>: their return type
// is a std::enable_if_t, which GCC and Clang mangle differently, so a checker
// compiled by GCC does not link against a clang-tidy built by Clang.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_COMPAT_H
#define ALLOC_TIDY_COMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/YAMLTraits.h"
#include <optional>
#include <string>
#include <type_traits>

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include <memory>
#if LLVM_VERSION_MAJOR < 15
#include "llvm/ADT/Optional.h"
#endif
// ClangTidyModuleRegistry.h is deprecated from LLVM 22 on (ClangTidyModule.h
// has the registry); AllocTidyModule.cpp gets the registry from here.
#include "clang-tidy/ClangTidyModule.h"
#if LLVM_VERSION_MAJOR < 22
#include "clang-tidy/ClangTidyModuleRegistry.h"
#endif
#if LLVM_VERSION_MAJOR >= 16
#include "clang/Basic/Sarif.h"
#else
#include "CompatSarif.h"
#endif

namespace clang::tidy::alloc::compat {

/// The checks \p Options enables, and their effective options: LLVM 22
/// added a parameter for its experimental custom (query-based) checks,
/// which alloc-tidy leaves off.
inline std::vector<std::string> getCheckNames(const ClangTidyOptions &Options,
                                              bool AllowAnalyzerAlpha) {
#if LLVM_VERSION_MAJOR >= 22
  return tidy::getCheckNames(Options, AllowAnalyzerAlpha,
                             /*ExperimentalCustomChecks=*/false);
#else
  return tidy::getCheckNames(Options, AllowAnalyzerAlpha);
#endif
}
inline ClangTidyOptions::OptionMap
getCheckOptions(const ClangTidyOptions &Options, bool AllowAnalyzerAlpha) {
#if LLVM_VERSION_MAJOR >= 22
  return tidy::getCheckOptions(Options, AllowAnalyzerAlpha,
                               /*ExperimentalCustomChecks=*/false);
#else
  return tidy::getCheckOptions(Options, AllowAnalyzerAlpha);
#endif
}

/// Every check clang-tidy knows and every option they read (check-local
/// keys, "check.Option").  LLVM 15 added getAllChecksAndOptions (LLVM 22
/// names its result ChecksAndOptions, with Checks for Names); before 15,
/// the names and stored options of all checks enabled by "*" are the same.
struct NamesAndOptions {
  llvm::StringSet<> Names;
  llvm::StringSet<> Options;
};
inline NamesAndOptions getAllChecksAndOptions(bool AllowAnalyzerAlpha) {
#if LLVM_VERSION_MAJOR >= 22
  tidy::ChecksAndOptions All = tidy::getAllChecksAndOptions(
      AllowAnalyzerAlpha, /*ExperimentalCustomChecks=*/false);
  return {std::move(All.Checks), std::move(All.Options)};
#elif LLVM_VERSION_MAJOR >= 15
  tidy::NamesAndOptions All = tidy::getAllChecksAndOptions(AllowAnalyzerAlpha);
  return {std::move(All.Names), std::move(All.Options)};
#else
  ClangTidyOptions Options;
  Options.Checks = "*";
  NamesAndOptions Result;
  for (const std::string &Name :
       tidy::getCheckNames(Options, AllowAnalyzerAlpha))
    Result.Names.insert(Name);
  for (const auto &Option : tidy::getCheckOptions(Options, AllowAnalyzerAlpha))
    Result.Options.insert(Option.getKey());
  return Result;
#endif
}

/// clang's SARIF writer (clang/Basic/Sarif.h, with result levels from LLVM
/// 16), or before that CompatSarif.h's writer of the same interface.
#if LLVM_VERSION_MAJOR >= 16
using clang::SarifDocumentWriter;
using clang::SarifReportingConfiguration;
using clang::SarifResult;
using clang::SarifResultLevel;
using clang::SarifRule;
#endif

/// llvm::sys::ExecuteAndWait of \p Program with the inherited environment;
/// \p Redirects are stdin, stdout and stderr (std::nullopt: not redirected).
/// Before LLVM 16 it takes llvm::Optional.
inline int executeAndWait(llvm::StringRef Program,
                          llvm::ArrayRef<llvm::StringRef> Args,
                          llvm::ArrayRef<std::optional<llvm::StringRef>> Redirects) {
#if LLVM_VERSION_MAJOR < 16
  llvm::SmallVector<llvm::Optional<llvm::StringRef>, 3> Old;
  for (const std::optional<llvm::StringRef> &R : Redirects)
    Old.push_back(R ? llvm::Optional<llvm::StringRef>(*R) : llvm::None);
  return llvm::sys::ExecuteAndWait(Program, Args, llvm::None, Old);
#else
  return llvm::sys::ExecuteAndWait(Program, Args, std::nullopt, Redirects);
#endif
}

/// \p R with \p Locations added: clang's SarifResult::setLocations became
/// addLocations in LLVM 22.
inline SarifResult addLocations(SarifResult R,
                                llvm::ArrayRef<CharSourceRange> Locations) {
#if LLVM_VERSION_MAJOR >= 22
  return R.addLocations(Locations);
#else
  return R.setLocations(Locations);
#endif
}

/// A DiagnosticsEngine reporting to \p Client (not owned), installed as the
/// engine \p Context emits to; it must not outlive \p Context.  From LLVM 22
/// an engine refers to DiagnosticOptions it does not own, and the context
/// keeps them; before, the engine shares them.
inline std::unique_ptr<DiagnosticsEngine>
contextDiagnostics(ClangTidyContext &Context, DiagnosticConsumer *Client) {
#if LLVM_VERSION_MAJOR >= 22
  auto Options = std::make_unique<DiagnosticOptions>();
  auto Engine = std::make_unique<DiagnosticsEngine>(
      DiagnosticIDs::create(), *Options, Client, /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(Options), Engine.get());
#else
  auto Engine = std::make_unique<DiagnosticsEngine>(
      new DiagnosticIDs(), new DiagnosticOptions(), Client,
      /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(Engine.get());
#endif
  return Engine;
}

/// A DiagnosticsEngine with default options that owns \p Client, for a
/// SourceManager of the driver's own (see contextDiagnostics for LLVM 22).
class OwnedDiagnostics {
public:
  explicit OwnedDiagnostics(DiagnosticConsumer *Client)
#if LLVM_VERSION_MAJOR >= 22
      : Engine(DiagnosticIDs::create(), Options, Client) {
  }
#else
      : Engine(new DiagnosticIDs(), new DiagnosticOptions(), Client) {
  }
#endif
  DiagnosticsEngine &engine() { return Engine; }

private:
#if LLVM_VERSION_MAJOR >= 22
  DiagnosticOptions Options; // before Engine, which refers to it
#endif
  DiagnosticsEngine Engine;
};

/// \p Path made absolute against \p Directory (llvm::sys::fs::make_absolute
/// with a directory moved to llvm::sys::path in LLVM 22).
inline void makeAbsolute(const llvm::Twine &Directory,
                         llvm::SmallVectorImpl<char> &Path) {
#if LLVM_VERSION_MAJOR >= 22
  llvm::sys::path::make_absolute(Directory, Path);
#else
  llvm::sys::fs::make_absolute(Directory, Path);
#endif
}

/// IO::mapOptional for a key of a YAML mapping.  LLVM 14's YAML I/O knows
/// llvm::Optional only; a std::optional goes through one there.
template <typename T>
void mapOptional(llvm::yaml::IO &IO, const char *Key, T &Value) {
  IO.mapOptional(Key, Value);
}
template <typename T>
void mapOptional(llvm::yaml::IO &IO, const char *Key, std::optional<T> &Value) {
#if LLVM_VERSION_MAJOR < 15
  llvm::Optional<T> Old;
  if (Value)
    Old = *Value;
  IO.mapOptional(Key, Old);
  if (Old)
    Value = *Old;
  else
    Value.reset();
#else
  IO.mapOptional(Key, Value);
#endif
}

/// StringRef::starts_with and ends_with: LLVM 14 has only startswith (and
/// SmallString in 16 neither spelling); these work on every version.
inline bool startsWith(llvm::StringRef S, llvm::StringRef Prefix) {
  return S.substr(0, Prefix.size()) == Prefix;
}
inline bool endsWith(llvm::StringRef S, llvm::StringRef Suffix) {
  return S.size() >= Suffix.size() &&
         S.substr(S.size() - Suffix.size()) == Suffix;
}

/// \p O as a std::optional, from an llvm::Optional (what LLVM 14 returns,
/// e.g. Expr::getIntegerConstantExpr, CFGElement::getAs) or a std::optional.
template <typename Opt>
auto toStdOptional(Opt O) -> std::optional<std::decay_t<decltype(*O)>> {
  if (O)
    return std::move(*O);
  return std::nullopt;
}

/// \p Opt's value or \p Default, for std::optional and llvm::Optional
/// alike (LLVM 14 and 16 return llvm::Optional, which has no value_or).
template <typename Opt, typename T>
auto valueOr(const Opt &O, const T &Default) -> std::decay_t<decltype(*O)> {
  using V = std::decay_t<decltype(*O)>;
  return O ? V(*O) : V(Default);
}

/// clang-tidy's spelling of a bool option value.
inline const char *boolOptionText(bool Value) {
  return Value ? "true" : "false";
}

/// A bool option value as clang-tidy parses it: YAML's true/false spellings
/// or an integer (non-zero is true); std::nullopt when it is neither.
inline std::optional<bool> parseBoolOption(llvm::StringRef Value) {
  for (const char *T : {"true", "True", "TRUE", "on", "On", "ON", "yes",
                        "Yes", "YES", "y", "Y"})
    if (Value == T)
      return true;
  for (const char *F : {"false", "False", "FALSE", "off", "Off", "OFF", "no",
                        "No", "NO", "n", "N"})
    if (Value == F)
      return false;
  long long Number = 0;
  if (!Value.getAsInteger(10, Number))
    return Number != 0;
  return std::nullopt;
}

/// The check-local bool option \p LocalName of check \p CheckName, or
/// \p Default when it is not set; a value that is not a bool is reported
/// with clang-tidy's own message and gives \p Default.  Reads through the
/// string getter (see the file comment).
inline bool readBoolOption(const ClangTidyCheck::OptionsView &Options,
                           ClangTidyContext *Context, llvm::StringRef CheckName,
                           llvm::StringRef LocalName, bool Default) {
  auto Text = Options.get(LocalName);
  if (!Text)
    return Default;
  if (std::optional<bool> Parsed = parseBoolOption(*Text))
    return *Parsed;
  Context->configurationDiag(
      "invalid configuration value '%0' for option '%1'; expected a bool")
      << *Text << (CheckName + "." + LocalName).str();
  return Default;
}

} // namespace clang::tidy::alloc::compat

#endif // ALLOC_TIDY_COMPAT_H
