//===--- Output.cpp - text, JSON and SARIF reports; gating ----------------===//

#include "Output.h"
#include "Compat.h"
#include "Findings.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/Sarif.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <set>

#ifndef ALLOC_TIDY_DOCS_URL
#define ALLOC_TIDY_DOCS_URL                                                    \
  "https://github.com/alloc-tidy/alloc-tidy/blob/main/docs/"
#endif

namespace clang::tidy::alloc {

namespace {

namespace json = llvm::json;

/// docs/checks/*.md, embedded by cmake/EmbedFiles.cmake.
struct CheckDoc {
  llvm::StringRef Name;
  llvm::StringRef Path;
  llvm::StringRef Text;
};
const CheckDoc CheckDocs[] = {
#include "CheckDocs.inc"
};

/// What SARIF says about one rule, from its docs page: the summary is the
/// paragraph under the title, the full description the first under "Why".
struct RuleInfo {
  std::string Id, Summary, Full, HelpUri;
};

std::string paragraphAfter(llvm::StringRef Text, llvm::StringRef Heading) {
  size_t At = 0;
  if (!Heading.empty()) {
    At = Text.find("\n" + Heading.str() + "\n");
    if (At == llvm::StringRef::npos)
      return "";
    At += Heading.size() + 2;
  } else {
    At = Text.find('\n'); // skip the title line
    if (At == llvm::StringRef::npos)
      return "";
  }
  llvm::StringRef Rest = Text.drop_front(At).ltrim();
  llvm::StringRef Para = Rest.take_front(Rest.find("\n\n"));
  std::string Out;
  llvm::SmallVector<llvm::StringRef, 8> Lines;
  Para.split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    if (!Out.empty())
      Out += ' ';
    Out += L.trim().str();
  }
  return Out;
}

RuleInfo ruleInfo(llvm::StringRef Id) {
  RuleInfo R;
  R.Id = Id.str();
  for (const CheckDoc &D : CheckDocs)
    if (D.Name == Id) {
      R.Summary = paragraphAfter(D.Text, "");
      R.Full = paragraphAfter(D.Text, "## Why");
      R.HelpUri =
          (llvm::Twine(ALLOC_TIDY_DOCS_URL) + "checks/" + Id + ".md").str();
    }
  if (R.Summary.empty())
    R.Summary = compat::startsWith(Id, "clang-diagnostic-") ? "Compiler diagnostic."
                                                    : (Id + " finding").str();
  if (R.Full.empty())
    R.Full = R.Summary;
  return R;
}

/// Every alloc-* check the driver knows, sorted.
std::vector<std::string> allocChecks() {
  std::vector<std::string> Out;
  for (const auto &Name : getAllChecksAndOptions(false).Names)
    if (compat::startsWith(Name.getKey(), "alloc-"))
      Out.push_back(Name.getKey().str());
  llvm::sort(Out);
  return Out;
}

std::string relativeTo(llvm::StringRef Root, llvm::StringRef Path) {
  if (Root.empty())
    return Path.str();
  llvm::SmallString<256> R(Root);
  if (!compat::endsWith(R, "/"))
    R += '/';
  if (compat::startsWith(Path, R))
    return Path.drop_front(R.size()).str();
  return "";
}

// --- diff mode -------------------------------------------------------------

/// Lines changed since a revision, per absolute path.
using ChangedLines = std::map<std::string, std::set<unsigned>>;

std::optional<std::string> runGit(llvm::ArrayRef<llvm::StringRef> Args,
                                  std::string &Error) {
  auto Git = llvm::sys::findProgramByName("git");
  if (!Git) {
    Error = "--diff needs git on PATH";
    return std::nullopt;
  }
  llvm::SmallString<128> Out, Err;
  std::error_code EC =
      llvm::sys::fs::createTemporaryFile("alloc-tidy-git", "out", Out);
  if (!EC)
    EC = llvm::sys::fs::createTemporaryFile("alloc-tidy-git", "err", Err);
  if (EC) {
    (void)llvm::sys::fs::remove(Out);
    Error = "cannot create a temporary file: " + EC.message();
    return std::nullopt;
  }
  std::vector<llvm::StringRef> Argv = {*Git};
  Argv.insert(Argv.end(), Args.begin(), Args.end());
  std::optional<llvm::StringRef> Redirects[] = {
      std::nullopt, llvm::StringRef(Out), llvm::StringRef(Err)};
  int RC = llvm::sys::ExecuteAndWait(*Git, Argv, std::nullopt, Redirects);
  auto OutText = llvm::MemoryBuffer::getFile(Out);
  auto ErrText = llvm::MemoryBuffer::getFile(Err);
  (void)llvm::sys::fs::remove(
      Out); // temporary files: nothing to do if it fails
  (void)llvm::sys::fs::remove(Err);
  if (RC != 0 || !OutText) {
    Error = ("git " + llvm::join(Args, " ") + " failed: " +
             (ErrText ? (*ErrText)->getBuffer().trim() : "no output"))
                .str();
    return std::nullopt;
  }
  return (*OutText)->getBuffer().str();
}

std::optional<ChangedLines> changedLines(llvm::StringRef Rev,
                                         std::string &Error) {
  auto Top = runGit({"rev-parse", "--show-toplevel"}, Error);
  if (!Top)
    return std::nullopt;
  std::string Root = llvm::StringRef(*Top).trim().str();
  auto Diff = runGit({"-C", Root, "diff", "-U0", "--no-color", "--no-ext-diff",
                      "--no-renames", Rev, "--"},
                     Error);
  if (!Diff)
    return std::nullopt;
  ChangedLines Out;
  std::string Current;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  llvm::StringRef(*Diff).split(Lines, '\n');
  for (llvm::StringRef L : Lines) {
    if (L.consume_front("+++ ")) {
      Current.clear();
      if (L.consume_front("b/")) {
        llvm::SmallString<256> P(Root);
        llvm::sys::path::append(P, L);
        Current = std::string(P);
      }
      continue;
    }
    if (!L.consume_front("@@ ") || Current.empty())
      continue;
    // @@ -a[,b] +c[,d] @@
    size_t Plus = L.find('+');
    if (Plus == llvm::StringRef::npos)
      continue;
    llvm::StringRef Hunk = L.drop_front(Plus + 1);
    Hunk = Hunk.take_until([](char C) { return C == ' '; });
    auto [StartS, CountS] = Hunk.split(',');
    unsigned Start = 0, Count = 1;
    if (StartS.getAsInteger(10, Start) ||
        (!CountS.empty() && CountS.getAsInteger(10, Count)))
      continue;
    for (unsigned I = 0; I < Count; ++I)
      Out[Current].insert(Start + I);
  }
  return Out;
}

// --- baseline --------------------------------------------------------------

std::string withoutNumbers(llvm::StringRef S) {
  std::string Out;
  for (size_t I = 0; I < S.size(); ++I) {
    if (llvm::isDigit(S[I])) {
      Out += '#';
      while (I + 1 < S.size() && llvm::isDigit(S[I + 1]))
        ++I;
      continue;
    }
    Out += S[I];
  }
  return Out;
}

struct BaselineResult {
  std::string RuleId, Uri, Fingerprint, Message;
  json::Value Raw = nullptr;
  bool Matched = false;
};

std::optional<std::vector<BaselineResult>> loadBaseline(llvm::StringRef Path,
                                                        std::string &Error) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf) {
    Error = ("cannot read baseline '" + Path + "': " + Buf.getError().message())
                .str();
    return std::nullopt;
  }
  auto Doc = json::parse((*Buf)->getBuffer());
  if (!Doc) {
    Error =
        ("baseline '" + Path + "' is not JSON: " + toString(Doc.takeError()))
            .str();
    return std::nullopt;
  }
  const json::Object *Root = Doc->getAsObject();
  const json::Array *Runs = Root ? Root->getArray("runs") : nullptr;
  if (!Runs) {
    Error = ("baseline '" + Path + "' is not a SARIF log (no 'runs')").str();
    return std::nullopt;
  }
  std::vector<BaselineResult> Out;
  for (const json::Value &Run : *Runs) {
    const json::Object *R = Run.getAsObject();
    const json::Array *Results = R ? R->getArray("results") : nullptr;
    if (!Results)
      continue;
    for (const json::Value &V : *Results) {
      const json::Object *O = V.getAsObject();
      if (!O)
        continue;
      if (O->getString("baselineState") == llvm::StringRef("absent"))
        continue; // gone already when that baseline was written
      BaselineResult B;
      B.RuleId = O->getString("ruleId").value_or("").str();
      if (const json::Object *M = O->getObject("message"))
        B.Message = M->getString("text").value_or("").str();
      if (const json::Object *FP = O->getObject("partialFingerprints"))
        B.Fingerprint = FP->getString("allocTidy/v1").value_or("").str();
      if (const json::Array *Locs = O->getArray("locations"))
        if (!Locs->empty())
          if (const json::Object *L = (*Locs)[0].getAsObject())
            if (const json::Object *P = L->getObject("physicalLocation"))
              if (const json::Object *A = P->getObject("artifactLocation"))
                B.Uri = A->getString("uri").value_or("").str();
      B.Raw = V;
      Out.push_back(std::move(B));
    }
  }
  return Out;
}

// --- SARIF -----------------------------------------------------------------

/// A URI for a file: relative to %SRCROOT% when under it, else file://.
json::Object artifactLocation(llvm::StringRef SrcRoot, llvm::StringRef Path) {
  json::Object A;
  std::string Rel = relativeTo(SrcRoot, Path);
  if (!Rel.empty()) {
    A["uri"] = Rel;
    A["uriBaseId"] = "%SRCROOT%";
  } else {
    A["uri"] = "file://" + Path.str();
  }
  return A;
}

json::Object sarifRegion(const Region &R) {
  json::Object O{{"startLine", R.Begin.Line},
                 {"startColumn", R.Begin.CharColumn},
                 {"endLine", R.End.Line},
                 {"endColumn", R.End.CharColumn}};
  return O;
}

json::Object physicalLocation(llvm::StringRef SrcRoot, const Region &R) {
  return json::Object{
      {"artifactLocation", artifactLocation(SrcRoot, R.Begin.File)},
      {"region", sarifRegion(R)}};
}

SarifResultLevel sarifLevel(llvm::StringRef Level) {
  return Level == "error"  ? SarifResultLevel::Error
         : Level == "note" ? SarifResultLevel::Note
                           : SarifResultLevel::Warning;
}

/// Source locations for clang's SARIF writer, which works on a SourceManager.
class SarifSources {
public:
  SarifSources()
      : Diags(new DiagnosticIDs, new DiagnosticOptions,
              new IgnoringDiagConsumer),
        FM(FileSystemOptions{}), SM(Diags, FM) {}

  std::optional<CharSourceRange> range(const Region &R) {
    auto File = FM.getOptionalFileRef(R.Begin.File);
    if (!File)
      return std::nullopt;
    FileID FID = SM.getOrCreateFileID(*File, SrcMgr::C_User);
    SourceLocation B = SM.getComposedLoc(FID, R.Begin.Offset);
    SourceLocation E =
        SM.getComposedLoc(FID, std::max(R.End.Offset, R.Begin.Offset));
    return CharSourceRange::getCharRange(B, E);
  }
  const SourceManager &sourceManager() const { return SM; }

private:
  DiagnosticsEngine Diags;
  FileManager FM;
  SourceManager SM;
};

json::Value inventoryJson(const std::vector<InventoryEntry> &Sites,
                          const std::vector<std::string> &Fingerprints,
                          const std::vector<std::string> &Functions,
                          SourceFiles &Files, llvm::StringRef SrcRoot) {
  json::Array A;
  for (size_t I = 0; I < Sites.size(); ++I) {
    const InventoryEntry &S = Sites[I];
    Position P = Files.position(S.File, S.Offset);
    std::string Rel = relativeTo(SrcRoot, S.File);
    json::Object O{{"file", Rel.empty() ? S.File : Rel},
                   {"line", P.Line},
                   {"column", P.Column},
                   {"function", Functions[I]},
                   {"callee", S.Callee},
                   {"kind", S.AddressTaken ? "address-taken"
                            : S.Realloc    ? "reallocation"
                                           : "allocation"},
                   {"status", S.Status},
                   {"fingerprint", Fingerprints[I]}};
    if (!S.Macro.empty())
      O["macro"] = S.Macro;
    if (S.Status == "justified") {
      O["lifetime"] = S.Lifetime;
      O["reason"] = S.Reason;
    } else if (S.Status == "malformed") {
      O["problem"] = S.Reason;
    }
    A.push_back(std::move(O));
  }
  return A;
}

json::Object findingJson(const Finding &F, llvm::StringRef SrcRoot) {
  std::string Rel = relativeTo(SrcRoot, F.Where.Begin.File);
  json::Object O{{"check", F.RuleId},
                 {"level", F.Level},
                 {"message", F.Message},
                 {"file", Rel.empty() ? F.Where.Begin.File : Rel},
                 {"line", F.Where.Begin.Line},
                 {"column", F.Where.Begin.Column},
                 {"endLine", F.Where.End.Line},
                 {"endColumn", F.Where.End.Column},
                 {"function", F.Function},
                 {"fingerprint", F.Fingerprint}};
  if (!F.BaselineState.empty())
    O["baselineState"] = F.BaselineState;
  json::Array Notes;
  for (const Related &N : F.Notes) {
    std::string NR = relativeTo(SrcRoot, N.Where.Begin.File);
    Notes.push_back(json::Object{{"message", N.Message},
                                 {"file", NR.empty() ? N.Where.Begin.File : NR},
                                 {"line", N.Where.Begin.Line},
                                 {"column", N.Where.Begin.Column}});
  }
  O["notes"] = std::move(Notes);
  json::Array Fixes;
  for (const Edit &E : F.Fixes)
    Fixes.push_back(json::Object{{"line", E.Where.Begin.Line},
                                 {"column", E.Where.Begin.Column},
                                 {"endLine", E.Where.End.Line},
                                 {"endColumn", E.Where.End.Column},
                                 {"text", E.Text}});
  O["fixes"] = std::move(Fixes);
  return O;
}

json::Value sarifDocument(const std::vector<Finding> &Findings,
                          const std::vector<BaselineResult> *Baseline,
                          llvm::StringRef SrcRoot,
                          std::optional<json::Value> Inventory) {
  SarifSources Sources;
  SarifDocumentWriter Writer(Sources.sourceManager());
  Writer.createRun("alloc-tidy", "alloc-tidy heap allocation checks",
                   ALLOC_TIDY_VERSION);
  std::map<std::string, size_t> RuleIndex;
  std::vector<RuleInfo> Rules;
  auto AddRule = [&](llvm::StringRef Id) {
    auto It = RuleIndex.find(Id.str());
    if (It != RuleIndex.end())
      return It->second;
    RuleInfo Info = ruleInfo(Id);
    size_t Idx = Writer.createRule(
        SarifRule::create()
            .setRuleId(Info.Id)
            .setName(Info.Id)
            .setDescription(Info.Summary)
            .setHelpURI(Info.HelpUri)
            .setDefaultConfiguration(
                SarifReportingConfiguration::create().setLevel(
                    compat::startsWith(Id, "clang-diagnostic-error")
                        ? SarifResultLevel::Error
                        : SarifResultLevel::Warning)));
    RuleIndex[Info.Id] = Idx;
    Rules.push_back(std::move(Info));
    return Idx;
  };
  for (const std::string &Id : allocChecks())
    AddRule(Id);
  for (const Finding &F : Findings) {
    SarifResult R = SarifResult::create(AddRule(F.RuleId))
                        .setRuleId(F.RuleId)
                        .setDiagnosticMessage(F.Message)
                        .setDiagnosticLevel(sarifLevel(F.Level));
    if (auto Range = Sources.range(F.Where))
      R = R.setLocations({*Range});
    Writer.appendResult(R);
  }
  Writer.endRun();
  json::Object Doc = Writer.createDocument();

  // What clang's writer does not emit: paths relative to %SRCROOT%, the
  // rules' help and descriptions in full, and per result fingerprints,
  // baseline states, related locations and fixes.
  json::Object &Run = *(*Doc.getArray("runs"))[0].getAsObject();
  json::Object &Driver = *Run.getObject("tool")->getObject("driver");
  Driver["informationUri"] = ALLOC_TIDY_DOCS_URL;
  Driver["version"] = ALLOC_TIDY_VERSION;
  Driver["semanticVersion"] = ALLOC_TIDY_VERSION;
  if (json::Array *RulesJson = Driver.getArray("rules"))
    for (size_t I = 0; I < RulesJson->size() && I < Rules.size(); ++I) {
      json::Object &RJ = *(*RulesJson)[I].getAsObject();
      RJ["shortDescription"] = json::Object{{"text", Rules[I].Summary}};
      RJ["fullDescription"] = json::Object{{"text", Rules[I].Full}};
      RJ["helpUri"] = Rules[I].HelpUri;
    }
  if (!SrcRoot.empty()) {
    llvm::SmallString<256> Root(SrcRoot);
    if (!compat::endsWith(Root, "/"))
      Root += '/';
    Run["originalUriBaseIds"] = json::Object{
        {"%SRCROOT%", json::Object{{"uri", ("file://" + Root).str()}}}};
  }
  // Artifacts are listed by their URI relative to %SRCROOT% too.
  if (json::Array *Artifacts = Run.getArray("artifacts"))
    for (json::Value &A : *Artifacts) {
      json::Object &AO = *A.getAsObject();
      json::Object *Loc = AO.getObject("location");
      if (!Loc)
        continue;
      llvm::StringRef Uri = Loc->getString("uri").value_or("");
      if (Uri.consume_front("file://")) {
        json::Object Rel = artifactLocation(SrcRoot, Uri);
        if (auto Idx = Loc->getInteger("index"))
          Rel["index"] = *Idx;
        *Loc = std::move(Rel);
      }
    }
  json::Array &Results = *Run.getArray("results");
  for (size_t I = 0; I < Results.size(); ++I) {
    const Finding &F = Findings[I];
    json::Object &R = *Results[I].getAsObject();
    if (json::Array *Locs = R.getArray("locations"))
      for (json::Value &L : *Locs) {
        json::Object *P = L.getAsObject()->getObject("physicalLocation");
        json::Object Fresh = physicalLocation(SrcRoot, F.Where);
        if (P)
          if (json::Object *A = P->getObject("artifactLocation"))
            if (auto Idx = A->getInteger("index"))
              (*Fresh.getObject("artifactLocation"))["index"] = *Idx;
        if (P)
          *P = std::move(Fresh);
      }
    R["partialFingerprints"] = json::Object{{"allocTidy/v1", F.Fingerprint}};
    if (!F.Function.empty())
      R["properties"] = json::Object{{"function", F.Function}};
    if (!F.BaselineState.empty())
      R["baselineState"] = F.BaselineState;
    if (!F.Notes.empty()) {
      json::Array Related;
      unsigned Id = 0;
      for (const struct Related &N : F.Notes)
        Related.push_back(json::Object{
            {"id", Id++},
            {"message", json::Object{{"text", N.Message}}},
            {"physicalLocation", physicalLocation(SrcRoot, N.Where)}});
      R["relatedLocations"] = std::move(Related);
    }
    if (!F.Fixes.empty()) {
      std::map<std::string, json::Array> ByFile;
      for (const Edit &E : F.Fixes)
        ByFile[E.Where.Begin.File].push_back(
            json::Object{{"deletedRegion", sarifRegion(E.Where)},
                         {"insertedContent", json::Object{{"text", E.Text}}}});
      json::Array Changes;
      for (auto &[File, Replacements] : ByFile)
        Changes.push_back(
            json::Object{{"artifactLocation", artifactLocation(SrcRoot, File)},
                         {"replacements", std::move(Replacements)}});
      R["fixes"] = json::Array{json::Object{
          {"description", json::Object{{"text", "apply the suggested fix"}}},
          {"artifactChanges", std::move(Changes)}}};
    }
  }
  // Baseline results no longer found are reported as absent.
  if (Baseline)
    for (const BaselineResult &B : *Baseline)
      if (!B.Matched) {
        json::Value V = B.Raw;
        json::Object &O = *V.getAsObject();
        O["baselineState"] = "absent";
        O.erase("ruleIndex"); // indexes into the old run's rules
        if (auto It = RuleIndex.find(B.RuleId); It != RuleIndex.end())
          O["ruleIndex"] = static_cast<int64_t>(It->second);
        if (json::Array *Locs = O.getArray("locations"))
          for (json::Value &L : *Locs)
            if (json::Object *P =
                    L.getAsObject()->getObject("physicalLocation"))
              if (json::Object *A = P->getObject("artifactLocation"))
                A->erase("index");
        Results.push_back(std::move(V));
      }
  if (Inventory)
    Run["properties"] =
        json::Object{{"allocTidyInventory", std::move(*Inventory)}};
  return json::Value(std::move(Doc));
}

void printInventoryText(llvm::raw_ostream &OS,
                        const std::vector<InventoryEntry> &Sites,
                        const std::vector<std::string> &Functions,
                        SourceFiles &Files, llvm::StringRef SrcRoot) {
  std::map<std::string, unsigned> ByStatus;
  for (size_t I = 0; I < Sites.size(); ++I) {
    const InventoryEntry &S = Sites[I];
    Position P = Files.position(S.File, S.Offset);
    std::string Rel = relativeTo(SrcRoot, S.File);
    OS << (Rel.empty() ? S.File : Rel) << ':' << P.Line << ':' << P.Column
       << ": " << S.Callee;
    if (!S.Macro.empty())
      OS << " (macro " << S.Macro << ")";
    if (S.AddressTaken)
      OS << " (address taken)";
    if (!Functions[I].empty())
      OS << " in " << Functions[I];
    if (S.Status == "justified")
      OS << ": " << S.Lifetime << " -- " << S.Reason;
    else
      OS << ": " << S.Status;
    OS << '\n';
    ++ByStatus[S.Status];
  }
  OS << Sites.size() << " allocation sites: " << ByStatus["justified"]
     << " justified, " << ByStatus["unjustified"] << " unjustified, "
     << ByStatus["malformed"] << " malformed\n";
}

} // namespace

ReportOutcome report(AnalysisResult &Result, ReportRequest &Req) {
  ReportOutcome Outcome;
  SourceFiles Files;
  // Plain text to the terminal needs no positions or fingerprints:
  // clang-tidy's reporter prints the diagnostics as they are.
  bool NeedFindings = Req.Format != OutputFormat::Text ||
                      !Req.OutputFile.empty() || !Req.BaselineFile.empty() ||
                      !Req.DiffRev.empty();
  std::vector<Finding> Findings;
  if (NeedFindings) {
    Findings = toFindings(Result, Files);
  } else {
    for (const ClangTidyError &E : Result.Errors) {
      Finding F; // only the level matters on this path
      F.Level = E.DiagLevel == ClangTidyError::Remark ? "note" : "warning";
      Findings.push_back(std::move(F));
    }
  }
  std::vector<bool> Keep(Findings.size(), true);

  if (!Req.DiffRev.empty()) {
    std::optional<ChangedLines> Changed =
        changedLines(Req.DiffRev, Outcome.Error);
    if (!Changed)
      return Outcome;
    for (size_t I = 0; I < Findings.size(); ++I) {
      const Position &P = Findings[I].Where.Begin;
      auto It = Changed->find(P.File);
      Keep[I] = It != Changed->end() && It->second.count(P.Line);
    }
  }

  std::optional<std::vector<BaselineResult>> Baseline;
  if (!Req.BaselineFile.empty()) {
    Baseline = loadBaseline(Req.BaselineFile, Outcome.Error);
    if (!Baseline)
      return Outcome;
    for (size_t I = 0; I < Findings.size(); ++I) {
      if (!Keep[I])
        continue;
      Finding &F = Findings[I];
      std::string Uri = relativeTo(Req.SrcRoot, F.Where.Begin.File);
      if (Uri.empty())
        Uri = "file://" + F.Where.Begin.File;
      BaselineResult *Match = nullptr;
      for (BaselineResult &B : *Baseline)
        if (!B.Matched && B.RuleId == F.RuleId &&
            B.Fingerprint == F.Fingerprint && B.Uri == Uri) {
          Match = &B;
          break;
        }
      if (!Match) {
        F.BaselineState = "new";
        continue;
      }
      Match->Matched = true;
      // Messages quote line numbers ("allocated at line 12"): moving code
      // changes them without changing the finding.
      F.BaselineState =
          withoutNumbers(Match->Message) == withoutNumbers(F.Message)
              ? "unchanged"
              : "updated";
    }
  }

  std::vector<Finding> Kept;
  std::vector<ClangTidyError> KeptErrors;
  for (size_t I = 0; I < Findings.size(); ++I)
    if (Keep[I]) {
      Kept.push_back(Findings[I]);
      KeptErrors.push_back(Result.Errors[I]);
    }

  unsigned New = 0, Counted = 0;
  for (const Finding &F : Kept) {
    if (F.Level == "note")
      continue;
    ++Counted;
    if (F.BaselineState.empty() || F.BaselineState == "new")
      ++New;
  }
  Outcome.Gate = Req.Gate == FailOn::Any   ? Counted > 0
                 : Req.Gate == FailOn::New ? New > 0
                                           : false;

  // Inventory: every site with its function and fingerprint.
  std::vector<std::string> SiteFunctions, SiteFingerprints;
  if (Req.Inventory) {
    std::map<std::string, unsigned> Ordinals;
    for (const InventoryEntry &S : Result.Sites) {
      std::string Fn = enclosingFunction(Result.Functions, S.File, S.Offset);
      std::string Key = S.File + "\x1f" + Fn + "\x1f" + S.Callee + "\x1f" +
                        Files.lineText(S.File, S.Offset).str();
      SiteFingerprints.push_back(
          siteFingerprint(S, Fn, Files, Ordinals[Key]++));
      SiteFunctions.push_back(std::move(Fn));
    }
  }

  std::unique_ptr<llvm::raw_fd_ostream> File;
  if (!Req.OutputFile.empty()) {
    std::error_code EC;
    File = std::make_unique<llvm::raw_fd_ostream>(Req.OutputFile, EC,
                                                  llvm::sys::fs::OF_Text);
    if (EC) {
      Outcome.Error = "cannot write '" + Req.OutputFile + "': " + EC.message();
      return Outcome;
    }
  }
  llvm::raw_ostream &OS =
      File ? static_cast<llvm::raw_ostream &>(*File) : llvm::outs();

  switch (Req.Format) {
  case OutputFormat::Text:
    if (!File) {
      // clang-tidy's own reporter: same text, and it applies --fix.
      ClangTidyContext Context(std::move(Req.Provider));
      unsigned WErrors = 0;
      handleErrors(KeptErrors, Context, Req.Fix, WErrors, Req.BaseFS);
    } else {
      for (const Finding &F : Kept)
        OS << F.Where.Begin.File << ':' << F.Where.Begin.Line << ':'
           << F.Where.Begin.Column << ": " << F.Level << ": " << F.Message
           << " [" << F.RuleId << "]\n";
    }
    if (Req.Inventory)
      printInventoryText(OS, Result.Sites, SiteFunctions, Files, Req.SrcRoot);
    break;
  case OutputFormat::Json: {
    json::Array Arr;
    for (const Finding &F : Kept)
      Arr.push_back(findingJson(F, Req.SrcRoot));
    json::Object Doc{{"tool", "alloc-tidy"},
                     {"version", ALLOC_TIDY_VERSION},
                     {"findings", std::move(Arr)}};
    if (Baseline) {
      json::Array Absent;
      for (const BaselineResult &B : *Baseline)
        if (!B.Matched)
          Absent.push_back(json::Object{{"check", B.RuleId},
                                        {"file", B.Uri},
                                        {"message", B.Message},
                                        {"fingerprint", B.Fingerprint},
                                        {"baselineState", "absent"}});
      Doc["absent"] = std::move(Absent);
    }
    if (Req.Inventory)
      Doc["inventory"] = inventoryJson(Result.Sites, SiteFingerprints,
                                       SiteFunctions, Files, Req.SrcRoot);
    OS << llvm::formatv("{0:2}", json::Value(std::move(Doc))) << '\n';
    break;
  }
  case OutputFormat::Sarif: {
    std::optional<json::Value> Inv;
    if (Req.Inventory)
      Inv = inventoryJson(Result.Sites, SiteFingerprints, SiteFunctions, Files,
                          Req.SrcRoot);
    OS << llvm::formatv("{0:2}",
                        sarifDocument(Kept, Baseline ? &*Baseline : nullptr,
                                      Req.SrcRoot, std::move(Inv)))
       << '\n';
    break;
  }
  }
  OS.flush();

  if (!Req.Quiet) {
    llvm::errs() << "alloc-tidy: " << Counted << " finding"
                 << (Counted == 1 ? "" : "s");
    if (Baseline) {
      unsigned Absent = 0;
      for (const BaselineResult &B : *Baseline)
        Absent += !B.Matched;
      llvm::errs() << " (" << New << " new, " << (Counted - New)
                   << " in the baseline; " << Absent << " absent)";
    }
    if (!Req.DiffRev.empty())
      llvm::errs() << " on lines changed since " << Req.DiffRev;
    llvm::errs() << "\n";
  }
  return Outcome;
}

} // namespace clang::tidy::alloc
