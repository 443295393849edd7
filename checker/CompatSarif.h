//===--- CompatSarif.h - a SARIF writer for LLVM before 16 -----------------===//
//
// The driver writes SARIF through clang's SarifDocumentWriter
// (clang/Basic/Sarif.h), which LLVM 14 does not have and LLVM 15 has without
// result levels.  For those, Compat.h includes this header: the part of
// that interface the driver uses, writing the same JSON (a run with its
// tool, rules, results, artifacts and columnKind).  The driver completes the
// document itself either way.  No version test here: Compat.h picks it.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_COMPAT_SARIF_H
#define ALLOC_TIDY_COMPAT_SARIF_H

#include "clang/Basic/SourceLocation.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::alloc::compat {

enum class SarifResultLevel { None, Note, Warning, Error };

class SarifReportingConfiguration {
public:
  static SarifReportingConfiguration create() { return {}; }
  SarifReportingConfiguration setLevel(SarifResultLevel L) {
    Level = L;
    return *this;
  }

  bool Enabled = true;
  SarifResultLevel Level = SarifResultLevel::Warning;
  double Rank = -1.0;
};

class SarifRule {
public:
  static SarifRule create() { return {}; }
  SarifRule setRuleId(llvm::StringRef S) {
    Id = S.str();
    return *this;
  }
  SarifRule setName(llvm::StringRef S) {
    Name = S.str();
    return *this;
  }
  SarifRule setDescription(llvm::StringRef S) {
    Description = S.str();
    return *this;
  }
  SarifRule setHelpURI(llvm::StringRef S) {
    HelpURI = S.str();
    return *this;
  }
  SarifRule setDefaultConfiguration(const SarifReportingConfiguration &C) {
    DefaultConfiguration = C;
    return *this;
  }

  std::string Id, Name, Description, HelpURI;
  SarifReportingConfiguration DefaultConfiguration;
};

class SarifResult {
public:
  static SarifResult create(size_t RuleIdx) {
    SarifResult R;
    R.RuleIdx = RuleIdx;
    return R;
  }
  SarifResult setRuleId(llvm::StringRef S) {
    RuleId = S.str();
    return *this;
  }
  SarifResult setDiagnosticMessage(llvm::StringRef S) {
    DiagnosticMessage = S.str();
    return *this;
  }
  SarifResult setDiagnosticLevel(SarifResultLevel L) {
    LevelOverride = L;
    return *this;
  }
  SarifResult setLocations(llvm::ArrayRef<CharSourceRange> L) {
    Locations.assign(L.begin(), L.end());
    return *this;
  }

  size_t RuleIdx = 0;
  std::string RuleId, DiagnosticMessage;
  std::optional<SarifResultLevel> LevelOverride;
  std::vector<CharSourceRange> Locations;
};

/// One document with one run at a time, as the driver uses it: createRun,
/// createRule and appendResult, then createDocument.
class SarifDocumentWriter {
public:
  explicit SarifDocumentWriter(const SourceManager &SM) : SM(SM) {}

  void createRun(llvm::StringRef ShortToolName, llvm::StringRef LongToolName,
                 llvm::StringRef ToolVersion) {
    endRun();
    Open = true;
    llvm::json::Object Driver{
        {"name", ShortToolName},
        {"fullName", LongToolName},
        {"language", "en-US"},
        {"version", ToolVersion},
        {"informationUri", "https://clang.llvm.org/docs/UsersManual.html"}};
    Runs.push_back(llvm::json::Object{
        {"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
        {"results", llvm::json::Array{}},
        {"artifacts", llvm::json::Array{}},
        {"columnKind", "unicodeCodePoints"}});
  }

  size_t createRule(const SarifRule &Rule) {
    Rules.push_back(Rule);
    return Rules.size() - 1;
  }

  void appendResult(const SarifResult &Result) {
    const SarifRule &Rule = Rules.at(Result.RuleIdx);
    llvm::json::Object R{
        {"message", llvm::json::Object{{"text", Result.DiagnosticMessage}}},
        {"ruleIndex", static_cast<int64_t>(Result.RuleIdx)},
        {"ruleId", Rule.Id}};
    if (!Result.Locations.empty()) {
      llvm::json::Array Locs;
      for (const CharSourceRange &Range : Result.Locations)
        Locs.push_back(llvm::json::Object{
            {"physicalLocation", physicalLocation(Range)}});
      R["locations"] = std::move(Locs);
    }
    R["level"] = levelText(
        Result.LevelOverride.value_or(Rule.DefaultConfiguration.Level));
    run().getArray("results")->push_back(std::move(R));
  }

  void endRun() {
    if (!Open)
      return;
    llvm::json::Array RulesJson;
    for (const SarifRule &R : Rules) {
      llvm::json::Object Rule{
          {"name", R.Name},
          {"id", R.Id},
          {"fullDescription", llvm::json::Object{{"text", R.Description}}},
          {"defaultConfiguration",
           llvm::json::Object{
               {"enabled", R.DefaultConfiguration.Enabled},
               {"level", levelText(R.DefaultConfiguration.Level)},
               {"rank", R.DefaultConfiguration.Rank}}}};
      if (!R.HelpURI.empty())
        Rule["helpUri"] = R.HelpURI;
      RulesJson.push_back(std::move(Rule));
    }
    (*run().getObject("tool")->getObject("driver"))["rules"] =
        std::move(RulesJson);
    llvm::json::Array *ArtifactsJson = run().getArray("artifacts");
    for (const auto &Entry : Artifacts) // by URI, as clang lists them
      ArtifactsJson->push_back(llvm::json::Object{
          {"location", llvm::json::Object{{"uri", Entry.first},
                                          {"index", Entry.second.Index}}},
          {"length", Entry.second.Length},
          {"roles", llvm::json::Array{"resultFile"}},
          {"mimeType", "text/plain"}});
    Rules.clear();
    Artifacts.clear();
    Open = false;
  }

  llvm::json::Object createDocument() {
    endRun();
    llvm::json::Object Doc{
        {"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/cos02/"
                    "schemas/sarif-schema-2.1.0.json"},
        {"version", "2.1.0"}};
    if (!Runs.empty())
      Doc["runs"] = llvm::json::Array(Runs);
    return Doc;
  }

private:
  struct Artifact {
    int64_t Index = 0;
    int64_t Length = 0;
  };

  static const char *levelText(SarifResultLevel L) {
    switch (L) {
    case SarifResultLevel::None:
      return "none";
    case SarifResultLevel::Note:
      return "note";
    case SarifResultLevel::Warning:
      return "warning";
    case SarifResultLevel::Error:
      return "error";
    }
    return "warning";
  }

  llvm::json::Object &run() { return *Runs.back().getAsObject(); }

  /// A file:// URI of \p Path, reserved characters percent-encoded.
  static std::string fileURI(llvm::StringRef Path) {
    std::string URI = "file://";
    llvm::StringRef Root = llvm::sys::path::root_name(Path);
    if (Root.size() >= 2 && Root[0] == '/' && Root[1] == '/')
      URI += Root.drop_front(2).str();
    else if (!Root.empty())
      URI += "/" + Root.str();
    auto It = llvm::sys::path::begin(Path), End = llvm::sys::path::end(Path);
    if (It == End)
      return URI;
    for (++It; It != End; ++It) {
      if (*It == "\\")
        continue;
      URI += '/';
      for (char C : *It) {
        if (llvm::isAlnum(C) ||
            llvm::StringRef("-._~:@!$&'()*+,;=").find(C) !=
                llvm::StringRef::npos)
          URI += C;
        else
          URI += "%" + llvm::toHex(llvm::StringRef(&C, 1));
      }
    }
    return URI;
  }

  /// The 1-based column of \p Loc in Unicode code points.
  unsigned column(SourceLocation Loc) const {
    std::pair<FileID, unsigned> Info = SM.getDecomposedExpansionLoc(Loc);
    auto Buffer = SM.getBufferOrNone(Info.first);
    unsigned ByteColumn = SM.getExpansionColumnNumber(Loc);
    if (!Buffer)
      return ByteColumn;
    llvm::StringRef Text = Buffer->getBuffer();
    unsigned Off = Info.second - (ByteColumn - 1), Column = 1;
    while (Off < Info.second && Off < Text.size()) {
      Off += llvm::getNumBytesForUTF8(static_cast<unsigned char>(Text[Off]));
      ++Column;
    }
    return Column;
  }

  llvm::json::Object physicalLocation(const CharSourceRange &Range) {
    SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
    SourceLocation End = SM.getExpansionLoc(Range.getEnd());
    llvm::json::Object ArtifactLocation;
    if (auto File = SM.getFileEntryRefForID(SM.getFileID(Begin))) {
      llvm::StringRef Name = File->getFileEntry().tryGetRealPathName();
      if (Name.empty())
        Name = File->getName();
      std::string URI = fileURI(Name);
      auto Found = Artifacts.find(URI);
      if (Found == Artifacts.end()) {
        Artifact A;
        A.Index = static_cast<int64_t>(Artifacts.size());
        A.Length = static_cast<int64_t>(File->getSize());
        Found = Artifacts.emplace(URI, A).first;
      }
      ArtifactLocation = llvm::json::Object{{"uri", URI},
                                            {"index", Found->second.Index}};
    }
    llvm::json::Object Region{
        {"startLine", SM.getExpansionLineNumber(Begin)},
        {"startColumn", column(Begin)}};
    if (Begin == End) {
      Region["endColumn"] = column(Begin);
    } else {
      Region["endLine"] = SM.getExpansionLineNumber(End);
      Region["endColumn"] = column(End);
    }
    return llvm::json::Object{{"artifactLocation", std::move(ArtifactLocation)},
                              {"region", std::move(Region)}};
  }

  const SourceManager &SM;
  bool Open = false;
  std::vector<llvm::json::Value> Runs;
  std::vector<SarifRule> Rules;
  std::map<std::string, Artifact> Artifacts;
};

} // namespace clang::tidy::alloc::compat

#endif // ALLOC_TIDY_COMPAT_SARIF_H
