//===--- Justification.cpp - "/* alloc: lifetime -- reason */" ------------===//

#include "Justification.h"
#include "Compat.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/MacroArgs.h"
#include "clang/Lex/MacroInfo.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace clang::tidy::alloc {

namespace {
struct LifetimeName {
  StringRef Name;
  Lifetime L;
};
constexpr LifetimeName Lifetimes[] = {{"permanent", Lifetime::Permanent},
                                      {"scoped", Lifetime::Scoped},
                                      {"transaction", Lifetime::Transaction},
                                      {"returned", Lifetime::Returned},
                                      {"stored", Lifetime::Stored}};

/// The one macro of include/alloc_tidy.h that carries a justification.
constexpr StringRef JustifiedMacro = "ALLOC_JUSTIFIED";

/// Collapses a multi-line block comment's reason into one line.
std::string normaliseReason(StringRef R) {
  std::string Out;
  SmallVector<StringRef, 4> Lines;
  R.split(Lines, '\n');
  for (StringRef L : Lines) {
    L = L.trim();
    L = L.ltrim('*').trim(); // " * continued" lines of block comments
    if (L.empty())
      continue;
    if (!Out.empty())
      Out += ' ';
    Out += L.str();
  }
  return Out;
}
/// "takes(a, b); copies(c)": the rest of a contract comment after its first
/// word \p Word, with \p Rest what follows that word.
Justification parseContract(StringRef Text, StringRef Word, StringRef Rest) {
  Justification J;
  while (true) {
    if (!Rest.consume_front("(")) {
      J.Error =
          ("contract '" + Word + "' needs its parameters in parentheses: '" +
           Word + "(name, ...)'")
              .str();
      J.Contracts.clear();
      return J;
    }
    size_t Close = Rest.find(')');
    if (Close == StringRef::npos) {
      J.Error = ("contract '" + Word + "' has no closing ')'").str();
      J.Contracts.clear();
      return J;
    }
    SmallVector<StringRef, 4> Names;
    Rest.take_front(Close).split(Names, ',');
    for (StringRef N : Names) {
      N = N.trim();
      if (N.empty() ||
          !llvm::all_of(N, [](char C) { return isAlnum(C) || C == '_'; })) {
        J.Error = ("contract '" + Word + "' names '" + N +
                   "', which is not a parameter name")
                      .str();
        J.Contracts.clear();
        return J;
      }
      J.Contracts.push_back({Word.str(), N.str()});
    }
    Rest = Rest.drop_front(Close + 1).ltrim();
    if (!Rest.consume_front(";"))
      break;
    Rest = Rest.ltrim();
    Word = Rest.take_while([](char C) { return isAlnum(C) || C == '_'; });
    Rest = Rest.drop_front(Word.size()).ltrim();
    if (Word != "takes" && Word != "copies" && Word != "borrows") {
      J.Error =
          ("unknown contract '" + Word + "'; use takes, copies or borrows")
              .str();
      J.Contracts.clear();
      return J;
    }
  }
  // "-- why" may follow; anything else is a typo.
  if (!Rest.empty() && !compat::startsWith(Rest, "--")) {
    J.Error = ("unexpected '" + Rest.take_front(20) +
               "' after the contract; separate clauses with ';'")
                  .str();
    J.Contracts.clear();
  }
  return J;
}

} // namespace

StringRef spell(Lifetime L) {
  for (const LifetimeName &N : Lifetimes)
    if (N.L == L)
      return N.Name;
  llvm_unreachable("every lifetime has a name");
}

std::optional<Lifetime> parseLifetime(StringRef Word) {
  for (const LifetimeName &N : Lifetimes)
    if (N.Name == Word)
      return N.L;
  return std::nullopt;
}

StringRef lifetimeList() {
  return "permanent, scoped, transaction, returned, stored";
}

std::optional<Justification> parseJustificationComment(StringRef Text) {
  StringRef T = Text;
  if (T.consume_front("//")) {
    T = T.ltrim("/!");
  } else if (T.consume_front("/*")) {
    T.consume_back("*/");
    T = T.ltrim(" \t\r\n*!"); // "/**", and " * " leading a comment's lines
  } else {
    return std::nullopt;
  }
  T = T.trim();
  if (!T.consume_front("alloc:"))
    return std::nullopt;
  Justification J;
  T = T.ltrim();
  StringRef Word = T.take_while([](char C) { return isAlnum(C) || C == '_'; });
  T = T.drop_front(Word.size()).ltrim();
  if (Word.empty()) {
    J.Error = ("justification names no lifetime; write 'alloc: <lifetime> -- "
               "<reason>' with a lifetime of " +
               lifetimeList())
                  .str();
    return J;
  }
  if (Word == "takes" || Word == "copies" || Word == "borrows")
    return parseContract(Text, Word, T);
  J.Life = parseLifetime(Word);
  if (!J.Life) {
    J.Error = ("unknown lifetime '" + Word +
               "' in allocation justification; use one of " + lifetimeList() +
               " (or takes, copies, borrows for a contract)")
                  .str();
    return J;
  }
  if (!T.consume_front("--")) {
    J.Life.reset();
    J.Error = ("allocation justification has no reason; write '-- <reason>' "
               "after the lifetime '" +
               Word + "'")
                  .str();
    return J;
  }
  J.Reason = normaliseReason(T);
  if (J.Reason.empty()) {
    J.Life.reset();
    J.Error = "allocation justification has an empty reason; say after '--' "
              "why this allocation is needed";
  }
  return J;
}

/// Feeds "alloc:" comments into the index.
class CommentCollector : public CommentHandler {
public:
  explicit CommentCollector(JustificationIndex &Index) : Index(Index) {}

  bool HandleComment(Preprocessor &PP, SourceRange Range) override {
    const SourceManager &SM = PP.getSourceManager();
    auto [FID, Begin] = SM.getDecomposedLoc(Range.getBegin());
    unsigned End = SM.getFileOffset(Range.getEnd());
    bool Invalid = false;
    StringRef Buffer = SM.getBufferData(FID, &Invalid);
    if (Invalid || End > Buffer.size() || End <= Begin)
      return false;
    StringRef Text = Buffer.slice(Begin, End);
    // Cheap rejection: most comments are not justifications.
    if (!Text.contains("alloc:"))
      return false;
    std::optional<Justification> J = parseJustificationComment(Text);
    if (!J)
      return false;
    J->Loc = Range.getBegin();
    size_t LineStart = Buffer.rfind('\n', Begin);
    LineStart = LineStart == StringRef::npos ? 0 : LineStart + 1;
    size_t LineEnd = Buffer.find('\n', End);
    bool Standalone =
        Buffer.slice(LineStart, Begin).trim().empty() &&
        Buffer.slice(End, LineEnd == StringRef::npos ? Buffer.size() : LineEnd)
            .trim()
            .empty();
    JustificationIndex::CommentEntry E{Begin,
                                       End,
                                       SM.getLineNumber(FID, Begin),
                                       SM.getLineNumber(FID, End - 1),
                                       Standalone,
                                       std::move(*J)};
    auto &Comments = Index.Files[FID].Comments;
    // Comments arrive in file order; keep the vector sorted regardless.
    auto Pos = llvm::upper_bound(
        Comments, Begin, [](unsigned B, const auto &C) { return B < C.Begin; });
    Comments.insert(Pos, std::move(E));
    return false;
  }

private:
  JustificationIndex &Index;
};

/// Records ALLOC_JUSTIFIED(lifetime, "reason", expr) invocations.
class MacroCollector : public PPCallbacks {
public:
  MacroCollector(JustificationIndex &Index, Preprocessor &PP)
      : Index(Index), PP(PP) {}

  void MacroExpands(const Token &Name, const MacroDefinition &MD,
                    SourceRange Range, const MacroArgs *Args) override {
    const IdentifierInfo *II = Name.getIdentifierInfo();
    if (!II || II->getName() != JustifiedMacro || !Args)
      return;
    const MacroInfo *MI = MD.getMacroInfo();
    if (!MI || MI->getNumParams() != 3)
      return;
    const SourceManager &SM = PP.getSourceManager();
    CharSourceRange FileRange = SM.getExpansionRange(Range);
    auto [FID, Begin] = SM.getDecomposedLoc(FileRange.getBegin());
    unsigned End = SM.getFileOffset(FileRange.getEnd());

    Justification J;
    J.FromMacro = true;
    const Token *LifeTok = Args->getUnexpArgument(0);
    const Token *ReasonTok = Args->getUnexpArgument(1);
    J.Loc = LifeTok->is(tok::eof) ? Name.getLocation() : LifeTok->getLocation();
    const IdentifierInfo *LifeII =
        LifeTok->is(tok::eof) ? nullptr : LifeTok->getIdentifierInfo();
    StringRef Word = LifeII ? LifeII->getName() : "";
    J.Life = parseLifetime(Word);
    if (!LifeII) {
      J.Error = ("ALLOC_JUSTIFIED needs a lifetime as its first argument, one "
                 "of " +
                 lifetimeList())
                    .str();
    } else if (!J.Life) {
      J.Error = ("unknown lifetime '" + Word +
                 "' in allocation justification; use one of " + lifetimeList())
                    .str();
    } else if (!ReasonTok->is(tok::string_literal)) {
      J.Life.reset();
      J.Error = "ALLOC_JUSTIFIED needs a string literal reason as its second "
                "argument";
    } else {
      StringRef Lit(ReasonTok->getLiteralData(), ReasonTok->getLength());
      Lit.consume_front("\"");
      Lit.consume_back("\"");
      J.Reason = Lit.trim().str();
      if (J.Reason.empty()) {
        J.Life.reset();
        J.Error = "allocation justification has an empty reason; say why this "
                  "allocation is needed";
      }
    }
    Index.Files[FID].Macros.push_back({Begin, End + 1, std::move(J)});
  }

private:
  JustificationIndex &Index;
  Preprocessor &PP;
};

JustificationIndex::JustificationIndex() = default;
JustificationIndex::~JustificationIndex() = default;

void JustificationIndex::attach(Preprocessor &PP) {
  Handler = std::make_unique<CommentCollector>(*this);
  PP.addCommentHandler(Handler.get());
  PP.addPPCallbacks(std::make_unique<MacroCollector>(*this, PP));
}

std::shared_ptr<const JustificationIndex>
sharedJustifications(Preprocessor &PP) {
  // Per thread: the driver preprocesses one unit per thread.  The index
  // dies with the unit's checks, so a later unit whose preprocessor reuses
  // the address finds the weak pointer expired and gets its own.
  thread_local Preprocessor *LastPP = nullptr;
  thread_local std::weak_ptr<JustificationIndex> Last;
  if (LastPP == &PP)
    if (std::shared_ptr<JustificationIndex> Index = Last.lock())
      return Index;
  auto Index = std::make_shared<JustificationIndex>();
  Index->attach(PP);
  LastPP = &PP;
  Last = Index;
  return Index;
}

const Justification *JustificationIndex::find(SourceLocation Loc,
                                              const SourceManager &SM) const {
  const Justification *J = findAny(Loc, SM);
  return J && !J->isContract() ? J : nullptr;
}

const Justification *
JustificationIndex::findContract(SourceLocation Loc,
                                 const SourceManager &SM) const {
  const Justification *J = findAny(Loc, SM);
  return J && J->isContract() ? J : nullptr;
}

const Justification *
JustificationIndex::findAny(SourceLocation Loc, const SourceManager &SM) const {
  SourceLocation FileLoc = SM.getFileLoc(Loc);
  auto [FID, Offset] = SM.getDecomposedLoc(FileLoc);
  auto It = Files.find(FID);
  if (It == Files.end())
    return nullptr;
  const PerFile &F = It->second;
  for (const MacroEntry &M : F.Macros)
    if (M.Begin <= Offset && Offset < M.End)
      return &M.J;
  if (F.Comments.empty())
    return nullptr;
  unsigned Line = SM.getLineNumber(FID, Offset);
  auto Next =
      llvm::upper_bound(F.Comments, Offset,
                        [](unsigned O, const auto &C) { return O < C.Begin; });
  // A trailing comment on the same line.
  if (Next != F.Comments.end() && Next->BeginLine == Line)
    return &Next->J;
  if (Next == F.Comments.begin())
    return nullptr;
  const CommentEntry &Prev = *std::prev(Next);
  if (Prev.EndLine == Line)
    return &Prev.J;
  // A comment on its own line(s) directly above the allocation's line, or
  // above the statement holding it when that statement spans lines: nothing
  // between them ends or opens a statement, and no blank line separates them.
  if (!Prev.Standalone || Prev.EndLine + 1 > Line)
    return nullptr;
  if (Prev.EndLine + 1 == Line)
    return &Prev.J;
  StringRef Between = SM.getBufferData(FID).slice(Prev.End, Offset);
  if (Between.find_first_of(";{}") != StringRef::npos)
    return nullptr;
  SmallVector<StringRef, 8> Lines;
  Between.split(Lines, '\n');
  for (size_t I = 1; I + 1 < Lines.size(); ++I)
    if (Lines[I].trim().empty())
      return nullptr;
  return &Prev.J;
}

std::vector<const Justification *> JustificationIndex::all() const {
  std::vector<const Justification *> Out;
  for (const auto &[FID, F] : Files) {
    for (const CommentEntry &C : F.Comments)
      Out.push_back(&C.J);
    for (const MacroEntry &M : F.Macros)
      Out.push_back(&M.J);
  }
  return Out;
}

} // namespace clang::tidy::alloc
