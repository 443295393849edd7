//===--- Justification.cpp - "/* alloc: lifetime -- reason */" ------------===//

#include "Justification.h"
#include "Compat.h"
#include "Parents.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
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

namespace {
/// The text of a comment without its markers: "// x", "/* x */", "/** x */".
std::optional<StringRef> commentBody(StringRef T) {
  if (T.consume_front("//")) {
    T = T.ltrim("/!");
  } else if (T.consume_front("/*")) {
    T.consume_back("*/");
    T = T.ltrim(" \t\r\n*!"); // "/**", and " * " leading a comment's lines
  } else {
    return std::nullopt;
  }
  return T.trim();
}
} // namespace

std::optional<Justification> parseJustificationComment(StringRef Text) {
  std::optional<StringRef> Body = commentBody(Text);
  if (!Body)
    return std::nullopt;
  StringRef T = *Body;
  if (!T.consume_front("alloc:"))
    return std::nullopt;
  Justification J;
  T = T.ltrim();
  StringRef Word = T.take_while([](char C) { return isAlnum(C) || C == '_'; });
  T = T.drop_front(Word.size()).ltrim();
  if (Word.empty()) {
    J.Error = ("no lifetime; write 'alloc: <lifetime> -- <reason>' with one "
               "of " +
               lifetimeList())
                  .str();
    return J;
  }
  if (Word == "takes" || Word == "copies" || Word == "borrows")
    return parseContract(Text, Word, T);
  J.Life = parseLifetime(Word);
  if (!J.Life) {
    J.Error =
        ("unknown lifetime '" + Word + "'; use one of " + lifetimeList()).str();
    return J;
  }
  if (!T.consume_front("--")) {
    J.Life.reset();
    J.Error = ("no reason; write '-- <reason>' after '" + Word + "'").str();
    return J;
  }
  J.Reason = normaliseReason(T);
  if (J.Reason.empty()) {
    J.Life.reset();
    J.Error = "empty reason; say after '--' why the allocation is needed";
  }
  return J;
}

namespace {
/// The offset of the first "alloc", in any case, at or after \p From, or
/// npos.  The preprocessor hands every comment of the unit and its headers
/// to the collector, so this is memchr scans for the second letter ('l',
/// then 'L') with the other four compared inline, not a case-insensitive
/// comparison at every offset (StringRef::find_insensitive).
size_t findAlloc(StringRef T, size_t From = 0) {
  size_t Best = StringRef::npos;
  for (char L : {'l', 'L'})
    for (size_t I = T.find(L, From + 1);
         I != StringRef::npos && I + 4 <= T.size() && I - 1 < Best;
         I = T.find(L, I + 1))
      if ((T[I - 1] | 0x20) == 'a' && (T[I + 1] | 0x20) == 'l' &&
          (T[I + 2] | 0x20) == 'o' && (T[I + 3] | 0x20) == 'c') {
        Best = I - 1;
        break;
      }
  return Best;
}
} // namespace

std::optional<std::string> nearMissHint(StringRef Text) {
  std::optional<StringRef> Body = commentBody(Text);
  if (!Body || compat::startsWith(*Body, "alloc:"))
    return std::nullopt;
  StringRef T = *Body;
  auto IsWordChar = [](char C) { return isAlnum(C) || C == '_'; };
  for (size_t I = findAlloc(T); I != StringRef::npos; I = findAlloc(T, I + 1)) {
    if (I > 0 && IsWordChar(T[I - 1]))
      continue; // "malloc:", "my_alloc:"
    StringRef Word = T.drop_front(I).take_while(IsWordChar);
    StringRef After = T.drop_front(I + Word.size());
    StringRef Blanks = After.take_while([](char C) { return C == ' '; });
    if (!compat::startsWith(After.drop_front(Blanks.size()), ":"))
      continue;
    if (!Word.equals_insensitive("alloc"))
      return ("the keyword is 'alloc:', not '" + Word + ":'").str();
    if (Word != "alloc")
      return std::string("the keyword is lowercase: 'alloc:'");
    if (!Blanks.empty())
      return std::string("no blank before the colon: 'alloc:'");
    return ("'alloc:' must open the comment; move '" +
            T.take_front(I).rtrim(" :-") + "' after the reason")
        .str();
  }
  return std::nullopt;
}

/// Whether \p Text holds "alloc" in any case.
bool mentionsAlloc(StringRef Text) { return findAlloc(Text) != StringRef::npos; }

/// Feeds "alloc:" comments into the index.
class CommentCollector : public CommentHandler {
public:
  explicit CommentCollector(JustificationIndex &Index) : Index(Index) {}

  bool HandleComment(Preprocessor &PP, SourceRange Range) override {
    const SourceManager &SM = PP.getSourceManager();
    if (!Range.getBegin().isFileID() || !Range.getEnd().isFileID())
      return false;
    auto [FID, Begin] = SM.getDecomposedLoc(Range.getBegin());
    // A comment lies in one file, whose locations are consecutive: its end
    // is as far from its beginning in the file as in their encoding.
    unsigned End = Begin + (Range.getEnd().getRawEncoding() -
                            Range.getBegin().getRawEncoding());
    if (FID != BufferFile) {
      // A system header's comments justify nothing the checks report (they
      // report no allocation there), and they are most of a unit's comments.
      bool Invalid = false;
      Buffer = SM.isInSystemHeader(Range.getBegin())
                   ? StringRef()
                   : SM.getBufferData(FID, &Invalid);
      if (Invalid)
        Buffer = StringRef();
      BufferFile = FID;
    }
    if (Buffer.empty() || End > Buffer.size() || End <= Begin)
      return false;
    StringRef Text = Buffer.slice(Begin, End);
    // Cheap rejection: most comments are not justifications.
    if (!mentionsAlloc(Text))
      return false;
    std::optional<Justification> J = parseJustificationComment(Text);
    std::optional<std::string> Hint;
    if (J)
      J->Loc = Range.getBegin();
    else if (!(Hint = nearMissHint(Text)))
      return false;
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
                                       J ? std::move(*J) : Justification(),
                                       {}};
    if (Hint)
      E.Miss = {std::move(*Hint), Range.getBegin()};
    auto &PF = Index.Files[FID];
    auto &Comments = J ? PF.Comments : PF.NearMisses;
    // Comments arrive in file order; keep the vector sorted regardless.
    auto Pos = llvm::upper_bound(
        Comments, Begin, [](unsigned B, const auto &C) { return B < C.Begin; });
    Comments.insert(Pos, std::move(E));
    return false;
  }

private:
  JustificationIndex &Index;
  /// The text of the file the last comment was in (comments come file by
  /// file, thousands from one header).
  FileID BufferFile;
  StringRef Buffer;
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
      J.Error =
          ("unknown lifetime '" + Word + "'; use one of " + lifetimeList())
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
        J.Error = "empty reason; say why the allocation is needed";
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
                                              const SourceManager &SM,
                                              ScopeFn Scope) const {
  const Justification *J = findAny(Loc, SM, Scope);
  return J && !J->isContract() ? J : nullptr;
}

const Justification *
JustificationIndex::findContract(SourceLocation Loc,
                                 const SourceManager &SM) const {
  const Justification *J = findAny(Loc, SM);
  return J && J->isContract() ? J : nullptr;
}

const Justification *JustificationIndex::findAny(SourceLocation Loc,
                                                 const SourceManager &SM,
                                                 ScopeFn Scope) const {
  SourceLocation FileLoc = SM.getFileLoc(Loc);
  auto [FID, Offset] = SM.getDecomposedLoc(FileLoc);
  auto It = Files.find(FID);
  if (It == Files.end())
    return nullptr;
  for (const MacroEntry &M : It->second.Macros)
    if (M.Begin <= Offset && Offset < M.End)
      return &M.J;
  const CommentEntry *E = lookup(It->second.Comments, FID, Offset, SM, Scope);
  return E ? &E->J : nullptr;
}

const NearMiss *JustificationIndex::findNearMiss(SourceLocation Loc,
                                                 const SourceManager &SM,
                                                 ScopeFn Scope) const {
  auto [FID, Offset] = SM.getDecomposedLoc(SM.getFileLoc(Loc));
  auto It = Files.find(FID);
  if (It == Files.end())
    return nullptr;
  const CommentEntry *E = lookup(It->second.NearMisses, FID, Offset, SM, Scope);
  return E ? &E->Miss : nullptr;
}

const JustificationIndex::CommentEntry *
JustificationIndex::lookup(const std::vector<CommentEntry> &Comments,
                           FileID FID, unsigned Offset, const SourceManager &SM,
                           ScopeFn Scope) {
  if (Comments.empty())
    return nullptr;
  unsigned Line = SM.getLineNumber(FID, Offset);
  auto Next = llvm::upper_bound(
      Comments, Offset, [](unsigned O, const auto &C) { return O < C.Begin; });
  // A trailing comment on the same line.
  if (Next != Comments.end() && Next->BeginLine == Line)
    return &*Next;
  if (Next != Comments.begin() && std::prev(Next)->EndLine == Line)
    return &*std::prev(Next);

  if (Scope) {
    // The statement's lines, from its first to its last: a comment on any of
    // them, or on its own line(s) directly above the first.
    SourceRange R = Scope();
    if (R.isValid()) {
      auto [BFID, BOff] = SM.getDecomposedLoc(SM.getFileLoc(R.getBegin()));
      auto [EFID, EOff] = SM.getDecomposedLoc(SM.getFileLoc(R.getEnd()));
      if (BFID == FID && EFID == FID && BOff <= Offset && Offset <= EOff) {
        unsigned First = SM.getLineNumber(FID, BOff);
        unsigned Last = SM.getLineNumber(FID, EOff);
        auto In = llvm::partition_point(
            Comments, [&](const CommentEntry &C) { return C.EndLine < First; });
        if (In != Comments.end() && In->BeginLine <= Last)
          return &*In;
        if (In != Comments.begin()) {
          const CommentEntry &Above = *std::prev(In);
          if (Above.Standalone && Above.EndLine + 1 == First)
            return &Above;
        }
        return nullptr;
      }
    }
  }

  if (Next == Comments.begin())
    return nullptr;
  const CommentEntry &Prev = *std::prev(Next);
  // A comment on its own line(s) directly above the allocation's line, or
  // above the statement holding it when that statement spans lines: nothing
  // between them ends or opens a statement, and no blank line separates them.
  if (!Prev.Standalone || Prev.EndLine + 1 > Line)
    return nullptr;
  if (Prev.EndLine + 1 == Line)
    return &Prev;
  StringRef Between = SM.getBufferData(FID).slice(Prev.End, Offset);
  if (Between.find_first_of(";{}") != StringRef::npos)
    return nullptr;
  SmallVector<StringRef, 8> Lines;
  Between.split(Lines, '\n');
  for (size_t I = 1; I + 1 < Lines.size(); ++I)
    if (Lines[I].trim().empty())
      return nullptr;
  return &Prev;
}

SourceRange justificationScope(const Expr *E, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*E);
  auto RangeOf = [](const DynTypedNode &N) { return N.getSourceRange(); };
  // Bounded: expressions nest deeply only in generated code.
  for (unsigned Depth = 0; Depth < 256; ++Depth) {
    DynTypedNodeList Parents = parentsOf(Node, Ctx);
    if (Parents.empty())
      return RangeOf(Node);
    const DynTypedNode &P = Parents[0];
    if (const auto *S = P.get<Stmt>()) {
      const Stmt *Child = Node.get<Stmt>();
      // The head of a compound statement: up to the condition's ')'.
      if (const auto *If = dyn_cast<IfStmt>(S)) {
        if (Child != If->getThen() && Child != If->getElse())
          return {If->getBeginLoc(), If->getRParenLoc()};
        return RangeOf(Node);
      }
      if (const auto *W = dyn_cast<WhileStmt>(S)) {
        if (Child != W->getBody())
          return {W->getBeginLoc(), W->getRParenLoc()};
        return RangeOf(Node);
      }
      if (const auto *F = dyn_cast<ForStmt>(S)) {
        if (Child != F->getBody())
          return {F->getBeginLoc(), F->getRParenLoc()};
        return RangeOf(Node);
      }
      if (const auto *Sw = dyn_cast<SwitchStmt>(S)) {
        if (Child != Sw->getBody())
          return {Sw->getBeginLoc(), Sw->getRParenLoc()};
        return RangeOf(Node);
      }
      if (const auto *Do = dyn_cast<DoStmt>(S)) {
        if (Child != Do->getBody())
          return {Do->getWhileLoc(), Do->getRParenLoc()};
        return RangeOf(Node);
      }
      // A statement of a block, or the one a label or case introduces.
      if (isa<CompoundStmt, LabelStmt, CaseStmt, DefaultStmt, AttributedStmt>(
              S))
        return RangeOf(Node);
      Node = P;
      continue;
    }
    if (const auto *D = P.get<Decl>()) {
      // A local variable's initialiser: the declaration statement above it.
      if (isa<VarDecl>(D) && !parentsOf(P, Ctx).empty() &&
          parentsOf(P, Ctx)[0].get<DeclStmt>()) {
        Node = P;
        continue;
      }
      return RangeOf(P);
    }
    Node = P;
  }
  return RangeOf(Node);
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

bool JustificationIndex::anyLifetime() const {
  auto Stated = [](const Justification &J) { return J.valid() && J.Life; };
  for (const auto &[FID, F] : Files)
    if (llvm::any_of(F.Comments,
                     [&](const CommentEntry &C) { return Stated(C.J); }) ||
        llvm::any_of(F.Macros,
                     [&](const MacroEntry &M) { return Stated(M.J); }))
      return true;
  return false;
}

} // namespace clang::tidy::alloc
