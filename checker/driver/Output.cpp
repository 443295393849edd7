//===--- Output.cpp - text, JSON and SARIF reports; gating ----------------===//

#include "Output.h"
#include "Compat.h"
#include "Findings.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
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
#include <tuple>

#ifndef ALLOC_TIDY_DOCS_URL
#define ALLOC_TIDY_DOCS_URL                                                    \
  "https://github.com/alloc-tidy/alloc-tidy/blob/main/docs/"
#endif

namespace clang::tidy::alloc {

namespace {

namespace json = llvm::json;
using compat::SarifDocumentWriter;
using compat::SarifReportingConfiguration;
using compat::SarifResult;
using compat::SarifResultLevel;
using compat::SarifRule;

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
  std::string Help; ///< the whole page, Markdown
};

/// GitHub code scanning's limit on rule descriptions.
constexpr size_t MaxDescription = 1024;

std::string clip(std::string S, size_t Max) {
  if (S.size() <= Max)
    return S;
  S.resize(Max - 3);
  while (!S.empty() && (static_cast<unsigned char>(S.back()) & 0xC0) == 0x80)
    S.pop_back(); // not inside a UTF-8 sequence
  if (!S.empty() && static_cast<unsigned char>(S.back()) >= 0xC0)
    S.pop_back();
  return S + "...";
}

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
      R.Help = D.Text.str();
    }
  if (R.Summary.empty())
    R.Summary = compat::startsWith(Id, "clang-diagnostic-") ? "Compiler diagnostic."
                                                    : (Id + " finding").str();
  if (R.HelpUri.empty() && compat::startsWith(Id, "clang-diagnostic-"))
    R.HelpUri = "https://clang.llvm.org/docs/DiagnosticsReference.html";
  if (R.Full.empty())
    R.Full = R.Summary;
  if (R.Help.empty())
    R.Help = R.Full;
  R.Summary = clip(R.Summary, MaxDescription);
  R.Full = clip(R.Full, MaxDescription);
  return R;
}

/// Every alloc-* check the driver knows, sorted.
std::vector<std::string> allocChecks() {
  std::vector<std::string> Out;
  for (const auto &Name : compat::getAllChecksAndOptions(false).Names)
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
  int RC = compat::executeAndWait(*Git, Argv, Redirects);
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

/// The revision to diff against for \p Rev: itself, or the empty tree for
/// "HEAD" in a repository with no commit yet (its first commit).
std::optional<std::string> diffBase(llvm::StringRef Rev, llvm::StringRef Root,
                                    std::string &Error) {
  std::string Ignored;
  if (Rev != "HEAD" ||
      runGit({"-C", Root, "rev-parse", "--verify", "--quiet", "HEAD"}, Ignored))
    return Rev.str();
  // An unborn branch: HEAD names a branch that has no commit.
  if (!runGit({"-C", Root, "symbolic-ref", "--quiet", "HEAD"}, Ignored))
    return Rev.str(); // let git diff report what is wrong
  auto Empty =
      runGit({"-C", Root, "hash-object", "-t", "tree", "/dev/null"}, Error);
  if (!Empty)
    return std::nullopt;
  return llvm::StringRef(*Empty).trim().str();
}

std::optional<ChangedLines> changedLines(llvm::StringRef Rev,
                                         std::string &Error) {
  auto Top = runGit({"rev-parse", "--show-toplevel"}, Error);
  if (!Top)
    return std::nullopt;
  std::string Root = llvm::StringRef(*Top).trim().str();
  std::optional<std::string> Base = diffBase(Rev, Root, Error);
  if (!Base)
    return std::nullopt;
  // Renames are followed: a moved file's lines are not changed lines.
  auto Diff =
      runGit({"-C", Root, "-c", "core.quotePath=false", "diff", "-U0",
              "--no-color", "--no-ext-diff", "--find-renames", *Base, "--"},
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

/// True when any line of \p F's path (its region, its notes: the allocation
/// of a leak reported at an unchanged return) is a changed line.
bool touches(const Finding &F, const ChangedLines &Changed) {
  auto Hit = [&](const Region &R) {
    auto It = Changed.find(R.Begin.File);
    if (It == Changed.end())
      return false;
    unsigned Last = std::max(R.Begin.Line, R.End.Line);
    auto L = It->second.lower_bound(R.Begin.Line);
    return L != It->second.end() && *L <= Last;
  };
  return Hit(F.Where) ||
         llvm::any_of(F.Notes, [&](const Related &N) { return Hit(N.Where); });
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

/// An allocation site of a baseline's inventory.
struct BaselineSite {
  std::string File, Fingerprint;
  bool Matched = false;
};

struct Baseline {
  std::vector<BaselineResult> Results;
  std::vector<BaselineSite> Sites;
  bool HasInventory = false;
};

std::optional<Baseline> loadBaseline(llvm::StringRef Path, std::string &Error) {
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
  Baseline Out;
  for (const json::Value &Run : *Runs) {
    const json::Object *R = Run.getAsObject();
    // Fingerprints and states only mean something between alloc-tidy runs:
    // another tool's log would match nothing and make every finding new,
    // or, worse, look like a clean baseline.
    std::optional<llvm::StringRef> Tool;
    if (const json::Object *T = R ? R->getObject("tool") : nullptr)
      if (const json::Object *D = T->getObject("driver"))
        Tool = compat::toStdOptional(D->getString("name"));
    if (Tool != llvm::StringRef("alloc-tidy")) {
      Error = ("baseline '" + Path + "' was not written by alloc-tidy (tool '" +
               Tool.value_or("?") +
               "'); write one with 'alloc-tidy --write-baseline=FILE'")
                  .str();
      return std::nullopt;
    }
    if (const json::Object *Props = R->getObject("properties"))
      if (const json::Array *Inv = Props->getArray("allocTidyInventory")) {
        Out.HasInventory = true;
        for (const json::Value &V : *Inv)
          if (const json::Object *O = V.getAsObject())
            Out.Sites.push_back(
                {compat::valueOr(O->getString("file"), "").str(),
                 compat::valueOr(O->getString("fingerprint"), "").str()});
      }
    const json::Array *Results = R->getArray("results");
    if (!Results)
      continue;
    for (const json::Value &V : *Results) {
      const json::Object *O = V.getAsObject();
      if (!O)
        continue;
      if (O->getString("baselineState") == llvm::StringRef("absent"))
        continue; // gone already when that baseline was written
      BaselineResult B;
      B.RuleId = compat::valueOr(O->getString("ruleId"), "").str();
      if (const json::Object *M = O->getObject("message"))
        B.Message = compat::valueOr(M->getString("text"), "").str();
      if (const json::Object *FP = O->getObject("partialFingerprints"))
        B.Fingerprint = compat::valueOr(FP->getString("allocTidy/v1"), "").str();
      if (const json::Array *Locs = O->getArray("locations"))
        if (!Locs->empty())
          if (const json::Object *L = (*Locs)[0].getAsObject())
            if (const json::Object *P = L->getObject("physicalLocation"))
              if (const json::Object *A = P->getObject("artifactLocation"))
                B.Uri = compat::valueOr(A->getString("uri"), "").str();
      B.Raw = V;
      Out.Results.push_back(std::move(B));
    }
  }
  return Out;
}

/// Matches \p Items against \p Old in two passes: same file and key first,
/// then the same key in another file (a file renamed or moved with its code
/// unchanged keeps its findings).  \p Match(I) is the index of the match of
/// item I, or -1.
template <typename OldT, typename KeyFn, typename FileFn, typename OldKeyFn,
          typename OldFileFn>
std::vector<int> matchTwoPass(size_t N, std::vector<OldT> &Old, KeyFn Key,
                              FileFn File, OldKeyFn OldKey, OldFileFn OldFile) {
  std::vector<int> Match(N, -1);
  std::multimap<std::string, size_t> ByKey;
  for (size_t J = 0; J < Old.size(); ++J)
    ByKey.emplace(OldKey(Old[J]), J);
  for (bool SameFile : {true, false})
    for (size_t I = 0; I < N; ++I) {
      if (Match[I] >= 0)
        continue;
      auto [B, E] = ByKey.equal_range(Key(I));
      for (auto It = B; It != E; ++It) {
        OldT &O = Old[It->second];
        if (O.Matched || (SameFile && OldFile(O) != File(I)))
          continue;
        O.Matched = true;
        Match[I] = static_cast<int>(It->second);
        break;
      }
    }
  return Match;
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
      : Diags(new IgnoringDiagConsumer), FM(FileSystemOptions{}),
        SM(Diags.engine(), FM) {}

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
  compat::OwnedDiagnostics Diags;
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

/// What a SARIF run carries besides its results.
struct SarifExtras {
  const std::vector<BaselineResult> *Absent = nullptr; ///< to append
  std::optional<json::Value> Inventory;
  std::optional<json::Value> NewSites;
  /// Diagnostics about the configuration, not about a place in the code.
  std::vector<const Finding *> ConfigErrors;
  bool ToolErrors = false; ///< some unit did not parse
  size_t Omitted = 0;      ///< results left out by --max-results
  unsigned MaxResults = 0;
};

json::Value sarifDocument(const std::vector<Finding> &Findings,
                          llvm::StringRef SrcRoot, SarifExtras &X) {
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
      R = compat::addLocations(R, {*Range});
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
      // GitHub code scanning requires help.text; it shows the Markdown.
      RJ["help"] =
          json::Object{{"text", Rules[I].Help}, {"markdown", Rules[I].Help}};
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
      llvm::StringRef Uri = compat::valueOr(Loc->getString("uri"), "");
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
    // Ours, and under the key GitHub reads (it would otherwise hash the
    // line's text itself, which moves with the code around it).
    R["partialFingerprints"] =
        json::Object{{"allocTidy/v1", F.Fingerprint},
                     {"primaryLocationLineHash", F.Fingerprint}};
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
  if (X.Absent)
    for (const BaselineResult &B : *X.Absent)
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

  // The invocation: whether it succeeded, the configuration errors (they
  // have no place in the code, so they are notifications, not results),
  // and what --max-results left out.
  json::Array ConfigNotes, ExecNotes;
  for (const Finding *F : X.ConfigErrors)
    ConfigNotes.push_back(
        json::Object{{"level", F->Level == "note" ? "note" : "error"},
                     {"message", json::Object{{"text", F->Message}}},
                     {"descriptor", json::Object{{"id", F->RuleId}}}});
  if (X.Omitted)
    ExecNotes.push_back(json::Object{
        {"level", "warning"},
        {"message",
         json::Object{
             {"text",
              (llvm::Twine(X.Omitted) + " results left out by --max-results=" +
               llvm::Twine(X.MaxResults) +
               " (new findings and errors are kept first); run without it "
               "for all of them")
                  .str()}}}});
  json::Object Invocation{
      {"executionSuccessful", !X.ToolErrors && X.ConfigErrors.empty()}};
  if (!ConfigNotes.empty())
    Invocation["toolConfigurationNotifications"] = std::move(ConfigNotes);
  if (!ExecNotes.empty())
    Invocation["toolExecutionNotifications"] = std::move(ExecNotes);
  Run["invocations"] = json::Array{std::move(Invocation)};

  json::Object Props;
  if (X.Inventory)
    Props["allocTidyInventory"] = std::move(*X.Inventory);
  if (X.NewSites)
    Props["allocTidyNewSites"] = std::move(*X.NewSites);
  if (!Props.empty())
    Run["properties"] = std::move(Props);
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

/// Writes \p Text to \p Path through a temporary file in the same directory,
/// so a reader (or a failed run) never sees half a file; an error or "".
std::string writeAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  llvm::SmallString<256> Temp;
  int FD = -1;
  if (std::error_code EC = llvm::sys::fs::createUniqueFile(
          Path + ".tmp-%%%%%%", FD, Temp, llvm::sys::fs::OF_Text))
    return ("cannot write '" + Path + "': " + EC.message()).str();
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Text;
    OS.close();
    if (OS.has_error()) {
      (void)llvm::sys::fs::remove(Temp);
      return ("cannot write '" + Path + "': " + OS.error().message()).str();
    }
  }
  if (std::error_code EC = llvm::sys::fs::rename(Temp, Path)) {
    (void)llvm::sys::fs::remove(Temp);
    return ("cannot write '" + Path + "': " + EC.message()).str();
  }
  return "";
}

/// GitHub code scanning rejects a run with more results than this.
constexpr size_t GitHubMaxResults = 25000;

} // namespace

ReportOutcome report(AnalysisResult &Result, ReportRequest &Req) {
  ReportOutcome Outcome;
  SourceFiles Files;
  bool HaveBaseline = !Req.BaselineFile.empty();
  // Plain text to the terminal needs no positions or fingerprints:
  // clang-tidy's reporter prints the diagnostics as they are.
  bool NeedFindings = Req.Format != OutputFormat::Text ||
                      !Req.OutputFile.empty() || HaveBaseline ||
                      !Req.DiffRev.empty() || !Req.WriteBaseline.empty();
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
  const size_t N = Findings.size();
  std::vector<bool> Keep(N, true);
  auto UriOf = [&](llvm::StringRef File) {
    std::string Uri = relativeTo(Req.SrcRoot, File);
    return Uri.empty() ? "file://" + File.str() : Uri;
  };

  std::optional<ChangedLines> Changed;
  if (!Req.DiffRev.empty()) {
    Changed = changedLines(Req.DiffRev, Outcome.Error);
    if (!Changed)
      return Outcome;
    for (size_t I = 0; I < N; ++I)
      Keep[I] = touches(Findings[I], *Changed);
  }

  std::optional<Baseline> Base;
  if (HaveBaseline) {
    Base = loadBaseline(Req.BaselineFile, Outcome.Error);
    if (!Base)
      return Outcome;
    // Every finding is matched, reported or not: 'absent' means gone.
    std::vector<std::string> Uris(N);
    for (size_t I = 0; I < N; ++I)
      Uris[I] = UriOf(Findings[I].Where.Begin.File);
    std::vector<int> Match = matchTwoPass(
        N, Base->Results,
        [&](size_t I) {
          return Findings[I].RuleId + "\x1f" + Findings[I].Fingerprint;
        },
        [&](size_t I) { return Uris[I]; },
        [](const BaselineResult &B) {
          return B.RuleId + "\x1f" + B.Fingerprint;
        },
        [](const BaselineResult &B) { return B.Uri; });
    for (size_t I = 0; I < N; ++I) {
      Finding &F = Findings[I];
      if (Match[I] < 0) {
        F.BaselineState = "new";
        continue;
      }
      // Messages quote line numbers ("allocated at line 12"): moving code
      // changes them without changing the finding.
      const BaselineResult &B = Base->Results[Match[I]];
      F.BaselineState = withoutNumbers(B.Message) == withoutNumbers(F.Message)
                            ? "unchanged"
                            : "updated";
    }
  }
  auto IsNew = [](const Finding &F) {
    return F.BaselineState.empty() || F.BaselineState == "new";
  };
  if (Req.OnlyNew)
    for (size_t I = 0; I < N; ++I)
      Keep[I] = Keep[I] && IsNew(Findings[I]);

  // Allocation sites: the inventory, the new-sites gate, the baseline file.
  bool NeedSites = Req.Inventory || Req.Gate == FailOn::NewSites ||
                   !Req.WriteBaseline.empty();
  std::vector<std::string> SiteFunctions, SiteFingerprints;
  if (NeedSites) {
    std::map<std::string, unsigned> Ordinals;
    for (const InventoryEntry &S : Result.Sites) {
      std::string Fn = enclosingFunction(Result.Functions, S.File, S.Offset);
      std::string Key = S.File + "\x1f" + Fn + "\x1f" + S.Callee + "\x1f" +
                        normalisedLine(Files, S.File, S.Offset);
      SiteFingerprints.push_back(
          siteFingerprint(S, Fn, Files, Ordinals[Key]++));
      SiteFunctions.push_back(std::move(Fn));
    }
  }
  auto SiteFile = [&](const InventoryEntry &S) {
    std::string Rel = relativeTo(Req.SrcRoot, S.File);
    return Rel.empty() ? S.File : Rel;
  };
  std::vector<size_t> NewSites;
  if (Req.Gate == FailOn::NewSites) {
    std::vector<bool> IsNewSite(Result.Sites.size(), true);
    if (Base) {
      if (!Base->HasInventory) {
        Outcome.Error = "baseline '" + Req.BaselineFile +
                        "' has no allocation inventory, which "
                        "--fail-on=new-sites compares with; write it with "
                        "--write-baseline";
        return Outcome;
      }
      std::vector<int> Match = matchTwoPass(
          Result.Sites.size(), Base->Sites,
          [&](size_t I) { return SiteFingerprints[I]; },
          [&](size_t I) { return SiteFile(Result.Sites[I]); },
          [](const BaselineSite &B) { return B.Fingerprint; },
          [](const BaselineSite &B) { return B.File; });
      for (size_t I = 0; I < Match.size(); ++I)
        IsNewSite[I] = Match[I] < 0;
    }
    if (Changed)
      for (size_t I = 0; I < Result.Sites.size(); ++I) {
        const InventoryEntry &S = Result.Sites[I];
        auto It = Changed->find(S.File);
        IsNewSite[I] = IsNewSite[I] && It != Changed->end() &&
                       It->second.count(Files.position(S.File, S.Offset).Line);
      }
    for (size_t I = 0; I < IsNewSite.size(); ++I)
      if (IsNewSite[I])
        NewSites.push_back(I);
  }

  std::vector<Finding> Kept;
  std::vector<ClangTidyError> KeptErrors;
  for (size_t I = 0; I < N; ++I)
    if (Keep[I]) {
      Kept.push_back(Findings[I]);
      KeptErrors.push_back(Result.Errors[I]);
    }

  unsigned New = 0, Counted = 0;
  for (const Finding &F : Kept) {
    if (F.Level == "note")
      continue;
    ++Counted;
    if (IsNew(F))
      ++New;
  }
  Outcome.Gate = Req.Gate == FailOn::Any ? Counted > 0
                 : Req.Gate == FailOn::New || Req.Gate == FailOn::NewSites
                     ? New > 0 || !NewSites.empty()
                     : false;

  // The baseline file: every current finding, or with a baseline given,
  // those it already had (a refresh drops what was fixed and accepts nothing
  // new), and the inventory for --fail-on=new-sites.
  if (!Req.WriteBaseline.empty()) {
    std::vector<Finding> Accepted;
    for (const Finding &F : Findings)
      if (!F.Where.Begin.File.empty() && (!Base || !IsNew(F)))
        Accepted.push_back(F);
    SarifExtras X;
    X.Inventory = inventoryJson(Result.Sites, SiteFingerprints, SiteFunctions,
                                Files, Req.SrcRoot);
    std::string Text;
    llvm::raw_string_ostream TS(Text);
    TS << llvm::formatv("{0:2}", sarifDocument(Accepted, Req.SrcRoot, X))
       << '\n';
    TS.flush();
    if (std::string E = writeAtomically(Req.WriteBaseline, Text); !E.empty()) {
      Outcome.Error = E;
      return Outcome;
    }
    if (!Req.Quiet)
      llvm::errs() << "alloc-tidy: wrote baseline '" << Req.WriteBaseline
                   << "': " << Accepted.size() << " findings, "
                   << Result.Sites.size() << " allocation sites\n";
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

  auto NewSitesJson = [&] {
    json::Array A;
    for (size_t I : NewSites) {
      const InventoryEntry &S = Result.Sites[I];
      Position P = Files.position(S.File, S.Offset);
      json::Object O{{"file", SiteFile(S)},
                     {"line", P.Line},
                     {"column", P.Column},
                     {"function", SiteFunctions[I]},
                     {"callee", S.Callee},
                     {"status", S.Status},
                     {"fingerprint", SiteFingerprints[I]}};
      if (S.Status == "justified") {
        O["lifetime"] = S.Lifetime;
        O["reason"] = S.Reason;
      }
      A.push_back(std::move(O));
    }
    return json::Value(std::move(A));
  };

  size_t Omitted = 0;
  switch (Req.Format) {
  case OutputFormat::Text:
    if (!File) {
      // clang-tidy's reporter: same text, and it applies --fix.  With a
      // baseline, a new finding reads "[alloc-unjustified,new]".
      if (Base)
        for (size_t I = 0; I < Kept.size(); ++I)
          if (IsNew(Kept[I]))
            KeptErrors[I].DiagnosticName += ",new";
      ClangTidyContext Context(std::move(Req.Provider));
      unsigned WErrors = 0;
      handleErrors(KeptErrors, Context, Req.Fix, WErrors, Req.BaseFS);
    } else {
      for (const Finding &F : Kept)
        OS << F.Where.Begin.File << ':' << F.Where.Begin.Line << ':'
           << F.Where.Begin.Column << ": " << F.Level << ": " << F.Message
           << " [" << F.RuleId << (Base && IsNew(F) ? ",new" : "") << "]\n";
    }
    if (Req.Inventory)
      printInventoryText(OS, Result.Sites, SiteFunctions, Files, Req.SrcRoot);
    break;
  case OutputFormat::Json: {
    json::Array Arr;
    for (const Finding &F : Kept) {
      json::Object O = findingJson(F, Req.SrcRoot);
      O["new"] = IsNew(F);
      Arr.push_back(std::move(O));
    }
    json::Object Doc{{"tool", "alloc-tidy"},
                     {"version", ALLOC_TIDY_VERSION},
                     {"findings", std::move(Arr)}};
    if (Base && !Req.OnlyNew) {
      json::Array Absent;
      for (const BaselineResult &B : Base->Results)
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
    if (Req.Gate == FailOn::NewSites)
      Doc["newSites"] = NewSitesJson();
    OS << llvm::formatv("{0:2}", json::Value(std::move(Doc))) << '\n';
    break;
  }
  case OutputFormat::Sarif: {
    SarifExtras X;
    std::vector<Finding> Located;
    for (const Finding &F : Kept)
      if (F.Where.Begin.File.empty())
        X.ConfigErrors.push_back(&F);
      else
        Located.push_back(F);
    X.ToolErrors = llvm::any_of(Located, [](const Finding &F) {
      return F.RuleId.rfind("clang-diagnostic-error", 0) == 0;
    });
    std::vector<BaselineResult> AbsentOnes;
    if (Base && !Req.OnlyNew)
      for (const BaselineResult &B : Base->Results)
        if (!B.Matched)
          AbsentOnes.push_back(B);
    // --max-results: new findings first, then errors before warnings
    // before notes; the baseline's absent results last.
    if (Req.MaxResults && Located.size() + AbsentOnes.size() > Req.MaxResults) {
      auto Rank = [&](const Finding &F) {
        return std::make_tuple(IsNew(F) ? 0 : 1, F.Level == "error"     ? 0
                                                 : F.Level == "warning" ? 1
                                                                        : 2);
      };
      std::vector<size_t> Order(Located.size());
      for (size_t I = 0; I < Order.size(); ++I)
        Order[I] = I;
      llvm::stable_sort(Order, [&](size_t A, size_t B) {
        return Rank(Located[A]) < Rank(Located[B]);
      });
      std::vector<bool> In(Located.size(), false);
      for (size_t I = 0; I < Order.size() && I < Req.MaxResults; ++I)
        In[Order[I]] = true;
      std::vector<Finding> Chosen;
      for (size_t I = 0; I < Located.size(); ++I)
        if (In[I])
          Chosen.push_back(std::move(Located[I]));
      size_t Left = Req.MaxResults - Chosen.size();
      Omitted = Located.size() - Chosen.size() +
                (AbsentOnes.size() > Left ? AbsentOnes.size() - Left : 0);
      if (AbsentOnes.size() > Left)
        AbsentOnes.resize(Left);
      Located = std::move(Chosen);
      X.Omitted = Omitted;
      X.MaxResults = Req.MaxResults;
    }
    X.Absent = Base ? &AbsentOnes : nullptr;
    if (Req.Inventory)
      X.Inventory = inventoryJson(Result.Sites, SiteFingerprints, SiteFunctions,
                                  Files, Req.SrcRoot);
    if (Req.Gate == FailOn::NewSites)
      X.NewSites = NewSitesJson();
    size_t Total = Located.size() + AbsentOnes.size();
    OS << llvm::formatv("{0:2}", sarifDocument(Located, Req.SrcRoot, X))
       << '\n';
    if (!Req.Quiet && Total > GitHubMaxResults)
      llvm::errs() << "alloc-tidy: warning: " << Total
                   << " SARIF results; GitHub code scanning rejects more than "
                   << GitHubMaxResults
                   << " per run: pass --only-new, or --max-results=5000 to "
                      "keep the ones it shows\n";
    break;
  }
  }
  OS.flush();

  // The sites the change adds, listed for review whatever the format: they
  // are why the gate fails.
  for (size_t I : NewSites) {
    const InventoryEntry &S = Result.Sites[I];
    Position P = Files.position(S.File, S.Offset);
    llvm::errs() << "alloc-tidy: new allocation site: " << SiteFile(S) << ':'
                 << P.Line << ':' << P.Column << ": " << S.Callee;
    if (!SiteFunctions[I].empty())
      llvm::errs() << " in " << SiteFunctions[I];
    if (S.Status == "justified")
      llvm::errs() << ": " << S.Lifetime << " -- " << S.Reason;
    else
      llvm::errs() << ": " << S.Status;
    llvm::errs() << "\n";
  }

  if (!Req.Quiet) {
    llvm::errs() << "alloc-tidy: " << Counted << " finding"
                 << (Counted == 1 ? "" : "s");
    if (Base) {
      unsigned Absent = 0;
      for (const BaselineResult &B : Base->Results)
        Absent += !B.Matched;
      llvm::errs() << " (" << New << " new, " << (Counted - New)
                   << " in the baseline; " << Absent << " absent)";
    }
    if (!Req.DiffRev.empty())
      llvm::errs() << " touching lines changed since " << Req.DiffRev;
    if (Req.Gate == FailOn::NewSites)
      llvm::errs() << "; " << NewSites.size() << " new allocation site"
                   << (NewSites.size() == 1 ? "" : "s");
    if (Omitted)
      llvm::errs() << "; " << Omitted << " SARIF results left out by "
                   << "--max-results=" << Req.MaxResults;
    llvm::errs() << "\n";
  }
  return Outcome;
}

} // namespace clang::tidy::alloc
