//===--- AllocTidyMain.cpp - the alloc-tidy driver ------------------------===//
//
// alloc-tidy runs the alloc-* checks through clang-tidy's own library, so
// NOLINT, .clang-tidy files, --fix, -p and header filters behave as in
// clang-tidy, and adds what clang-tidy lacks: SARIF and JSON output, the
// allocation inventory, baselines and diff mode for gating changes.
//
// Exit status: 0 clean, 1 findings that gate (see --fail-on), 2 usage or
// input error (unknown option, missing compilation database, a file that
// does not parse or has no compile command, invalid configuration or rules,
// an output that cannot be written): the gate never passes having checked
// nothing.
//
//===----------------------------------------------------------------------===//

#include "Analysis.h"
#include "Compat.h"
#include "Config.h"
#include "Lsp.h"
#include "Output.h"
#include "Summarise.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/WithColor.h"

using namespace llvm;
using namespace clang;
using namespace clang::tidy;
using namespace clang::tidy::alloc;

namespace clang::tidy {
// Defined in AllocTidyModule.cpp: referencing it keeps the module linked.
extern volatile int AllocTidyModuleAnchorSource;
} // namespace clang::tidy

namespace {

cl::OptionCategory Category("alloc-tidy options");

cl::extrahelp CommonHelp(tooling::CommonOptionsParser::HelpMessage);
cl::extrahelp MoreHelp(R"(
alloc-tidy runs the alloc-* checks (the same code as the clang-tidy plugin)
and reads .clang-tidy files as clang-tidy does.

Exit status:
  0  no finding that gates (see --fail-on)
  1  at least one finding that gates
  2  the tool failed: unknown option, missing compilation database, a file
     that does not parse or has no compile command, invalid configuration,
     rules or baseline file, an output that cannot be written

Examples:
  alloc-tidy -p build/ src/*.c
  alloc-tidy --format=sarif -o alloc.sarif -p build/ src/*.c
  alloc-tidy --baseline=main.sarif --format=sarif -o new.sarif -p build/ src/*.c
  alloc-tidy --diff=origin/main -p build/ $(git diff --name-only origin/main -- '*.c')
  alloc-tidy file.c -- -Iinclude -DNDEBUG
  alloc-tidy --lsp [options]    a language server on stdin/stdout, for
                                editors (docs/integrations/editors.md)
)");

// --- clang-tidy's own options, same names and meaning ---------------------
cl::opt<std::string>
    Checks("checks", cl::desc(R"(Comma-separated list of globs with optional '-'
prefix, as in clang-tidy. Default: -*,alloc-*)"),
           cl::init(""), cl::cat(Category));
cl::opt<std::string>
    Config("config", cl::desc(R"(Configuration in YAML/JSON, as clang-tidy's
--config; .clang-tidy files are then not read.)"),
           cl::init(""), cl::cat(Category));
cl::opt<std::string>
    ConfigFile("config-file",
               cl::desc("Read the configuration from this file."), cl::init(""),
               cl::cat(Category));
cl::opt<std::string>
    HeaderFilter("header-filter",
                 cl::desc(R"(Regular expression matching the headers to
report diagnostics from, as in clang-tidy.)"),
                 cl::init(""), cl::cat(Category));
cl::opt<bool> SystemHeaders("system-headers",
                            cl::desc("Report diagnostics from system headers."),
                            cl::init(false), cl::cat(Category));
cl::opt<std::string>
    WarningsAsErrors("warnings-as-errors",
                     cl::desc("Checks whose warnings are errors."),
                     cl::init(""), cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply suggested fixes."), cl::init(false),
                  cl::cat(Category));
cl::opt<bool>
    FixErrors("fix-errors",
              cl::desc("Apply fixes even if compilation errors were found."),
              cl::init(false), cl::cat(Category));
cl::opt<bool> FixNotes("fix-notes", cl::desc("Apply fixes found in notes too."),
                       cl::init(false), cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Do not print statistics and progress."),
                    cl::init(false), cl::cat(Category));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit."),
                         cl::init(false), cl::cat(Category));
cl::opt<bool>
    DumpConfig("dump-config",
               cl::desc("Print the effective configuration and exit."),
               cl::init(false), cl::cat(Category));
cl::opt<bool>
    EnableCheckProfile("enable-check-profile",
                       cl::desc("Print the time spent in each check."),
                       cl::init(false), cl::cat(Category));

// --- what alloc-tidy adds --------------------------------------------------
cl::opt<OutputFormat> Format(
    "format", cl::desc("Output format:"),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "clang-tidy's text (default)"),
               clEnumValN(OutputFormat::Sarif, "sarif", "SARIF 2.1.0"),
               clEnumValN(OutputFormat::Json, "json", "one JSON document")),
    cl::init(OutputFormat::Text), cl::cat(Category));
cl::opt<std::string> OutputFile("o", cl::desc("Write the report to this file."),
                                cl::value_desc("file"), cl::init(""),
                                cl::cat(Category));
cl::opt<unsigned> Jobs("j", cl::desc("Translation units analysed in parallel."),
                       cl::init(1), cl::cat(Category));
cl::opt<FailOn> FailOnOpt(
    "fail-on", cl::desc("Which findings make the exit status 1:"),
    cl::values(
        clEnumValN(FailOn::New, "new",
                   "findings not in the baseline (all, without one; default)"),
        clEnumValN(FailOn::Any, "any", "any finding"),
        clEnumValN(FailOn::None, "none", "never"),
        clEnumValN(FailOn::NewSites, "new-sites",
                   "new findings and any allocation site the change adds, "
                   "justified or not (against the baseline's inventory, or "
                   "on the lines --diff selects)")),
    cl::init(FailOn::New), cl::cat(Category));

cl::opt<bool>
    Inventory("inventory",
              cl::desc(R"(List every allocation site, justified or not, with
its callee, lifetime, reason and fingerprint.)"),
              cl::init(false), cl::cat(Category));
cl::opt<std::string>
    Baseline("baseline", cl::desc(R"(An earlier SARIF report: each result gets a
baselineState (new, unchanged, updated, absent).)"),
             cl::value_desc("file.sarif"), cl::init(""), cl::cat(Category));
cl::opt<std::string>
    Diff("diff", cl::desc(R"(Report only findings on lines changed since this
git revision (working tree against it).)"),
         cl::value_desc("rev"), cl::init(""), cl::cat(Category));
cl::opt<std::string>
    SrcRoot("srcroot",
            cl::desc(R"(Directory that SARIF and JSON paths are relative
to (%SRCROOT%). Default: the current directory.)"),
            cl::init(""), cl::cat(Category));

// --- gating and adoption: baselines, exclusions, upload limits -----------
cl::list<std::string>
    Exclude("exclude", cl::desc(R"(Leave out the inputs matching this glob (on
the path relative to --srcroot, or the absolute path); repeatable.
Example: --exclude='deps/*')"),
            cl::value_desc("glob"), cl::cat(Category));
cl::opt<std::string> WriteBaseline(
    "write-baseline", cl::desc(R"(Write the findings and the allocation
inventory as a baseline (SARIF) to this file.  With --baseline, only the
findings already in it are kept: a refresh drops what was fixed and accepts
nothing new.  The findings do not gate unless --fail-on is given.)"),
    cl::value_desc("file.sarif"), cl::init(""), cl::cat(Category));
cl::opt<bool> OnlyNew("only-new",
                      cl::desc(R"(Report only new findings (not in the
baseline; without one, all), without the baseline's absent ones: what to
upload to code scanning.)"),
                      cl::init(false), cl::cat(Category));
cl::opt<unsigned>
    MaxResults("max-results",
               cl::desc(R"(SARIF: keep at most this many results (new ones and
errors first) and say how many were left out.  GitHub shows 5000 and
rejects more than 25000 per run.  Default: all.)"),
               cl::init(0), cl::cat(Category));

cl::opt<std::string>
    ExportContracts("export-contracts",
                    cl::desc(R"(Write the ownership contracts inferred for the
externally visible functions defined in the inputs as a rules file, for a
library's users to load with RulesFiles.)"),
                    cl::value_desc("file.yaml"), cl::init(""),
                    cl::cat(Category));
cl::opt<std::string> Summaries(
    "summaries",
    cl::desc(R"(Function summaries of the whole project (phase one: every unit
of the compilation database is summarised, then the checks run with what
each function defined elsewhere does with memory). The file is reused for
units whose files did not change. 'none': each file on its own.
Default: alloc-tidy-summaries.yaml beside compile_commands.json; with
'--' flags, the inputs' summaries, not kept.)"),
    cl::value_desc("file|none"), cl::init(""), cl::cat(Category));

/// The summaries file the checks read in phase two (set after phase one).
std::string SummaryFileForChecks;

cl::opt<std::string>
    ContractsFamily("contracts-family",
                    cl::desc("The 'family' of the exported rules file."),
                    cl::init("exported"), cl::cat(Category));

/// Writes \p Result's contracts as a rules file; an error message or "".
std::string writeContracts(const AnalysisResult &Result, StringRef Path,
                           StringRef Family) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC, sys::fs::OF_Text);
  if (EC)
    return ("cannot write '" + Path + "': " + EC.message()).str();
  auto List = [&](const char *Key, const std::vector<unsigned> &V) {
    if (V.empty())
      return;
    OS << ", " << Key << ": [";
    for (size_t I = 0; I < V.size(); ++I)
      OS << (I ? ", " : "") << V[I];
    OS << "]";
  };
  OS << "# Ownership contracts inferred by alloc-tidy " << ALLOC_TIDY_VERSION
     << " from the source of " << Result.Contracts.size()
     << " functions.\n# Review them before shipping; load with RulesFiles. "
        "Schema: docs/rules-schema.md.\n";
  OS << "family: " << Family << "\nfunctions:\n";
  for (const ExportedContract &C : Result.Contracts) {
    OS << "  - {name: " << C.Name;
    if (C.ReturnsOwned)
      OS << ", allocates: return";
    if (C.Frees)
      OS << ", frees: " << *C.Frees;
    List("takes", C.Takes);
    List("copies", C.Copies);
    List("borrows", C.Borrows);
    OS << "}\n";
  }
  return "";
}

/// The -p value and whether "--" separates compiler flags, read before
/// CommonOptionsParser, which would fall back to "no flags" silently.
struct DatabaseRequest {
  std::optional<std::string> BuildPath;
  bool HasFixedFlags = false;
};

DatabaseRequest scanDatabaseArgs(int Argc, const char **Argv) {
  DatabaseRequest R;
  for (int I = 1; I < Argc; ++I) {
    StringRef A = Argv[I];
    if (A == "--") {
      R.HasFixedFlags = true;
      break;
    }
    if ((A == "-p" || A == "--p") && I + 1 < Argc)
      R.BuildPath = Argv[++I];
    else if (A.consume_front("-p=") || A.consume_front("--p="))
      R.BuildPath = A.str();
  }
  return R;
}

/// Checks that every source has compile flags; an error message otherwise.
std::optional<std::string> checkDatabase(const DatabaseRequest &R,
                                         ArrayRef<std::string> Sources) {
  if (R.HasFixedFlags)
    return std::nullopt;
  std::string Error;
  if (R.BuildPath) {
    if (!tooling::CompilationDatabase::autoDetectFromDirectory(*R.BuildPath,
                                                               Error))
      return "no compilation database in '" + *R.BuildPath + "': " + Error +
             "\nrun CMake with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON (or bear) "
             "there, or pass compiler flags after '--'";
    return std::nullopt;
  }
  for (const std::string &S : Sources)
    if (!tooling::CompilationDatabase::autoDetectFromSource(S, Error))
      return "no compilation database found for '" + S +
             "' (no compile_commands.json in its directory or above)\npass "
             "-p <build directory>, or compiler flags after '--'";
  return std::nullopt;
}

/// The directory of the compilation database in use, if any.
std::optional<std::string> databaseDirectory(const DatabaseRequest &R,
                                             ArrayRef<std::string> Sources) {
  if (R.HasFixedFlags)
    return std::nullopt;
  if (R.BuildPath)
    return *R.BuildPath;
  if (Sources.empty())
    return std::nullopt;
  SmallString<256> Dir(Sources.front());
  sys::fs::make_absolute(Dir);
  for (StringRef D = sys::path::parent_path(Dir); !D.empty();
       D = sys::path::parent_path(D))
    if (sys::fs::exists(D + "/compile_commands.json"))
      return D.str();
  return std::nullopt;
}

/// clang-tidy's layering of options: defaults, .clang-tidy files (or
/// --config / --config-file), then the command line.
std::unique_ptr<ClangTidyOptionsProvider>
createOptionsProvider(IntrusiveRefCntPtr<vfs::FileSystem> FS,
                      std::string &Error) {
  ClangTidyGlobalOptions GlobalOptions;
  ClangTidyOptions DefaultOptions;
  DefaultOptions.Checks = "-*,alloc-*";
  DefaultOptions.WarningsAsErrors = "";
  DefaultOptions.HeaderFilterRegex = HeaderFilter;
  DefaultOptions.SystemHeaders = SystemHeaders;
  DefaultOptions.User = sys::Process::GetEnv("USER");

  ClangTidyOptions OverrideOptions;
  if (Checks.getNumOccurrences() > 0)
    OverrideOptions.Checks = Checks;
  if (WarningsAsErrors.getNumOccurrences() > 0)
    OverrideOptions.WarningsAsErrors = WarningsAsErrors;
  if (HeaderFilter.getNumOccurrences() > 0)
    OverrideOptions.HeaderFilterRegex = HeaderFilter;
  if (SystemHeaders.getNumOccurrences() > 0)
    OverrideOptions.SystemHeaders = SystemHeaders;
  if (!SummaryFileForChecks.empty())
    OverrideOptions.CheckOptions["SummaryFile"] =
        ClangTidyOptions::ClangTidyValue(SummaryFileForChecks);

  auto FromText =
      [&](StringRef Text,
          StringRef Source) -> std::unique_ptr<ClangTidyOptionsProvider> {
    ErrorOr<ClangTidyOptions> Parsed =
        parseConfiguration(MemoryBufferRef(Text, Source));
    if (!Parsed) {
      Error = ("invalid configuration in " + Source + ": " +
               Parsed.getError().message())
                  .str();
      return nullptr;
    }
    return std::make_unique<ConfigOptionsProvider>(
        GlobalOptions, ClangTidyOptions::getDefaults().merge(DefaultOptions, 0),
        std::move(*Parsed), OverrideOptions, FS);
  };
  if (ConfigFile.getNumOccurrences() > 0) {
    if (Config.getNumOccurrences() > 0) {
      Error = "--config-file and --config are mutually exclusive";
      return nullptr;
    }
    auto Text = MemoryBuffer::getFile(ConfigFile);
    if (!Text) {
      Error = "cannot read config file '" + ConfigFile +
              "': " + Text.getError().message();
      return nullptr;
    }
    return FromText((*Text)->getBuffer(), ConfigFile);
  }
  if (Config.getNumOccurrences() > 0)
    return FromText(Config, "<command-line-config>");
  return std::make_unique<FileOptionsProvider>(GlobalOptions, DefaultOptions,
                                               OverrideOptions, FS);
}

int usageError(const Twine &Message) {
  WithColor::error(errs(), "alloc-tidy") << Message << "\n";
  return 2;
}

} // namespace

int main(int Argc, const char **Argv) {
  InitLLVM X(Argc, Argv);
  (void)AllocTidyModuleAnchorSource;
  // --lsp [driver options]: a language server; the options go to each run.
  if (Argc > 1 && StringRef(Argv[1]) == "--lsp")
    return runLanguageServer(Argv[0],
                             std::vector<std::string>(Argv + 2, Argv + Argc));
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "alloc-tidy " << ALLOC_TIDY_VERSION << " (LLVM "
       << LLVM_VERSION_STRING << ")\n";
  });

  DatabaseRequest DB = scanDatabaseArgs(Argc, Argv);
  auto Parser = tooling::CommonOptionsParser::create(Argc, Argv, Category,
                                                     cl::ZeroOrMore);
  if (!Parser)
    return usageError(toString(Parser.takeError()));
  if (Jobs == 0)
    return usageError("-j must be at least 1");

  std::vector<std::string> Sources = Parser->getSourcePathList();
  auto BaseFS =
      makeIntrusiveRefCnt<vfs::OverlayFileSystem>(vfs::getRealFileSystem());
  std::string ConfigError;
  auto MakeProvider = [&] {
    return createOptionsProvider(BaseFS, ConfigError);
  };
  std::unique_ptr<ClangTidyOptionsProvider> Provider = MakeProvider();
  if (!Provider)
    return usageError(ConfigError);

  SmallString<256> FirstFile(Sources.empty() ? "dummy" : Sources.front());
  (void)sys::fs::make_absolute(FirstFile); // relative still works for lookup
  ClangTidyOptions Effective = Provider->getOptions(FirstFile);
  std::vector<std::string> Enabled = compat::getCheckNames(Effective, false);
  bool ExplicitConfig =
      Config.getNumOccurrences() > 0 || ConfigFile.getNumOccurrences() > 0;
  if (ListChecks) {
    outs() << "Enabled checks:";
    for (const std::string &C : Enabled)
      outs() << "\n    " << C;
    outs() << "\n\n";
    return 0;
  }
  if (DumpConfig) {
    Effective.CheckOptions = compat::getCheckOptions(Effective, false);
    outs() << configurationAsText(
                  ClangTidyOptions::getDefaults().merge(Effective, 0))
           << "\n";
    return 0;
  }
  // Checks turned off on the command line is a usage error; a directory's
  // .clang-tidy turning them off leaves that directory out (below).
  if (Enabled.empty() && (Checks.getNumOccurrences() > 0 || ExplicitConfig))
    return usageError("no checks enabled (see --checks and .clang-tidy)");
  if (Sources.empty())
    return usageError("no input files; usage: alloc-tidy [options] <file>... "
                      "[-- <compiler flags>]");
  for (const std::string &S : Sources)
    if (!sys::fs::exists(S))
      return usageError("no such file: '" + S + "'");

  // Configuration that would make the gate check something else than what
  // it says: a .clang-tidy clang-tidy would skip, unknown option keys.
  if (ExplicitConfig) {
    std::vector<std::string> Problems =
        checkOptionKeys(Effective, ConfigFile.empty() ? StringRef("--config")
                                                      : StringRef(ConfigFile));
    if (!Problems.empty())
      return usageError(Problems.front());
  } else if (std::string E = checkConfigFiles(Sources); !E.empty()) {
    return usageError(E);
  }
  // Outputs that cannot be written fail now, not after the analysis.
  for (const std::string *Out :
       {&OutputFile.getValue(), &WriteBaseline.getValue(),
        &ExportContracts.getValue()})
    if (!Out->empty())
      if (std::string E = checkWritable(*Out); !E.empty())
        return usageError(E);
  if (FailOnOpt == FailOn::NewSites && Baseline.empty() && Diff.empty() &&
      !Quiet)
    errs() << "alloc-tidy: --fail-on=new-sites without --baseline or --diff: "
              "every allocation site is new\n";

  SmallString<256> Root(SrcRoot.empty() ? "." : StringRef(SrcRoot));
  if (std::error_code EC = sys::fs::make_absolute(Root))
    return usageError("cannot resolve --srcroot '" + SrcRoot +
                      "': " + EC.message());
  sys::path::remove_dots(Root, true);

  // Inputs left out on purpose: --exclude, and directories whose
  // .clang-tidy enables no alloc-* check (vendored code).
  std::vector<GlobPattern> ExcludePatterns;
  for (const std::string &G : Exclude) {
    Expected<GlobPattern> P = GlobPattern::create(G);
    if (!P)
      return usageError("invalid --exclude pattern '" + G +
                        "': " + toString(P.takeError()));
    ExcludePatterns.push_back(std::move(*P));
  }
  InputChoice Inputs = chooseInputs(Sources, ExcludePatterns, Root, *Provider);
  if (!Quiet && (!Inputs.Excluded.empty() || !Inputs.NoChecks.empty()))
    errs() << "alloc-tidy: left out " << Inputs.Excluded.size()
           << " input(s) matching --exclude and " << Inputs.NoChecks.size()
           << " whose .clang-tidy enables no alloc-* check\n";
  if (Inputs.Analyse.empty()) {
    // Nothing to analyse because the user said so: not a failure (a
    // pre-commit run touching only vendored files passes).
    if (!Quiet)
      errs() << "alloc-tidy: nothing to analyse: every input was left out\n";
    return 0;
  }
  Sources = Inputs.Analyse;
  if (std::optional<std::string> E = checkDatabase(DB, Sources))
    return usageError(*E);

  InitializeAllTargetInfos();
  InitializeAllTargetMCs();
  InitializeAllAsmParsers();

  // Phase one: the project's function summaries.
  std::optional<FileRemover> SummaryTemp; // a temporary summaries file
  std::optional<std::string> DBDir = databaseDirectory(DB, Sources);
  // One file with '--' flags: phase one would summarise that file alone,
  // and the checks infer the same summaries from its bodies (a unit's own
  // definitions win over the file): it would only parse it twice.
  const bool OneFileAlone = !DBDir && Summaries.empty() && Sources.size() == 1;
  if (Summaries != "none" && !OneFileAlone) {
    SummaryRequest S;
    S.Compilations = &Parser->getCompilations();
    S.MakeProvider = [&]() -> std::unique_ptr<ClangTidyOptionsProvider> {
      std::string Ignored;
      return createOptionsProvider(BaseFS, Ignored);
    };
    S.Jobs = Jobs;
    S.ShowProgress = !Quiet && errs().is_displayed();
    S.Units = DBDir ? S.Compilations->getAllFiles() : Sources;
    if (!Summaries.empty())
      S.File = Summaries;
    else if (DBDir)
      S.File = *DBDir + "/alloc-tidy-summaries.yaml";
    SummaryResult SR = summarise(S);
    if (!SR.Error.empty())
      return usageError(SR.Error);
    bool Kept = !S.File.empty();
    if (!Kept) {
      SmallString<128> Tmp;
      int FD;
      if (std::error_code EC = sys::fs::createTemporaryFile(
              "alloc-tidy-summaries", "yaml", FD, Tmp))
        return usageError("cannot create a temporary file: " + EC.message());
      raw_fd_ostream OS(FD, /*shouldClose=*/true);
      OS << SR.Text;
      S.File = std::string(Tmp);
      SummaryTemp.emplace(S.File);
    }
    SummaryFileForChecks = S.File;
    if (!Quiet && Kept)
      errs() << "alloc-tidy: summaries of " << SR.Units << " units ("
             << SR.Parsed << " parsed, " << SR.Units - SR.Parsed
             << " reused): " << SR.Functions << " functions, in "
             << S.File << "\n";
  }

  AnalysisRequest Request;
  Request.Compilations = &Parser->getCompilations();
  Request.Sources = Sources;
  Request.MakeProvider = [&]() -> std::unique_ptr<ClangTidyOptionsProvider> {
    std::string Ignored;
    return createOptionsProvider(BaseFS, Ignored);
  };
  Request.Jobs = Jobs;
  Request.FixNotes = FixNotes;
  Request.EnableCheckProfile = EnableCheckProfile;
  Request.ShowProgress = !Quiet && Sources.size() > 1 && errs().is_displayed();
  // Fingerprints name the enclosing function; the inventory lists sites.
  Request.RecordSites = Format != OutputFormat::Text || Inventory ||
                        !Baseline.empty() || !WriteBaseline.empty() ||
                        FailOnOpt == FailOn::NewSites || !Diff.empty();
  Request.ExportContracts = !ExportContracts.empty();
  if ((Fix || FixErrors || FixNotes) && Format != OutputFormat::Text)
    return usageError("--fix applies to --format=text only");
  AnalysisResult Result = analyse(Request);

  bool ParseErrors = llvm::any_of(Result.Errors, [](const ClangTidyError &E) {
    return E.DiagLevel == ClangTidyError::Error;
  });

  if (!ExportContracts.empty())
    if (std::string E =
            writeContracts(Result, ExportContracts, ContractsFamily);
        !E.empty())
      return usageError(E);

  ReportRequest Report;
  Report.Format = Format;
  Report.OutputFile = OutputFile;
  Report.Quiet = Quiet;
  Report.Fix = FixNotes ? FB_FixNotes : (Fix || FixErrors) ? FB_Fix : FB_NoFix;
  if (ParseErrors && !FixErrors)
    Report.Fix = FB_NoFix;
  Report.Gate = FailOnOpt;
  // Writing a baseline accepts the findings: they gate only when asked.
  if (!WriteBaseline.empty() && FailOnOpt.getNumOccurrences() == 0)
    Report.Gate = FailOn::None;
  Report.Inventory = Inventory;
  Report.BaselineFile = Baseline;
  Report.DiffRev = Diff;
  Report.OnlyNew = OnlyNew;
  Report.MaxResults = MaxResults;
  Report.WriteBaseline = WriteBaseline;
  Report.SrcRoot = std::string(Root);
  Report.Provider = MakeProvider();
  Report.BaseFS = BaseFS;
  ReportOutcome Outcome = report(Result, Report);
  if (!Outcome.Error.empty())
    return usageError(Outcome.Error);
  // A source the database has no command for was not analysed: the gate
  // cannot pass on it.
  if (!Result.NoCommand.empty()) {
    std::string List;
    for (size_t I = 0; I < Result.NoCommand.size() && I < 5; ++I)
      List += (I ? ", '" : "'") + Result.NoCommand[I] + "'";
    if (Result.NoCommand.size() > 5)
      List += ", ...";
    return usageError(Twine(Result.NoCommand.size()) + " of " +
                      Twine(Sources.size()) +
                      " inputs have no compile command in the compilation "
                      "database and were not analysed: " +
                      List +
                      "\nregenerate compile_commands.json, or leave "
                      "them out with --exclude");
  }
  if (ParseErrors) {
    if (!Quiet)
      errs() << "alloc-tidy: errors found (above); the result is not "
                "trustworthy until every file parses and the configuration "
                "is valid\n";
    return 2;
  }
  return Outcome.Gate ? 1 : 0;
}
