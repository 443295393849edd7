//===--- Summarise.cpp - phase one: every unit's function summaries -------===//

#include "Summarise.h"
#include "Analysis.h"
#include "Compat.h"
#include "core/AllocCheckBase.h"
#include "core/FieldLedger.h"
#include "core/Summaries.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

namespace clang::tidy::alloc {

namespace {

/// The hash of a file's content, or "" when it cannot be read.
std::string contentHash(StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                         /*RequiresNullTerminator=*/false);
  if (!Buf)
    return "";
  return llvm::utohexstr(llvm::xxHash64(
      llvm::arrayRefFromStringRef((*Buf)->getBuffer())));
}

/// A check option as the checks read it (getLocalOrGlobal): the global key,
/// else any alloc-* check's own.
std::string option(const ClangTidyOptions &Opts, StringRef Name,
                   StringRef Default) {
  auto It = Opts.CheckOptions.find(Name);
  if (It != Opts.CheckOptions.end())
    return It->second.Value;
  for (const auto &Entry : Opts.CheckOptions)
    if (compat::startsWith(Entry.getKey(), "alloc-") &&
        compat::endsWith(Entry.getKey(), ("." + Name).str()))
      return Entry.getValue().Value;
  return Default.str();
}

/// Records the files a unit reads outside system headers.
class UserFiles : public PPCallbacks {
public:
  UserFiles(const SourceManager &SM, std::set<std::string> &Out)
      : SM(SM), Out(Out) {}
  void FileChanged(SourceLocation Loc, FileChangeReason Reason,
                   SrcMgr::CharacteristicKind Kind, FileID) override {
    if (Reason != EnterFile || Kind != SrcMgr::C_User)
      return;
    if (auto FE = SM.getFileEntryRefForID(SM.getFileID(Loc))) {
      SmallString<256> P(FE->getName());
      SM.getFileManager().makeAbsolutePath(P);
      llvm::sys::path::remove_dots(P, true);
      Out.insert(std::string(P));
    }
  }

private:
  const SourceManager &SM;
  std::set<std::string> &Out;
};

/// Summarises the externally visible functions one unit defines.
class Collector : public ASTConsumer {
public:
  Collector(std::shared_ptr<const AllocationModel> Model, SummaryUnit &Out)
      : Model(std::move(Model)), Out(Out) {}
  void HandleTranslationUnit(ASTContext &Ctx) override {
    UnitState Unit(Model, nullptr);
    Unit.resolver().setPending(true);
    Unit.summaries().ensure(Ctx);
    for (const FunctionDecl *FD : Unit.summaries().functions()) {
      if (!FD->isExternallyVisible() || !FD->getIdentifier())
        continue;
      const FunctionRule *R = Unit.summaries().lookup(FD);
      if (R && hasFacts(*R))
        Out.Functions.push_back(*R);
    }
    for (FunctionRule &R : hookRules(Ctx, Unit.resolver()))
      if (hasFacts(R))
        Out.Functions.push_back(std::move(R));
    FieldLedger Ledger;
    Ledger.compute(Ctx, Unit.resolver());
    Out.Fields = Ledger.facts();
  }

private:
  std::shared_ptr<const AllocationModel> Model;
  SummaryUnit &Out;
};

class CollectAction : public ASTFrontendAction {
public:
  CollectAction(std::shared_ptr<const AllocationModel> Model, SummaryUnit &Out,
                std::set<std::string> &Files)
      : Model(std::move(Model)), Out(Out), Files(Files) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 StringRef) override {
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<UserFiles>(CI.getSourceManager(), Files));
    return std::make_unique<Collector>(Model, Out);
  }

private:
  std::shared_ptr<const AllocationModel> Model;
  SummaryUnit &Out;
  std::set<std::string> &Files;
};

class CollectFactory : public tooling::FrontendActionFactory {
public:
  CollectFactory(std::shared_ptr<const AllocationModel> Model,
                 SummaryUnit &Out, std::set<std::string> &Files)
      : Model(std::move(Model)), Out(Out), Files(Files) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<CollectAction>(Model, Out, Files);
  }

private:
  std::shared_ptr<const AllocationModel> Model;
  SummaryUnit &Out;
  std::set<std::string> &Files;
};

/// Swallows the compiler's diagnostics: phase two reports them.
class Quiet : public DiagnosticConsumer {};

struct Planned {
  std::string File;
  std::string Key;
  std::shared_ptr<const AllocationModel> Model;
  std::optional<SummaryUnit> Reused;
};

/// Parses \p P's unit and summarises it; false when it does not parse.
bool parseUnit(const SummaryRequest &R, ClangTidyOptionsProvider &Provider,
               const Planned &P, SummaryUnit &Out) {
  Out.File = P.File;
  Out.Key = P.Key;
  std::set<std::string> Files;
  tooling::ClangTool Tool(*R.Compilations, {P.File});
  ClangTidyOptions Opts = Provider.getOptions(P.File);
  Tool.appendArgumentsAdjuster(
      [Opts](const tooling::CommandLineArguments &Args, StringRef) {
        return withExtraArgs(Args, Opts);
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Tool.appendArgumentsAdjuster(tooling::getClangSyntaxOnlyAdjuster());
  Quiet Diags;
  Tool.setDiagnosticConsumer(&Diags);
  Tool.setPrintErrorMessage(false);
  CollectFactory Factory(P.Model, Out, Files);
  bool Ok = Tool.run(&Factory) == 0;
  for (const std::string &F : Files)
    Out.Deps.push_back({F, contentHash(F)});
  return Ok;
}

/// The analysis itself: a hash of this executable, so that summaries made
/// by another build of alloc-tidy are not reused.
const std::string &toolKey() {
  static const std::string Key = [] {
    static int Anchor;
    std::string Exe = llvm::sys::fs::getMainExecutable(nullptr, &Anchor);
    return std::string(ALLOC_TIDY_VERSION) + "/" + contentHash(Exe);
  }();
  return Key;
}

/// The key of a unit: what its summaries depend on besides its files.
std::string unitKey(const tooling::CompilationDatabase &DB, StringRef File,
                    StringRef Rules) {
  std::string Text = toolKey();
  Text += '\0';
  Text += Rules;
  for (const tooling::CompileCommand &C : DB.getCompileCommands(File)) {
    Text += '\0';
    Text += C.Directory;
    for (const std::string &A : C.CommandLine) {
      Text += '\0';
      Text += A;
    }
  }
  return llvm::utohexstr(llvm::xxHash64(llvm::arrayRefFromStringRef(Text)));
}

/// True if every file \p U read still has the content it had.
bool unchanged(const SummaryUnit &U) {
  return !U.Deps.empty() && llvm::all_of(U.Deps, [](const auto &D) {
    return contentHash(D.first) == D.second;
  });
}

} // namespace

SummaryResult summarise(const SummaryRequest &R) {
  SummaryResult Result;
  std::map<std::string, SummaryUnit> Old;
  if (!R.File.empty() && llvm::sys::fs::exists(R.File)) {
    auto Buf = llvm::MemoryBuffer::getFile(R.File, /*IsText=*/true);
    std::vector<SummaryUnit> Units;
    std::vector<std::string> Errors;
    if (!Buf || !readSummaryUnits((*Buf)->getBuffer(), R.File, Units, Errors)) {
      Result.Error =
          Buf ? "'" + R.File +
                    "' is not a summaries file written by alloc-tidy (" +
                    (Errors.empty() ? std::string("unreadable")
                                    : Errors.front()) +
                    "); remove it or choose another --summaries file"
              : "cannot read '" + R.File + "': " + Buf.getError().message();
      return Result;
    }
    for (SummaryUnit &U : Units)
      Old[U.File] = std::move(U);
  }

  // Which units must be parsed again.
  std::unique_ptr<ClangTidyOptionsProvider> Provider = R.MakeProvider();
  std::vector<Planned> Plan;
  for (const std::string &File : R.Units) {
    SmallString<256> Abs(File);
    llvm::sys::fs::make_absolute(Abs);
    llvm::sys::path::remove_dots(Abs, true);
    ClangTidyOptions Opts = Provider->getOptions(Abs);
    RulesConfig Config =
        rulesConfig(option(Opts, "BuiltinRules", defaultBuiltinRules()),
                    option(Opts, "RulesFiles", ""),
                    option(Opts, "ExtraAllocators", ""));
    std::string Rules = option(Opts, "BuiltinRules", defaultBuiltinRules()) +
                        "|" + option(Opts, "RulesFiles", "") + "|" +
                        option(Opts, "ExtraAllocators", "");
    // A rules file edited in place changes what the summaries say.
    for (const std::string &F : Config.Files)
      Rules += "|" + contentHash(F);
    Planned P;
    P.File = std::string(Abs);
    P.Key = unitKey(*R.Compilations, File, Rules);
    std::vector<std::string> Ignored; // phase two reports bad rules
    P.Model = AllocationModel::get(Config, Ignored);
    auto It = Old.find(P.File);
    if (It != Old.end() && It->second.Key == P.Key && unchanged(It->second))
      P.Reused = std::move(It->second);
    Plan.push_back(std::move(P));
  }

  std::vector<SummaryUnit> Units(Plan.size());
  std::vector<size_t> Todo;
  for (size_t I = 0; I < Plan.size(); ++I) {
    if (Plan[I].Reused)
      Units[I] = std::move(*Plan[I].Reused);
    else
      Todo.push_back(I);
  }
  std::atomic<size_t> Next{0}, Failed{0};
  std::mutex ProgressMutex;
  size_t Done = 0;
  auto Worker = [&] {
    std::unique_ptr<ClangTidyOptionsProvider> Own = R.MakeProvider();
    for (size_t I = Next++; I < Todo.size(); I = Next++) {
      const Planned &P = Plan[Todo[I]];
      if (!parseUnit(R, *Own, P, Units[Todo[I]]))
        ++Failed;
      if (R.ShowProgress) {
        std::lock_guard<std::mutex> Lock(ProgressMutex);
        llvm::errs() << "\r[summaries " << ++Done << "/" << Todo.size()
                     << "] " << P.File << "\x1b[K";
        llvm::errs().flush();
      }
    }
  };
  unsigned Jobs = std::max(1u, std::min<unsigned>(R.Jobs, Todo.size()));
  if (Jobs == 1) {
    Worker();
  } else {
    std::vector<std::thread> Threads;
    for (unsigned J = 0; J < Jobs; ++J)
      Threads.emplace_back(Worker);
    for (std::thread &T : Threads)
      T.join();
  }
  if (R.ShowProgress && !Todo.empty())
    llvm::errs() << "\r\x1b[K";

  // Link, in a fixed order: units sorted by file, so results do not depend
  // on -j or on the order of the database.
  llvm::sort(Units, [](const SummaryUnit &A, const SummaryUnit &B) {
    return A.File < B.File;
  });
  std::vector<FunctionRule> Raw;
  for (const SummaryUnit &U : Units)
    llvm::append_range(Raw, U.Functions);
  std::vector<std::string> Ignored;
  std::shared_ptr<const AllocationModel> Declared = AllocationModel::get(
      rulesConfig(defaultBuiltinRules(), "", ""), Ignored);
  if (!Plan.empty())
    Declared = Plan.front().Model;
  std::vector<FunctionRule> Linked = linkSummaries(Raw, *Declared);
  std::vector<const FunctionRule *> Ptrs;
  llvm::StringMap<const FunctionRule *> ByName;
  for (const FunctionRule &F : Linked) {
    Ptrs.push_back(&F);
    ByName[F.Name] = &F;
  }
  std::vector<std::string> Facts;
  for (const SummaryUnit &U : Units)
    llvm::append_range(Facts, U.Fields);
  std::vector<std::string> Unreleased =
      unreleasedFields(Facts, [&](StringRef Name) -> const FunctionRule * {
        if (const FunctionRule *R = ByName.lookup(Name))
          return R;
        return Declared->lookup(Name);
      });
  Result.Text = writeSummaries(
      Ptrs, Units,
      "Function summaries inferred by alloc-tidy " ALLOC_TIDY_VERSION
      " from the bodies of\n" +
          std::to_string(Units.size()) +
          " translation units: a rules file (load it with the option "
          "SummaryFile)\nfollowed by each unit's unlinked summaries, reused "
          "while its files do not\nchange. Written by alloc-tidy "
          "--summaries; do not edit.",
      Unreleased);
  Result.Units = Plan.size();
  Result.Parsed = Todo.size();
  Result.Failed = Failed;
  Result.Functions = Linked.size();
  if (!R.File.empty()) {
    std::string Tmp = R.File + ".tmp";
    std::error_code EC;
    {
      llvm::raw_fd_ostream OS(Tmp, EC, llvm::sys::fs::OF_Text);
      if (!EC)
        OS << Result.Text;
    }
    if (!EC)
      EC = llvm::sys::fs::rename(Tmp, R.File);
    if (EC)
      Result.Error = "cannot write '" + R.File + "': " + EC.message();
  }
  return Result;
}

} // namespace clang::tidy::alloc
