//===--- Findings.cpp - diagnostics as reportable findings ----------------===//

#include "Findings.h"
#include "Compat.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"
#include <map>

namespace clang::tidy::alloc {

SourceFiles::Data &SourceFiles::get(llvm::StringRef File) {
  auto It = Files.find(File);
  if (It != Files.end())
    return It->second;
  Data D;
  if (auto Buf = llvm::MemoryBuffer::getFile(File))
    D.Text = (*Buf)->getBuffer().str();
  D.LineStarts.push_back(0);
  for (unsigned I = 0; I < D.Text.size(); ++I)
    if (D.Text[I] == '\n')
      D.LineStarts.push_back(I + 1);
  return Files[File] = std::move(D);
}

Position SourceFiles::position(llvm::StringRef File, unsigned Offset) {
  Data &D = get(File);
  auto It = llvm::upper_bound(D.LineStarts, Offset);
  unsigned Line = It - D.LineStarts.begin();
  Position P;
  P.File = File.str();
  P.Offset = Offset;
  P.Line = std::max(1u, Line);
  unsigned LineStart = D.LineStarts[P.Line - 1];
  P.Column = Offset - LineStart + 1;
  P.CharColumn = 1;
  for (unsigned I = LineStart; I < Offset && I < D.Text.size(); ++I)
    if ((static_cast<unsigned char>(D.Text[I]) & 0xC0) != 0x80)
      ++P.CharColumn;
  return P;
}

llvm::StringRef SourceFiles::lineText(llvm::StringRef File, unsigned Offset) {
  Data &D = get(File);
  if (Offset > D.Text.size())
    return "";
  llvm::StringRef T = D.Text;
  size_t B = D.LineStarts[position(File, Offset).Line - 1];
  return T.slice(B, T.find('\n', B));
}

std::string enclosingFunction(const std::vector<FunctionRange> &Functions,
                              llvm::StringRef File, unsigned Offset) {
  const FunctionRange *Best = nullptr;
  for (const FunctionRange &F : Functions)
    if (F.File == File && F.Begin <= Offset && Offset <= F.End &&
        (!Best || F.Begin >= Best->Begin))
      Best = &F;
  return Best ? Best->Name : "";
}

namespace {

/// The line's code without blanks or a trailing comment, so re-indenting or
/// adding a comment does not change the fingerprint.
std::string normalise(llvm::StringRef Line) {
  size_t Comment = Line.find("//");
  if (Comment != llvm::StringRef::npos)
    Line = Line.take_front(Comment);
  std::string Out;
  bool InBlock = false;
  for (size_t I = 0; I < Line.size(); ++I) {
    if (!InBlock && compat::startsWith(Line.substr(I), "/*")) {
      InBlock = true;
      ++I;
      continue;
    }
    if (InBlock) {
      if (compat::startsWith(Line.substr(I), "*/")) {
        InBlock = false;
        ++I;
      }
      continue;
    }
    if (!llvm::isSpace(Line[I]))
      Out += Line[I];
  }
  return Out;
}

std::string firstQuoted(llvm::StringRef Message) {
  size_t B = Message.find('\'');
  if (B == llvm::StringRef::npos)
    return "";
  size_t E = Message.find('\'', B + 1);
  return Message.slice(B + 1, E).str();
}

std::string fingerprint(llvm::StringRef Rule, llvm::StringRef Function,
                        llvm::StringRef Callee, llvm::StringRef Text,
                        unsigned Ordinal) {
  std::string Key =
      (Rule + "\x1f" + Function + "\x1f" + Callee + "\x1f" + Text).str();
  // xxHash64 is in every supported LLVM: the same fingerprints whichever
  // LLVM alloc-tidy was built against, so baselines survive an upgrade.
  uint64_t H = llvm::xxHash64(llvm::arrayRefFromStringRef(Key));
  return llvm::utohexstr(H, /*LowerCase=*/true, 16) + ":" +
         std::to_string(Ordinal);
}

/// The end of the identifier (or the one character) at \p Offset.
unsigned tokenEnd(SourceFiles &Files, llvm::StringRef File, unsigned Offset) {
  Position P = Files.position(File, Offset);
  llvm::StringRef Line = Files.lineText(File, Offset);
  size_t I = P.Column - 1;
  size_t E = I;
  while (E < Line.size() && (llvm::isAlnum(Line[E]) || Line[E] == '_'))
    ++E;
  if (E == I && I < Line.size())
    ++E;
  return Offset + (E - I);
}

Region region(SourceFiles &Files, llvm::StringRef File, unsigned Begin,
              unsigned End) {
  return {Files.position(File, Begin), Files.position(File, End)};
}

} // namespace

std::vector<Finding> toFindings(const AnalysisResult &Result,
                                SourceFiles &Files) {
  std::vector<Finding> Out;
  std::map<std::string, unsigned> Ordinals;
  for (const ClangTidyError &E : Result.Errors) {
    Finding F;
    F.RuleId = E.DiagnosticName;
    F.Level = E.DiagLevel == ClangTidyError::Error || E.IsWarningAsError
                  ? "error"
              : E.DiagLevel == ClangTidyError::Remark ? "note"
                                                      : "warning";
    F.Message = E.Message.Message;
    const std::string &Path = E.Message.FilePath;
    unsigned Begin = E.Message.FileOffset, End = Begin;
    for (const auto &R : E.Message.Ranges)
      if (R.FilePath == Path && R.FileOffset == Begin)
        End = std::max(End, R.FileOffset + R.Length);
    if (End == Begin) // a caret: cover the token it points at
      End = tokenEnd(Files, Path, Begin);
    F.Where = region(Files, Path, Begin, End);
    // Notes and fix-its name their file as the compile command did:
    // relative to the command's directory when the command was.
    auto Absolute = [&](llvm::StringRef P) {
      llvm::SmallString<256> A(P);
      if (!A.empty() && !llvm::sys::path::is_absolute(A) &&
          !E.BuildDirectory.empty())
        compat::makeAbsolute(E.BuildDirectory, A);
      return std::string(A);
    };
    for (const tooling::DiagnosticMessage &N : E.Notes) {
      if (N.FilePath.empty())
        continue;
      F.Notes.push_back({N.Message, region(Files, Absolute(N.FilePath),
                                           N.FileOffset, N.FileOffset)});
    }
    for (const auto &Entry : E.Message.Fix)
      for (const tooling::Replacement &R : Entry.getValue())
        F.Fixes.push_back({region(Files, Absolute(R.getFilePath()),
                                  R.getOffset(), R.getOffset() + R.getLength()),
                           R.getReplacementText().str()});
    F.Function = enclosingFunction(Result.Functions, Path, Begin);
    std::string Text =
        Path.empty() ? "" : normalise(Files.lineText(Path, Begin));
    std::string Callee = firstQuoted(F.Message);
    std::string Key = F.RuleId + "\x1f" + Path + "\x1f" + F.Function + "\x1f" +
                      Callee + "\x1f" + Text;
    F.Fingerprint =
        fingerprint(F.RuleId, F.Function, Callee, Text, Ordinals[Key]++);
    Out.push_back(std::move(F));
  }
  return Out;
}

std::string normalisedLine(SourceFiles &Files, llvm::StringRef File,
                           unsigned Offset) {
  return normalise(Files.lineText(File, Offset));
}

std::string siteFingerprint(const InventoryEntry &Site,
                            llvm::StringRef Function, SourceFiles &Files,
                            unsigned Ordinal) {
  return fingerprint("alloc-site", Function, Site.Callee,
                     normalise(Files.lineText(Site.File, Site.Offset)),
                     Ordinal);
}

} // namespace clang::tidy::alloc
