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
#include "llvm/ADT/StringRef.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/YAMLTraits.h"
#include <optional>
#include <string>
#include <type_traits>

#if LLVM_VERSION_MAJOR < 15
#include "llvm/ADT/Optional.h"
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
