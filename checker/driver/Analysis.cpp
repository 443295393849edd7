//===--- Analysis.cpp - run the checks over translation units -------------===//

#include "Analysis.h"
#include "Compat.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyModule.h"
#include "core/AllocCheckBase.h"
#include "core/AllocationSites.h"
#include "core/Contracts.h"
#include "core/Justification.h"
#include "core/OwnershipDataflow.h"
#include "core/Parents.h"
#include "core/UnitCode.h"
#include "core/Summaries.h"
#include "clang/AST/ASTConsumer.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <mutex>
#include <thread>

namespace clang::tidy::alloc {

namespace {

/// What one translation unit produced.
struct UnitResult {
  bool NoCommand = false; ///< the database has no command for it
  std::vector<ClangTidyError> Errors;
  ClangTidyStats Stats;
  std::vector<FunctionRange> Functions;
  std::vector<InventoryEntry> Sites;
  std::vector<ExportedContract> Contracts;
};

std::string absolutePath(StringRef File, const SourceManager &SM,
                         SourceLocation Loc) {
  auto FE = SM.getFileEntryRefForID(SM.getFileID(Loc));
  SmallString<256> P(FE ? FE->getName() : File);
  SM.getFileManager().makeAbsolutePath(P);
  llvm::sys::path::remove_dots(P, /*remove_dot_dot=*/true);
  return std::string(P);
}

/// Records function extents and allocation sites with the core's site
/// collector and justification index, in the same parse as the checks.
class SiteRecorder : public ASTConsumer {
public:
  SiteRecorder(CompilerInstance &CI,
               std::shared_ptr<const AllocationModel> Model,
               std::shared_ptr<const AllocationModel> External, bool Inferred,
               bool Contracts, UnitResult &Out)
      : Model(std::move(Model)), External(std::move(External)),
        Inferred(Inferred),
        Index(sharedJustifications(CI.getPreprocessor())), Contracts(Contracts),
        Out(Out) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    this->Ctx = &Ctx;
    // The checks' state for this unit, when they ran (same rules): the
    // summaries are inferred once.
    Unit = &UnitState::get(Model, External);
    Sites.emplace(Unit->resolver(), Inferred);
    Sites->collect(Ctx);
    // The unit's function definitions (those of a C++ linkage block too).
    for (const CodeDecl &CD : unitCode(Ctx))
      if (const FunctionDecl *FD = CD.function())
        recordFunction(FD);
    const SourceManager &SM = Ctx.getSourceManager();
    for (const AllocationSite &S : Sites->finish(SM)) {
      InventoryEntry E;
      E.File = absolutePath("", SM, S.Loc);
      E.Offset = SM.getFileOffset(S.Loc);
      E.Callee = S.Rule->Name;
      E.Macro = S.Macro;
      E.AddressTaken = S.AddressTaken;
      E.Realloc = S.Rule->ReallocArg.has_value();
      const Justification *J =
          Index->find(S.Loc, SM, [&] { return justificationScope(S.E, Ctx); });
      if (!J) {
        E.Status = "unjustified";
      } else if (!J->valid()) {
        E.Status = "malformed";
        E.Reason = J->Error;
      } else {
        E.Status = "justified";
        E.Lifetime = spell(*J->Life).str();
        E.Reason = J->Reason;
      }
      Out.Sites.push_back(std::move(E));
    }
  }

  void recordFunction(const FunctionDecl *FD) {
    const SourceManager &SM = Ctx->getSourceManager();
    if (!FD->doesThisDeclarationHaveABody() || !FD->getIdentifier())
      return;
    SourceLocation B = SM.getFileLoc(FD->getBeginLoc());
    SourceLocation E = SM.getFileLoc(FD->getEndLoc());
    if (SM.isInSystemHeader(B) || SM.getFileID(B) != SM.getFileID(E))
      return;
    Out.Functions.push_back({absolutePath("", SM, B), SM.getFileOffset(B),
                             SM.getFileOffset(E), FD->getName().str()});
    if (Contracts && FD->isExternallyVisible())
      exportContract(FD, absolutePath("", SM, B));
  }

  /// The contract callers of \p FD can rely on, in rules-file terms.
  void exportContract(const FunctionDecl *FD, std::string File) {
    ExportedContract X;
    X.Name = FD->getName().str();
    X.File = std::move(File);
    FunctionContract C =
        inferContract(FD, *Ctx, Unit->resolver(), Index.get());
    for (const ParamContract &P : C.Params) {
      if (P.Frees && !X.Frees)
        X.Frees = P.Index;
      else if (P.Contract == ArgContract::Takes)
        X.Takes.push_back(P.Index);
      else if (P.Contract == ArgContract::Copies)
        X.Copies.push_back(P.Index);
      else
        X.Borrows.push_back(P.Index);
    }
    if (FD->getReturnType()->isPointerType()) {
      std::shared_ptr<const OwnershipAnalysis> A = Unit->analysis(FD, *Ctx);
      if (A->analysed())
        for (const ExitState &E : A->exits())
          if ((E.Gone & GoneReturned) && A->allocations()[E.A].fresh())
            X.ReturnsOwned = true;
    }
    if (X.Frees || !X.Takes.empty() || !X.Copies.empty() ||
        !X.Borrows.empty() || X.ReturnsOwned)
      Out.Contracts.push_back(std::move(X));
  }

private:
  std::shared_ptr<const AllocationModel> Model, External;
  bool Inferred;
  UnitState *Unit = nullptr;
  std::optional<SiteCollector> Sites;
  std::shared_ptr<const JustificationIndex> Index;
  bool Contracts;
  UnitResult &Out;
  ASTContext *Ctx = nullptr;
};

/// The value of a check option as clang-tidy's getLocalOrGlobal reads it for
/// alloc-unjustified, whose rules the inventory reports.
std::string optionFor(const ClangTidyOptions &Opts, StringRef Name,
                      StringRef Default) {
  for (const std::string &Key :
       {("alloc-unjustified." + Name).str(), Name.str()}) {
    auto It = Opts.CheckOptions.find(Key);
    if (It != Opts.CheckOptions.end())
      return It->second.Value;
  }
  return Default.str();
}

/// clang-tidy's frontend action, with the site recorder alongside.
class ActionFactory : public tooling::FrontendActionFactory {
public:
  ActionFactory(ClangTidyContext &Context,
                IntrusiveRefCntPtr<llvm::vfs::OverlayFileSystem> FS,
                bool Record, bool Contracts, UnitResult &Out)
      : Context(Context), Tidy(Context, std::move(FS)), Record(Record),
        Contracts(Contracts), Out(Out) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<Action>(*this);
  }
  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCH,
                     DiagnosticConsumer *Diags) override {
    // As clang-tidy: code guarded by __clang_analyzer__ is seen.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    // No "N warnings generated." per unit: the driver prints one summary,
    // and under -j the units' lines would interleave.
    Invocation->getDiagnosticOpts().ShowCarets = false;
    return FrontendActionFactory::runInvocation(Invocation, Files, PCH, Diags);
  }

private:
  class Action : public ASTFrontendAction {
  public:
    explicit Action(ActionFactory &F) : F(F) {}
    std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                   StringRef File) override {
      std::unique_ptr<ASTConsumer> Tidy = F.Tidy.createASTConsumer(CI, File);
      if (!F.Record)
        return Tidy;
      ClangTidyOptions Opts = F.Context.getOptionsForFile(File);
      RulesConfig Config =
          rulesConfig(optionFor(Opts, "BuiltinRules", defaultBuiltinRules()),
                      optionFor(Opts, "RulesFiles", ""),
                      optionFor(Opts, "ExtraAllocators", ""));
      std::vector<std::string> Ignored; // reported by the checks themselves
      std::string SummaryFile = optionFor(Opts, "SummaryFile", "");
      std::shared_ptr<const AllocationModel> External;
      if (!SummaryFile.empty())
        External = AllocationModel::get(rulesConfig("", SummaryFile, ""),
                                        Ignored);
      std::vector<std::unique_ptr<ASTConsumer>> Consumers;
      Consumers.push_back(std::move(Tidy));
      Consumers.push_back(std::make_unique<SiteRecorder>(
          CI, AllocationModel::get(Config, Ignored), std::move(External),
          compat::parseBoolOption(
              optionFor(Opts, "InferredAllocators", "true"))
              .value_or(true),
          F.Contracts, F.Out));
      return std::make_unique<MultiplexConsumer>(std::move(Consumers));
    }

  private:
    ActionFactory &F;
  };

  ClangTidyContext &Context;
  ClangTidyASTConsumerFactory Tidy;
  bool Record;
  bool Contracts;
  UnitResult &Out;
};

/// Analyses one source file in its own context and file system, so workers
/// share nothing mutable.
UnitResult analyseOne(const AnalysisRequest &R, const std::string &Source) {
  UnitResult Out;
  // ClangTool would print "Skipping ..." and go on: the driver reports it.
  SmallString<256> Abs(Source);
  llvm::sys::fs::make_absolute(Abs);
  if (R.Compilations->getCompileCommands(Abs).empty()) {
    Out.NoCommand = true;
    return Out;
  }
  ClangTidyContext Context(R.MakeProvider());
  auto FS = llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(
      llvm::vfs::createPhysicalFileSystem());
  tooling::ClangTool Tool(*R.Compilations, {Source},
                          std::make_shared<PCHContainerOperations>(), FS);
  // Extra arguments from .clang-tidy (ExtraArgs, ExtraArgsBefore).
  Tool.appendArgumentsAdjuster(
      [&Context](const tooling::CommandLineArguments &Args, StringRef File) {
        return withExtraArgs(Args, Context.getOptionsForFile(File));
      });
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Context.setEnableProfiling(R.EnableCheckProfile);

  ClangTidyDiagnosticConsumer DiagConsumer(Context, nullptr, true, R.FixNotes);
  std::unique_ptr<DiagnosticsEngine> DE =
      compat::contextDiagnostics(Context, &DiagConsumer);
  Tool.setDiagnosticConsumer(&DiagConsumer);
  Tool.setPrintErrorMessage(false);
  ActionFactory Factory(Context, FS, R.RecordSites || R.ExportContracts,
                        R.ExportContracts, Out);
  Tool.run(&Factory);
  Out.Errors = DiagConsumer.take();
  Out.Stats = Context.getStats();
  return Out;
}

void addStats(ClangTidyStats &To, const ClangTidyStats &From) {
  To.ErrorsDisplayed += From.ErrorsDisplayed;
  To.ErrorsIgnoredCheckFilter += From.ErrorsIgnoredCheckFilter;
  To.ErrorsIgnoredNOLINT += From.ErrorsIgnoredNOLINT;
  To.ErrorsIgnoredNonUserCode += From.ErrorsIgnoredNonUserCode;
  To.ErrorsIgnoredLineFilter += From.ErrorsIgnoredLineFilter;
}

/// Sorts \p V by \p Key (stably) and drops entries with an equal key: a
/// header seen from several units reports the same thing again.
template <typename T, typename KeyFn>
void sortUnique(std::vector<T> &V, KeyFn Key) {
  llvm::stable_sort(V, [&](const T &A, const T &B) { return Key(A) < Key(B); });
  V.erase(std::unique(V.begin(), V.end(),
                      [&](const T &A, const T &B) { return Key(A) == Key(B); }),
          V.end());
}

/// \p Path made absolute: a compilation database's relative paths are
/// relative to its entry's directory, where the unit was compiled.
std::string absoluteIn(StringRef Path, StringRef BuildDirectory) {
  SmallString<256> P(Path);
  if (P.empty())
    return "";
  if (!llvm::sys::path::is_absolute(P)) {
    if (!BuildDirectory.empty())
      compat::makeAbsolute(BuildDirectory, P);
    else
      llvm::sys::fs::make_absolute(P);
  }
  llvm::sys::path::remove_dots(P, true);
  return std::string(P);
}

/// \p Fix with every file path absolute.
llvm::StringMap<tooling::Replacements>
absoluteFix(const llvm::StringMap<tooling::Replacements> &Fix,
            StringRef BuildDirectory) {
  llvm::StringMap<tooling::Replacements> Out;
  for (const auto &Entry : Fix) {
    std::string Abs = absoluteIn(Entry.getKey(), BuildDirectory);
    for (const tooling::Replacement &Rep : Entry.getValue())
      llvm::consumeError(Out[Abs].add(tooling::Replacement(
          Abs, Rep.getOffset(), Rep.getLength(), Rep.getReplacementText())));
  }
  return Out;
}

/// \p M with its paths (place, ranges, fixes) absolute.
void makeAbsolute(tooling::DiagnosticMessage &M, StringRef BuildDirectory) {
  M.FilePath = absoluteIn(M.FilePath, BuildDirectory);
  for (tooling::FileByteRange &R : M.Ranges)
    R.FilePath = absoluteIn(R.FilePath, BuildDirectory);
  if (!M.Fix.empty())
    M.Fix = absoluteFix(M.Fix, BuildDirectory);
}

} // namespace

tooling::CommandLineArguments
withExtraArgs(const tooling::CommandLineArguments &Args,
              const ClangTidyOptions &Opts) {
  tooling::CommandLineArguments Adjusted = Args;
  if (Opts.ExtraArgsBefore) {
    auto I = Adjusted.begin();
    if (I != Adjusted.end() && !compat::startsWith(StringRef(*I), "-"))
      ++I; // the compiler's name
    Adjusted.insert(I, Opts.ExtraArgsBefore->begin(),
                    Opts.ExtraArgsBefore->end());
  }
  if (Opts.ExtraArgs)
    Adjusted.insert(Adjusted.end(), Opts.ExtraArgs->begin(),
                    Opts.ExtraArgs->end());
  return Adjusted;
}

AnalysisResult analyse(const AnalysisRequest &R) {
  std::vector<UnitResult> Units(R.Sources.size());
  std::atomic<size_t> Next{0};
  std::mutex ProgressMutex;
  size_t Done = 0;
  auto Worker = [&] {
    for (size_t I = Next++; I < R.Sources.size(); I = Next++) {
      Units[I] = analyseOne(R, R.Sources[I]);
      if (R.ShowProgress) {
        std::lock_guard<std::mutex> Lock(ProgressMutex);
        llvm::errs() << "\r[" << ++Done << "/" << R.Sources.size() << "] "
                     << R.Sources[I] << "\x1b[K";
        llvm::errs().flush();
      }
    }
  };
  unsigned Jobs = std::max(1u, std::min<unsigned>(R.Jobs, R.Sources.size()));
  if (Jobs == 1) {
    Worker();
  } else {
    std::vector<std::thread> Threads;
    for (unsigned J = 0; J < Jobs; ++J)
      Threads.emplace_back(Worker);
    for (std::thread &T : Threads)
      T.join();
  }
  if (R.ShowProgress)
    llvm::errs() << "\r\x1b[K";

  AnalysisResult Result;
  for (size_t I = 0; I < Units.size(); ++I) {
    UnitResult &U = Units[I];
    if (U.NoCommand) {
      Result.NoCommand.push_back(R.Sources[I]);
      continue;
    }
    ++Result.Analysed;
    for (ClangTidyError &E : U.Errors) {
      makeAbsolute(E.Message, E.BuildDirectory);
      for (tooling::DiagnosticMessage &N : E.Notes)
        makeAbsolute(N, E.BuildDirectory);
      // A compiler error without a place (a bad flag, an unreadable file)
      // is about this unit: name it, so every report can point at it.
      if (E.Message.FilePath.empty() &&
          compat::startsWith(E.DiagnosticName, "clang-diagnostic-"))
        E.Message.FilePath = absoluteIn(R.Sources[I], "");
      Result.Errors.push_back(std::move(E));
    }
    addStats(Result.Stats, U.Stats);
    llvm::append_range(Result.Functions, U.Functions);
    llvm::append_range(Result.Sites, U.Sites);
    llvm::append_range(Result.Contracts, U.Contracts);
  }
  // One contract per function: a header's inline function is seen from
  // every unit that includes it.
  sortUnique(Result.Contracts,
             [](const ExportedContract &C) { return C.Name; });
  sortUnique(Result.Errors, [](const ClangTidyError &E) {
    return std::make_tuple(E.Message.FilePath, E.Message.FileOffset,
                           E.DiagnosticName, E.Message.Message);
  });
  sortUnique(Result.Sites, [](const InventoryEntry &E) {
    return std::make_tuple(E.File, E.Offset, E.Callee, E.AddressTaken);
  });
  sortUnique(Result.Functions, [](const FunctionRange &F) {
    return std::make_tuple(F.File, F.Begin, F.End, F.Name);
  });
  return Result;
}

} // namespace clang::tidy::alloc
