//===--- Config.cpp - configuration checks and the choice of inputs -------===//

#include "Config.h"
#include "Compat.h"
#include "clang-tidy/ClangTidy.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include <set>

namespace clang::tidy::alloc {

namespace {

/// The option names of every alloc-* check, by check.
struct KnownOptions {
  llvm::StringMap<llvm::StringSet<>> ByCheck;
  /// Names every alloc-* check reads: the shared ones, read through
  /// getLocalOrGlobal (AllocCheckBase's rules options), which may be given
  /// without a check's name.
  llvm::StringSet<> Shared;
};

KnownOptions knownOptions() {
  KnownOptions K;
  compat::NamesAndOptions All = compat::getAllChecksAndOptions(false);
  for (const auto &N : All.Names)
    if (compat::startsWith(N.getKey(), "alloc-"))
      K.ByCheck[N.getKey()];
  for (const auto &O : All.Options) {
    auto [Check, Name] = O.getKey().split('.');
    if (compat::startsWith(Check, "alloc-") && !Name.empty())
      K.ByCheck[Check].insert(Name);
  }
  bool First = true;
  for (const auto &Entry : K.ByCheck) {
    const llvm::StringSet<> &Names = Entry.getValue();
    if (First) {
      for (const auto &N : Names)
        K.Shared.insert(N.getKey());
      First = false;
      continue;
    }
    std::vector<std::string> Gone;
    for (const auto &N : K.Shared)
      if (!Names.contains(N.getKey()))
        Gone.push_back(N.getKey().str());
    for (const std::string &N : Gone)
      K.Shared.erase(N);
  }
  return K;
}

std::string sortedList(const llvm::StringSet<> &Set) {
  std::vector<std::string> V;
  for (const auto &E : Set)
    V.push_back(E.getKey().str());
  llvm::sort(V);
  return llvm::join(V, ", ");
}

} // namespace

std::vector<std::string> checkOptionKeys(const ClangTidyOptions &Opts,
                                         llvm::StringRef Source) {
  std::vector<std::string> Problems;
  if (Opts.CheckOptions.empty())
    return Problems;
  KnownOptions K = knownOptions();
  std::vector<std::string> Keys;
  for (const auto &O : Opts.CheckOptions)
    Keys.push_back(O.getKey().str());
  llvm::sort(Keys);
  for (const std::string &Key : Keys) {
    auto [Check, Name] = llvm::StringRef(Key).split('.');
    if (compat::startsWith(Check, "alloc-")) {
      auto It = K.ByCheck.find(Check);
      if (It == K.ByCheck.end())
        Problems.push_back(("unknown check '" + Check + "' in option '" + Key +
                            "' (" + Source + ")")
                               .str());
      else if (Name.empty() || !It->second.contains(Name))
        Problems.push_back(("unknown option '" + Key + "' (" + Source + "); " +
                            Check + " reads " + sortedList(It->second))
                               .str());
      continue;
    }
    if (!Name.empty() || K.Shared.contains(Key))
      continue; // another tool's or check's option, or a shared one
    std::vector<std::string> Owners;
    for (const auto &Entry : K.ByCheck)
      if (Entry.getValue().contains(Key))
        Owners.push_back((Entry.getKey() + "." + Key).str());
    if (Owners.empty())
      continue;
    llvm::sort(Owners);
    Problems.push_back(("option '" + Key + "' (" + Source +
                        ") names no check, so none reads it; write '" +
                        llvm::join(Owners, "' or '") + "'")
                           .str());
  }
  return Problems;
}

std::string checkConfigFiles(llvm::ArrayRef<std::string> Sources) {
  std::set<std::string> Seen;
  for (const std::string &S : Sources) {
    llvm::SmallString<256> Dir(S);
    llvm::sys::fs::make_absolute(Dir);
    llvm::sys::path::remove_dots(Dir, true);
    llvm::sys::path::remove_filename(Dir);
    for (; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
      if (!Seen.insert(std::string(Dir)).second)
        break; // this directory and those above are checked already
      llvm::SmallString<256> File(Dir);
      llvm::sys::path::append(File, ".clang-tidy");
      if (!llvm::sys::fs::exists(File))
        continue;
      auto Text = llvm::MemoryBuffer::getFile(File);
      if (!Text)
        return ("cannot read configuration file '" + File +
                "': " + Text.getError().message())
            .str();
      std::string Diag;
      auto Parsed = parseConfigurationWithDiags(
          llvm::MemoryBufferRef((*Text)->getBuffer(), File),
          [&](const llvm::SMDiagnostic &D) {
            if (Diag.empty() && D.getKind() == llvm::SourceMgr::DK_Error)
              Diag = (llvm::Twine(D.getLineNo()) + ":" +
                      llvm::Twine(D.getColumnNo() + 1) + ": " + D.getMessage())
                         .str();
          });
      if (!Parsed)
        return ("invalid configuration file '" + File + "'" +
                (Diag.empty() ? ": " + Parsed.getError().message()
                              : ":" + Diag))
            .str();
      std::vector<std::string> Problems = checkOptionKeys(*Parsed, File);
      if (!Problems.empty())
        return Problems.front();
      if (!compat::valueOr(Parsed->InheritParentConfig, false))
        break; // clang-tidy reads nothing above this one
    }
  }
  return "";
}

std::string checkWritable(llvm::StringRef Path) {
  llvm::SmallString<256> Abs(Path);
  llvm::sys::fs::make_absolute(Abs);
  if (llvm::sys::fs::is_directory(Abs))
    return ("cannot write '" + Path + "': it is a directory").str();
  if (llvm::sys::fs::exists(Abs)) {
    if (std::error_code EC =
            llvm::sys::fs::access(Abs, llvm::sys::fs::AccessMode::Write))
      return ("cannot write '" + Path + "': " + EC.message()).str();
    return "";
  }
  llvm::StringRef Dir = llvm::sys::path::parent_path(Abs);
  if (!llvm::sys::fs::is_directory(Dir))
    return ("cannot write '" + Path + "': no directory '" + Dir + "'").str();
  if (std::error_code EC =
          llvm::sys::fs::access(Dir, llvm::sys::fs::AccessMode::Write))
    return ("cannot write '" + Path + "': " + EC.message()).str();
  return "";
}

InputChoice chooseInputs(llvm::ArrayRef<std::string> Sources,
                         llvm::ArrayRef<llvm::GlobPattern> Exclude,
                         llvm::StringRef SrcRoot,
                         ClangTidyOptionsProvider &Provider) {
  InputChoice C;
  llvm::SmallString<256> Root(SrcRoot);
  if (!Root.empty() && !compat::endsWith(Root, "/"))
    Root += '/';
  for (const std::string &S : Sources) {
    llvm::SmallString<256> Abs(S);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, true);
    llvm::StringRef Rel = Abs;
    if (!Root.empty() && compat::startsWith(Rel, Root))
      Rel = Rel.drop_front(Root.size());
    if (llvm::any_of(Exclude, [&](const llvm::GlobPattern &G) {
          return G.match(Rel) || G.match(Abs);
        })) {
      C.Excluded.push_back(S);
      continue;
    }
    if (compat::getCheckNames(Provider.getOptions(Abs), false).empty()) {
      C.NoChecks.push_back(S);
      continue;
    }
    C.Analyse.push_back(S);
  }
  return C;
}

} // namespace clang::tidy::alloc
