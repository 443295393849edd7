//===--- AllocationModel.cpp - allocator families and contracts -----------===//

#include "AllocationModel.h"
#include "Compat.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <mutex>

using namespace llvm;

namespace clang::tidy::alloc {

namespace {

/// One shipped rules file, embedded by cmake/EmbedRules.cmake.
struct ShippedRules {
  StringRef Stem;
  StringRef Path;
  StringRef Text;
};

const ShippedRules Shipped[] = {
#include "BuiltinRules.inc"
};

/// Where an allocation goes: "return" or "arg<N>".
struct AllocDest {
  bool Return = false;
  std::optional<unsigned> Arg;
};

/// An argument index in a rules file (0 is the first argument).
struct ArgIndex {
  unsigned Value = 0;
};

/// `returns: owned | borrowed | borrowed-from(arg N)`.
struct ReturnSpec {
  ReturnContract Contract = ReturnContract::Unspecified;
  std::optional<unsigned> From; ///< borrowed-from(arg N)
  std::optional<unsigned> Arg;  ///< arg N: the argument itself
};

/// The mapping form of `frees-fields`: `{arg: N, fields: [a, b]}`.
struct FreesFieldsMap {
  std::optional<ArgIndex> Arg;
  std::vector<std::string> Fields;
};

/// `fills-fields: {arg: N, fields: [a, b]}`: the same form, its own key.
struct FillsFieldsMap : FreesFieldsMap {};

/// `frees-fields: N` (every pointer field of argument N) or
/// `frees-fields: {arg: N, fields: [a, b]}` (those fields only).
struct FreesFieldsSpec {
  /// The form written; a sequence is an error reported by validation.
  enum Form { Scalar, Map, Sequence } Written = Scalar;
  ArgIndex Arg;          ///< the scalar form
  FreesFieldsMap M;      ///< the mapping form
  std::vector<std::string> Seq; ///< swallowed sequence form
  unsigned arg() const { return Written == Map ? M.Arg->Value : Arg.Value; }
};

/// The YAML form of one function entry; see docs/rules-schema.md.
struct YamlFunction {
  std::string Name;
  std::optional<std::string> Family;
  std::optional<AllocDest> Allocates;
  std::optional<unsigned> WhenNull;
  std::optional<unsigned> Reallocates;
  bool FreesOnFailure = false;
  bool ReallocatesOut = false;
  std::optional<unsigned> Frees;
  std::optional<bool> MayReturnNull;
  std::optional<std::string> Status;
  std::optional<ReturnSpec> Returns;
  std::optional<FreesFieldsSpec> FreesFields;
  std::optional<FillsFieldsMap> FillsFields;
  std::optional<std::string> NullNote;
  std::vector<ArgIndex> Takes, Holds, Copies, Borrows, Dereferences, Retains,
      Links;
  std::vector<ArgIndex> TakesOnSuccess, TakesAlways;
  bool NoReturn = false;
  bool NeverPositive = false;
  // Summaries files only (inferred: true).
  std::optional<std::string> Via, Origin;
  std::vector<std::string> Requires;
};

/// One unit of a summaries file.
struct YamlUnit {
  std::string File;
  std::string Key;
  std::vector<std::string> Deps; ///< "<hash> <path>"
  std::vector<YamlFunction> Functions;
  std::vector<std::string> Fields; ///< FieldLedger's facts
};

/// The YAML form of one rules file.
struct YamlRules {
  std::string Family;
  std::optional<std::string> FailureFlag;
  /// A summaries file written by alloc-tidy: the entries are inferred.
  bool Inferred = false;
  std::vector<YamlFunction> Functions;
  /// Summaries files: "record.field origin via" (see FieldLedger.h).
  std::vector<std::string> Unreleased;
  std::vector<YamlUnit> Units;
};

} // namespace
} // namespace clang::tidy::alloc

using clang::tidy::alloc::AllocDest;
using clang::tidy::alloc::ArgIndex;
using clang::tidy::alloc::FillsFieldsMap;
using clang::tidy::alloc::FreesFieldsMap;
using clang::tidy::alloc::FreesFieldsSpec;
using clang::tidy::alloc::ReturnContract;
using clang::tidy::alloc::ReturnSpec;
using clang::tidy::alloc::YamlFunction;
using clang::tidy::alloc::YamlRules;
using clang::tidy::alloc::YamlUnit;

LLVM_YAML_IS_FLOW_SEQUENCE_VECTOR(ArgIndex)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlFunction)
LLVM_YAML_IS_SEQUENCE_VECTOR(YamlUnit)

namespace llvm::yaml {

template <> struct ScalarTraits<AllocDest> {
  static void output(const AllocDest &V, void *, raw_ostream &OS) {
    if (V.Return)
      OS << "return";
    else
      OS << "arg" << V.Arg.value_or(0);
  }
  static StringRef input(StringRef S, void *, AllocDest &V) {
    if (S == "return") {
      V.Return = true;
      return {};
    }
    unsigned N;
    if (S.consume_front("arg") && !S.getAsInteger(10, N) && N <= 63) {
      V.Arg = N;
      return {};
    }
    return "'allocates' must be 'return' or 'arg<N>' (N the index of the "
           "pointer argument that receives the allocation)";
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};

template <> struct ScalarTraits<ArgIndex> {
  static void output(const ArgIndex &V, void *, raw_ostream &OS) {
    OS << V.Value;
  }
  static StringRef input(StringRef S, void *, ArgIndex &V) {
    if (S.getAsInteger(10, V.Value) || V.Value > 63)
      return "expected an argument index from 0 to 63";
    return {};
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};

template <> struct ScalarTraits<ReturnSpec> {
  static void output(const ReturnSpec &V, void *, raw_ostream &OS) {
    if (V.From)
      OS << "borrowed-from(arg " << *V.From << ")";
    else if (V.Arg)
      OS << "arg " << *V.Arg;
    else
      OS << (V.Contract == ReturnContract::Owned ? "owned" : "borrowed");
  }
  static StringRef input(StringRef S, void *, ReturnSpec &V) {
    if (S == "owned") {
      V.Contract = ReturnContract::Owned;
      return {};
    }
    if (S == "borrowed") {
      V.Contract = ReturnContract::Borrowed;
      return {};
    }
    StringRef Rest = S;
    unsigned N;
    if (StringRef A = S; A.consume_front("arg") && !A.trim().getAsInteger(10, N) &&
                         N <= 63) {
      V.Arg = N;
      return {};
    }
    if (Rest.consume_front("borrowed-from(") && Rest.consume_back(")")) {
      Rest = Rest.trim();
      if (Rest.consume_front("arg") && !Rest.trim().getAsInteger(10, N) &&
          N <= 63) {
        V.Contract = ReturnContract::Borrowed;
        V.From = N;
        return {};
      }
    }
    return "'returns' must be 'owned', 'borrowed', 'borrowed-from(arg N)' "
           "(N the index of the argument whose object the result points "
           "into) or 'arg N' (the function returns that argument)";
  }
  static QuotingType mustQuote(StringRef) { return QuotingType::None; }
};

/// `{arg: N, fields: [a, b]}` under \p Key, whose fields are \p Done.
void mapFields(IO &IO, FreesFieldsMap &F) {
  clang::tidy::alloc::compat::mapOptional(IO, "arg", F.Arg);
  IO.mapOptional("fields", F.Fields);
}
std::string validateFields(IO &IO, const FreesFieldsMap &F, StringRef Key,
                           StringRef Done, bool NeedFields) {
  if (IO.outputting())
    return {};
  for (StringRef K : IO.keys())
    if (K != "arg" && K != "fields")
      return {}; // reported by the parser at the key
  if (!F.Arg)
    return ("'" + Key +
            "' needs 'arg' (the index of the argument whose "
            "fields are " +
            Done + ")")
        .str();
  if (NeedFields && F.Fields.empty())
    return ("'" + Key + "' needs 'fields' (the fields " + Done + ")").str();
  for (const std::string &Name : F.Fields)
    if (Name.empty() || !llvm::all_of(Name, [](char C) {
          return llvm::isAlnum(C) || C == '_';
        }))
      return ("field name '" + Name + "' in '" + Key +
              "' is not a C identifier")
          .str();
  return {};
}

template <> struct MappingTraits<FreesFieldsMap> {
  static void mapping(IO &IO, FreesFieldsMap &F) { mapFields(IO, F); }
  static std::string validate(IO &IO, FreesFieldsMap &F) {
    return validateFields(IO, F, "frees-fields", "freed", false);
  }
};

template <> struct MappingTraits<FillsFieldsMap> {
  static void mapping(IO &IO, FillsFieldsMap &F) { mapFields(IO, F); }
  static std::string validate(IO &IO, FillsFieldsMap &F) {
    return validateFields(IO, F, "fills-fields", "filled", true);
  }
};

template <> struct PolymorphicTraits<FreesFieldsSpec> {
  static NodeKind getKind(const FreesFieldsSpec &F) {
    return F.Written == FreesFieldsSpec::Map ? NodeKind::Map : NodeKind::Scalar;
  }
  static ArgIndex &getAsScalar(FreesFieldsSpec &F) {
    F.Written = FreesFieldsSpec::Scalar;
    return F.Arg;
  }
  static FreesFieldsMap &getAsMap(FreesFieldsSpec &F) {
    F.Written = FreesFieldsSpec::Map;
    return F.M;
  }
  static std::vector<std::string> &getAsSequence(FreesFieldsSpec &F) {
    F.Written = FreesFieldsSpec::Sequence;
    return F.Seq;
  }
};

/// `null: may | never`, stored as "may return NULL".
struct NullPolicy {
  bool May = true;
};
template <> struct ScalarEnumerationTraits<NullPolicy> {
  static void enumeration(IO &IO, NullPolicy &V) {
    IO.enumCase(V.May, "may", true);
    IO.enumCase(V.May, "never", false);
  }
};

template <> struct MappingTraits<YamlFunction> {
  static void mapping(IO &IO, YamlFunction &F) {
    IO.mapRequired("name", F.Name);
    clang::tidy::alloc::compat::mapOptional(IO, "family", F.Family);
    clang::tidy::alloc::compat::mapOptional(IO, "allocates", F.Allocates);
    clang::tidy::alloc::compat::mapOptional(IO, "when-null", F.WhenNull);
    clang::tidy::alloc::compat::mapOptional(IO, "reallocates", F.Reallocates);
    IO.mapOptional("frees-on-failure", F.FreesOnFailure, false);
    IO.mapOptional("reallocates-out", F.ReallocatesOut, false);
    clang::tidy::alloc::compat::mapOptional(IO, "frees", F.Frees);
    std::optional<NullPolicy> Null;
    if (F.MayReturnNull)
      Null = NullPolicy{*F.MayReturnNull};
    clang::tidy::alloc::compat::mapOptional(IO, "null", Null);
    if (Null)
      F.MayReturnNull = Null->May;
    clang::tidy::alloc::compat::mapOptional(IO, "status", F.Status);
    clang::tidy::alloc::compat::mapOptional(IO, "null-note", F.NullNote);
    clang::tidy::alloc::compat::mapOptional(IO, "returns", F.Returns);
    clang::tidy::alloc::compat::mapOptional(IO, "frees-fields", F.FreesFields);
    clang::tidy::alloc::compat::mapOptional(IO, "fills-fields", F.FillsFields);
    clang::tidy::alloc::compat::mapOptional(IO, "takes", F.Takes);
    clang::tidy::alloc::compat::mapOptional(IO, "takes-on-success",
                                            F.TakesOnSuccess);
    clang::tidy::alloc::compat::mapOptional(IO, "takes-always", F.TakesAlways);
    clang::tidy::alloc::compat::mapOptional(IO, "holds", F.Holds);
    clang::tidy::alloc::compat::mapOptional(IO, "copies", F.Copies);
    clang::tidy::alloc::compat::mapOptional(IO, "borrows", F.Borrows);
    clang::tidy::alloc::compat::mapOptional(IO, "dereferences", F.Dereferences);
    clang::tidy::alloc::compat::mapOptional(IO, "retains", F.Retains);
    clang::tidy::alloc::compat::mapOptional(IO, "links", F.Links);
    IO.mapOptional("noreturn", F.NoReturn, false);
    IO.mapOptional("never-positive", F.NeverPositive, false);
    clang::tidy::alloc::compat::mapOptional(IO, "via", F.Via);
    clang::tidy::alloc::compat::mapOptional(IO, "origin", F.Origin);
    IO.mapOptional("requires", F.Requires);
  }

  static std::string validate(IO &IO, YamlFunction &F) {
    if (IO.outputting())
      return {};
    // An unknown key is reported by the parser, at the key, once mapping
    // ends; a semantic error here would hide it.
    static constexpr StringRef Known[] = {"name",
                                          "family",
                                          "allocates",
                                          "when-null",
                                          "reallocates",
                                          "frees",
                                          "null",
                                          "null-note",
                                          "status",
                                          "returns",
                                          "takes",
                                          "holds",
                                          "copies",
                                          "borrows",
                                          "dereferences",
                                          "noreturn",
                                          "never-positive",
                                          "frees-fields",
                                          "fills-fields",
                                          "via",
                                          "origin",
                                          "requires",
                                          "frees-on-failure",
                                          "retains",
                                          "links",
                                          "takes-on-success",
                                          "takes-always",
                                          "reallocates-out"};
    for (StringRef K : IO.keys())
      if (!llvm::is_contained(Known, K))
        return {};
    // A function, or an allocator hook: a global function pointer ("var")
    // or a function-pointer field of a global structure ("var.field").
    StringRef Name = F.Name;
    auto Identifier = [](StringRef S) {
      return !S.empty() && !llvm::isDigit(S.front()) &&
             llvm::all_of(S, [](char C) { return llvm::isAlnum(C) || C == '_'; });
    };
    auto [Var, Field] = Name.split('.');
    if (!Identifier(Var) || (Name.contains('.') && !Identifier(Field)))
      return ("function name '" + Name +
              "' is not a C identifier (or 'variable.field' for a hook)")
          .str();
    bool Ret = F.Allocates && F.Allocates->Return;
    if (F.Status && !clang::tidy::alloc::isStatusKind(*F.Status))
      return ("'status' of '" + Name +
              "' must be negative, nonzero, minus-one, minus-errno, null or "
              "'equals <integer>', not '" +
              *F.Status + "'")
          .str();
    if (F.Status && !(F.Allocates && F.Allocates->Arg) &&
        F.TakesOnSuccess.empty())
      return ("'status' of '" + Name +
              "' describes an out-parameter allocator or a function that "
              "takes arguments on success; it needs 'allocates: arg<N>' or "
              "'takes-on-success'")
          .str();
    if (!F.TakesOnSuccess.empty() && !F.Status)
      return ("'takes-on-success' of '" + Name +
              "' needs 'status' (how the function reports failure)")
          .str();
    if (F.WhenNull && !F.Allocates)
      return ("'when-null' of '" + Name + "' needs 'allocates'").str();
    if (F.ReallocatesOut && !(F.Allocates && F.Allocates->Arg))
      return ("'reallocates-out' of '" + Name +
              "' describes an out-parameter allocator; it needs "
              "'allocates: arg<N>'")
          .str();
    if (F.FreesOnFailure && !F.Reallocates)
      return ("'frees-on-failure' of '" + Name + "' needs 'reallocates'")
          .str();
    if (F.MayReturnNull && !F.Allocates && !F.Reallocates)
      return ("'null' of '" + Name + "' needs 'allocates' or 'reallocates'")
          .str();
    if (F.NullNote && F.MayReturnNull.value_or(true))
      return ("'null-note' of '" + Name +
              "' states the condition under which 'null: never' holds; it "
              "needs 'null: never'")
          .str();
    if (F.NullNote && F.NullNote->empty())
      return ("'null-note' of '" + Name + "' must not be empty").str();
    if (F.FreesFields && F.FreesFields->Written == FreesFieldsSpec::Sequence)
      return ("'frees-fields' of '" + Name +
              "' must be an argument index or {arg: N, fields: [...]}")
          .str();
    // An argument has at most one contract.
    std::map<unsigned, StringRef> Seen;
    auto Claim = [&](unsigned I, StringRef What) -> std::string {
      auto [It, New] = Seen.try_emplace(I, What);
      if (New || It->second == What)
        return {};
      return ("argument " + Twine(I) + " of '" + Name + "' is both '" +
              It->second + "' and '" + What + "'")
          .str();
    };
    if (F.Frees)
      if (std::string E = Claim(*F.Frees, "frees"); !E.empty())
        return E;
    for (auto [List, What] : {std::pair{&F.Takes, "takes"},
                              {&F.TakesOnSuccess, "takes-on-success"},
                              {&F.TakesAlways, "takes-always"},
                              {&F.Holds, "holds"},
                              {&F.Copies, "copies"},
                              {&F.Borrows, "borrows"}})
      for (ArgIndex I : *List)
        if (std::string E = Claim(I.Value, What); !E.empty())
          return E;
    if (F.Frees && Seen.count(*F.Frees) && Seen[*F.Frees] != "frees")
      return ("argument " + Twine(*F.Frees) + " of '" + Name +
              "' is freed, so it cannot also be '" + Seen[*F.Frees] + "'")
          .str();
    if (F.Returns && F.Returns->Contract == ReturnContract::Borrowed && Ret)
      return ("'" + Name +
              "' cannot both allocate its return value and return "
              "it 'borrowed'")
          .str();
    if (F.Returns && F.Returns->From && F.Frees && *F.Frees == *F.Returns->From)
      return ("'" + Name + "' cannot free argument " +
              Twine(*F.Returns->From) + " and return a pointer into it")
          .str();
    if (!F.Allocates && !F.Reallocates && !F.Frees && !F.Returns &&
        !F.FreesFields && !F.FillsFields && F.Takes.empty() &&
        F.TakesOnSuccess.empty() && F.TakesAlways.empty() && F.Holds.empty() &&
        F.Copies.empty() && F.Borrows.empty() && F.Dereferences.empty() &&
        F.Retains.empty() && F.Links.empty() && !F.NoReturn &&
        !F.NeverPositive && F.Requires.empty())
      return ("function '" + Name +
              "' has no allocation role or contract; give it one of allocates, "
              "reallocates, frees, frees-fields, fills-fields, returns, "
              "takes, holds, "
              "copies, borrows, dereferences, retains, links, noreturn, "
              "never-positive")
          .str();
    return {};
  }
};

template <> struct MappingTraits<YamlUnit> {
  static void mapping(IO &IO, YamlUnit &U) {
    IO.mapRequired("file", U.File);
    IO.mapRequired("key", U.Key);
    IO.mapOptional("deps", U.Deps);
    IO.mapOptional("functions", U.Functions);
    IO.mapOptional("fields", U.Fields);
  }
};

template <> struct MappingTraits<YamlRules> {
  static void mapping(IO &IO, YamlRules &R) {
    IO.mapRequired("family", R.Family);
    clang::tidy::alloc::compat::mapOptional(IO, "failure-flag", R.FailureFlag);
    IO.mapOptional("inferred", R.Inferred, false);
    IO.mapRequired("functions", R.Functions);
    IO.mapOptional("unreleased-fields", R.Unreleased);
    IO.mapOptional("units", R.Units);
  }
  static std::string validate(IO &, YamlRules &R) {
    if (R.Family.empty())
      return "'family' must not be empty";
    if (R.FailureFlag &&
        (R.FailureFlag->empty() || !llvm::all_of(*R.FailureFlag, [](char C) {
           return llvm::isAlnum(C) || C == '_';
         })))
      return "'failure-flag' must name a struct field";
    return {};
  }
};

} // namespace llvm::yaml

namespace clang::tidy::alloc {

StringRef spell(ArgContract C) {
  switch (C) {
  case ArgContract::Takes:
    return "takes";
  case ArgContract::Holds:
    return "holds";
  case ArgContract::Copies:
    return "copies";
  case ArgContract::Borrows:
    return "borrows";
  case ArgContract::Unspecified:
    break;
  }
  return "unspecified";
}

StringRef spell(ReturnContract C) {
  switch (C) {
  case ReturnContract::Owned:
    return "owned";
  case ReturnContract::Borrowed:
    return "borrowed";
  case ReturnContract::Unspecified:
    break;
  }
  return "unspecified";
}

ArgContract FunctionRule::argContract(unsigned I) const {
  if (FreeArg == I)
    return ArgContract::Takes;
  for (const auto &[Idx, C] : Args)
    if (Idx == I)
      return C;
  return ArgContract::Unspecified;
}

bool FunctionRule::dereferences(unsigned I) const {
  return llvm::is_contained(Derefs, I);
}

ReturnContract FunctionRule::returnContract() const {
  if (BorrowedFromArg)
    return ReturnContract::Borrowed;
  if (Returns != ReturnContract::Unspecified)
    return Returns;
  return AllocatesReturn ? ReturnContract::Owned : ReturnContract::Unspecified;
}

std::vector<std::string> splitList(StringRef Value) {
  std::vector<std::string> Out;
  while (!Value.empty()) {
    auto [Head, Tail] = Value.split(';');
    Value = Tail;
    SmallVector<StringRef, 4> Sub;
    Head.split(Sub, ',');
    for (StringRef S : Sub)
      if (!S.trim().empty())
        Out.push_back(S.trim().str());
  }
  return Out;
}

namespace {

/// Where YAML diagnostics go, and the file they are about.
FunctionRule ruleOf(const YamlFunction &F, StringRef FileFamily,
                    StringRef Origin, bool Inferred);

struct DiagSink {
  std::vector<std::string> &Errors;
  StringRef Origin;
};

/// Collects YAML diagnostics as "file:line:col: message".  Some (YAML I/O's
/// "Map key must be a scalar") carry no location: they still name the file.
void collectDiag(const SMDiagnostic &D, void *Ctx) {
  auto &Sink = *static_cast<DiagSink *>(Ctx);
  std::string Msg;
  raw_string_ostream OS(Msg);
  StringRef File = D.getFilename();
  OS << (File.empty() || File == "<unknown>" ? Sink.Origin : File);
  if (D.getLineNo() > 0)
    OS << ':' << D.getLineNo() << ':' << (D.getColumnNo() + 1);
  OS << ": " << D.getMessage();
  Sink.Errors.push_back(std::move(OS.str()));
}

} // namespace

bool AllocationModel::addRules(StringRef Text, StringRef Origin,
                               std::vector<std::string> &Errors) {
  std::vector<std::string> Local;
  YamlRules R;
  // YAML I/O reports a mapping's validation error at the current node, and
  // an empty document has none (found by fuzz-rules): check the shape first.
  {
    SourceMgr SM;
    DiagSink Quiet{Local, Origin};
    SM.setDiagHandler(collectDiag, &Quiet);
    yaml::Stream S(MemoryBufferRef(Text, Origin), SM, /*ShowColors=*/false);
    yaml::document_iterator Doc = S.begin();
    yaml::Node *Root = Doc != S.end() ? Doc->getRoot() : nullptr;
    if (!Root || !isa<yaml::MappingNode>(Root)) {
      if (Local.empty()) // no syntax error to explain it
        Local.push_back((Origin +
                         ":1:1: a rules file is a mapping with 'family' "
                         "and 'functions' (see docs/rules-schema.md)")
                            .str());
      llvm::append_range(Errors, Local);
      return false;
    }
    Local.clear(); // syntax errors are reported once, by the parse below
  }
  {
    std::unique_ptr<MemoryBuffer> Buf = MemoryBuffer::getMemBuffer(
        Text, Origin, /*RequiresNullTerminator=*/false);
    DiagSink Sink{Local, Origin};
    yaml::Input In(Buf->getMemBufferRef(), nullptr, collectDiag, &Sink);
    In >> R;
    if (In.error() && Local.empty())
      Local.push_back((Origin + ": not a valid rules file").str());
  }
  if (!Local.empty()) {
    llvm::append_range(Errors, Local);
    return false;
  }
  llvm::StringSet<> InThisFile;
  for (YamlFunction &F : R.Functions) {
    if (!InThisFile.insert(F.Name).second) {
      Errors.push_back((Origin + ": function '" + F.Name +
                        "' is described twice; merge the two entries")
                           .str());
      return false;
    }
  }
  if (R.FailureFlag)
    FailureFlags[*R.FailureFlag] = R.Family;
  for (YamlFunction &F : R.Functions) {
    FunctionRule Rule = ruleOf(F, R.Family, Origin, R.Inferred);
    // Later files override earlier ones: a project may redefine a function
    // the shipped rules describe.
    Rules[Rule.Name] = std::move(Rule);
  }
  if (R.Inferred) {
    HasFieldFacts = true;
    for (StringRef U : R.Unreleased) {
      auto [Key, Where] = U.split(' ');
      Unreleased[Key] = Where.str();
    }
  }
  return true;
}

const std::string *AllocationModel::unreleasedField(StringRef Key) const {
  auto It = Unreleased.find(Key);
  return It == Unreleased.end() ? nullptr : &It->second;
}

namespace {

/// The model's form of one YAML entry.
FunctionRule ruleOf(const YamlFunction &F, StringRef FileFamily,
                    StringRef Origin, bool Inferred) {
  FunctionRule Rule;
  Rule.Name = F.Name;
  // A summary without a family is one whose family is unknown (never a
  // mismatch), not one of the summaries file's own.
  Rule.Family = F.Family.value_or(Inferred ? std::string() : FileFamily.str());
  Rule.Origin = Origin.str();
  Rule.Inferred = Inferred;
  if (Inferred && F.Origin)
    Rule.Origin = *F.Origin;
  Rule.Via = F.Via.value_or("");
  Rule.Requires = F.Requires;
  if (F.Allocates) {
    Rule.AllocatesReturn = F.Allocates->Return;
    Rule.AllocatesArg = F.Allocates->Arg;
  }
  Rule.WhenNullArg = F.WhenNull;
  Rule.ReallocArg = F.Reallocates;
  Rule.FreesOnFailure = F.FreesOnFailure;
  Rule.ReallocatesOut = F.ReallocatesOut;
  if (F.Reallocates && !F.Allocates)
    Rule.AllocatesReturn = true; // realloc-like: the result is the new block
  Rule.FreeArg = F.Frees;
  Rule.MayReturnNull = F.MayReturnNull.value_or(true);
  Rule.Status = F.Status;
  Rule.NoReturn = F.NoReturn;
  Rule.NeverPositive = F.NeverPositive;
  if (F.Returns) {
    Rule.Returns = F.Returns->Contract;
    Rule.BorrowedFromArg = F.Returns->From;
    Rule.ReturnsArg = F.Returns->Arg;
  }
  if (F.FreesFields) {
    Rule.FreesFieldsArg = F.FreesFields->arg();
    Rule.FreedFields = F.FreesFields->M.Fields;
  }
  if (F.FillsFields) {
    Rule.FillsFieldsArg = F.FillsFields->Arg->Value;
    Rule.FilledFields = F.FillsFields->Fields;
  }
  Rule.NullNote = F.NullNote.value_or("");
  for (ArgIndex I : F.Takes)
    Rule.Args.push_back({I.Value, ArgContract::Takes});
  for (ArgIndex I : F.TakesOnSuccess) {
    Rule.Args.push_back({I.Value, ArgContract::Takes});
    Rule.TakesOnSuccess.push_back(I.Value);
  }
  for (ArgIndex I : F.TakesAlways) {
    Rule.Args.push_back({I.Value, ArgContract::Takes});
    Rule.TakesAlways.push_back(I.Value);
  }
  for (ArgIndex I : F.Holds)
    Rule.Args.push_back({I.Value, ArgContract::Holds});
  for (ArgIndex I : F.Copies)
    Rule.Args.push_back({I.Value, ArgContract::Copies});
  for (ArgIndex I : F.Borrows)
    Rule.Args.push_back({I.Value, ArgContract::Borrows});
  for (ArgIndex I : F.Dereferences)
    Rule.Derefs.push_back(I.Value);
  for (ArgIndex I : F.Retains)
    Rule.Retains.push_back(I.Value);
  // Linked is borrowed, unless the entry says more of the argument.
  for (ArgIndex I : F.Links) {
    Rule.Links.push_back(I.Value);
    if (Rule.argContract(I.Value) == ArgContract::Unspecified)
      Rule.Args.push_back({I.Value, ArgContract::Borrows});
  }
  return Rule;
}

/// The YAML form of \p R, for a summaries file.
YamlFunction yamlOf(const FunctionRule &R) {
  YamlFunction F;
  F.Name = R.Name;
  if (!R.Family.empty())
    F.Family = R.Family;
  if (R.ReallocArg) {
    F.Reallocates = R.ReallocArg;
    F.FreesOnFailure = R.FreesOnFailure;
  } else if (R.AllocatesReturn) {
    F.Allocates = AllocDest{true, std::nullopt};
  } else if (R.AllocatesArg) {
    F.Allocates = AllocDest{false, R.AllocatesArg};
    F.ReallocatesOut = R.ReallocatesOut;
  }
  F.WhenNull = R.WhenNullArg;
  F.Frees = R.FreeArg;
  if (R.allocates() || R.ReallocArg)
    F.MayReturnNull = R.MayReturnNull;
  F.Status = R.Status;
  if (R.Returns != ReturnContract::Unspecified || R.BorrowedFromArg)
    F.Returns = ReturnSpec{R.BorrowedFromArg ? ReturnContract::Borrowed
                                             : R.Returns,
                           R.BorrowedFromArg, std::nullopt};
  else if (R.ReturnsArg)
    F.Returns = ReturnSpec{ReturnContract::Unspecified, std::nullopt,
                           R.ReturnsArg};
  if (R.FreesFieldsArg) {
    FreesFieldsSpec FF;
    if (R.FreedFields.empty()) {
      FF.Arg = {*R.FreesFieldsArg};
    } else {
      FF.Written = FreesFieldsSpec::Map;
      FF.M.Arg = ArgIndex{*R.FreesFieldsArg};
      FF.M.Fields = R.FreedFields;
    }
    F.FreesFields = FF;
  }
  if (R.FillsFieldsArg) {
    FillsFieldsMap FF;
    FF.Arg = ArgIndex{*R.FillsFieldsArg};
    FF.Fields = R.FilledFields;
    F.FillsFields = FF;
  }
  if (!R.NullNote.empty())
    F.NullNote = R.NullNote;
  for (const auto &[I, C] : R.Args) {
    if (R.FreeArg == I)
      continue;
    switch (C) {
    case ArgContract::Takes:
      (llvm::is_contained(R.TakesOnSuccess, I) ? F.TakesOnSuccess
       : llvm::is_contained(R.TakesAlways, I)  ? F.TakesAlways
                                               : F.Takes)
          .push_back({I});
      break;
    case ArgContract::Holds:
      F.Holds.push_back({I});
      break;
    case ArgContract::Copies:
      F.Copies.push_back({I});
      break;
    case ArgContract::Borrows:
      F.Borrows.push_back({I});
      break;
    case ArgContract::Unspecified:
      break;
    }
  }
  for (unsigned I : R.Derefs)
    F.Dereferences.push_back({I});
  for (unsigned I : R.Retains)
    F.Retains.push_back({I});
  for (unsigned I : R.Links)
    F.Links.push_back({I});
  F.NoReturn = R.NoReturn;
  F.NeverPositive = R.NeverPositive;
  if (!R.Via.empty())
    F.Via = R.Via;
  if (!R.Origin.empty())
    F.Origin = R.Origin;
  F.Requires = R.Requires;
  return F;
}

} // namespace

std::string writeSummaries(ArrayRef<const FunctionRule *> Functions,
                           ArrayRef<SummaryUnit> Units, StringRef Header,
                           ArrayRef<std::string> Unreleased) {
  YamlRules R;
  R.Family = "inferred";
  R.Inferred = true;
  R.Unreleased.assign(Unreleased.begin(), Unreleased.end());
  for (const FunctionRule *F : Functions)
    R.Functions.push_back(yamlOf(*F));
  for (const SummaryUnit &U : Units) {
    YamlUnit Y;
    Y.File = U.File;
    Y.Key = U.Key;
    for (const auto &[Path, Hash] : U.Deps)
      Y.Deps.push_back(Hash + " " + Path);
    for (const FunctionRule &F : U.Functions)
      Y.Functions.push_back(yamlOf(F));
    Y.Fields = U.Fields;
    R.Units.push_back(std::move(Y));
  }
  std::string Text;
  raw_string_ostream OS(Text);
  for (StringRef Line : llvm::split(Header, '\n'))
    OS << "# " << Line << "\n";
  yaml::Output Out(OS, nullptr, /*WrapColumn=*/0);
  Out << R;
  return Text;
}

bool readSummaryUnits(StringRef Text, StringRef Origin,
                      std::vector<SummaryUnit> &Units,
                      std::vector<std::string> &Errors) {
  YamlRules R;
  std::vector<std::string> Local;
  DiagSink Sink{Local, Origin};
  yaml::Input In(Text, nullptr, collectDiag, &Sink);
  In >> R;
  if (In.error() || !Local.empty() || !R.Inferred) {
    if (Local.empty())
      Local.push_back((Origin + ": not a summaries file written by alloc-tidy")
                          .str());
    llvm::append_range(Errors, Local);
    return false;
  }
  for (const YamlUnit &Y : R.Units) {
    SummaryUnit U;
    U.File = Y.File;
    U.Key = Y.Key;
    for (StringRef D : Y.Deps) {
      auto [Hash, Path] = D.split(' ');
      U.Deps.push_back({Path.str(), Hash.str()});
    }
    for (const YamlFunction &F : Y.Functions)
      U.Functions.push_back(ruleOf(F, R.Family, Origin, true));
    U.Fields = Y.Fields;
    Units.push_back(std::move(U));
  }
  return true;
}

bool AllocationModel::addExtraAllocator(StringRef Entry,
                                        std::vector<std::string> &Errors) {
  auto [Name, Dealloc] = Entry.split('=');
  Name = Name.trim();
  Dealloc = Dealloc.trim();
  auto IsIdent = [](StringRef S) {
    return !S.empty() && !llvm::isDigit(S.front()) &&
           llvm::all_of(S, [](char C) { return llvm::isAlnum(C) || C == '_'; });
  };
  if (!IsIdent(Name) || (Entry.contains('=') && !IsIdent(Dealloc))) {
    Errors.push_back(("option ExtraAllocators: '" + Entry +
                      "' is not 'allocator' or 'allocator=deallocator'")
                         .str());
    return false;
  }
  FunctionRule Rule;
  Rule.Name = Name.str();
  Rule.Origin = "option ExtraAllocators";
  Rule.AllocatesReturn = true;
  if (!Dealloc.empty()) {
    Rule.Family = Name.str();
    FunctionRule Free;
    Free.Name = Dealloc.str();
    Free.Family = Name.str();
    Free.Origin = Rule.Origin;
    Free.FreeArg = 0;
    Rules[Free.Name] = std::move(Free);
  }
  Rules[Rule.Name] = std::move(Rule);
  return true;
}

const FunctionRule *AllocationModel::lookup(StringRef Name) const {
  auto It = Rules.find(Name);
  return It == Rules.end() ? nullptr : &It->second;
}

std::string AllocationModel::deallocatorFor(StringRef Family) const {
  std::string Best;
  for (const auto &E : Rules) {
    const FunctionRule &R = E.second;
    if (R.FreeArg && !R.allocates() && R.Family == Family &&
        (Best.empty() || R.Name < Best))
      Best = R.Name;
  }
  return Best;
}

std::optional<std::string>
AllocationModel::failureFlagFamily(StringRef Member) const {
  auto It = FailureFlags.find(Member);
  if (It == FailureFlags.end())
    return std::nullopt;
  return It->second;
}

std::optional<int64_t> statusEquals(StringRef Kind) {
  int64_t K;
  if (!Kind.consume_front("equals ") || Kind.trim().getAsInteger(10, K))
    return std::nullopt;
  return K;
}

bool statusFails(StringRef Kind, int64_t X) {
  if (std::optional<int64_t> Only = statusEquals(Kind))
    return X != *Only;
  if (Kind == "negative" || Kind == "minus-errno")
    return X < 0;
  if (Kind == "minus-one")
    return X == -1;
  if (Kind == "null")
    return X == 0;
  return X != 0; // "nonzero"
}

bool isStatusKind(StringRef Kind) {
  return Kind == "negative" || Kind == "nonzero" || Kind == "minus-one" ||
         Kind == "minus-errno" || Kind == "null" || statusEquals(Kind);
}

ArrayRef<StringRef> AllocationModel::shippedNames() {
  static const std::vector<StringRef> Names = [] {
    std::vector<StringRef> N;
    for (const ShippedRules &S : Shipped)
      N.push_back(S.Stem);
    return N;
  }();
  return Names;
}

std::optional<StringRef> AllocationModel::shippedText(StringRef Stem) {
  for (const ShippedRules &S : Shipped)
    if (S.Stem == Stem)
      return S.Text;
  return std::nullopt;
}

std::vector<const FunctionRule *> AllocationModel::sorted() const {
  std::vector<const FunctionRule *> Out;
  for (const auto &E : Rules)
    Out.push_back(&E.second);
  llvm::sort(Out, [](const FunctionRule *A, const FunctionRule *B) {
    return A->Name < B->Name;
  });
  return Out;
}

namespace {

/// A rules file is either a shipped stem ("glib") or a path.
bool isShippedName(StringRef Entry) {
  return !Entry.contains('/') && !compat::endsWith(Entry, ".yaml") &&
         !compat::endsWith(Entry, ".yml");
}

/// The cache key: the configuration plus each rules file's size and time, so
/// an edited rules file is read again by a long-lived process.
std::string cacheKey(const RulesConfig &C) {
  std::string Key;
  raw_string_ostream OS(Key);
  for (const auto &B : C.Builtin)
    OS << "b:" << B << ';';
  for (const auto &F : C.Files) {
    OS << "f:" << F;
    sys::fs::file_status St;
    if (!isShippedName(F) && !sys::fs::status(F, St))
      OS << '@' << St.getSize() << '@'
         << St.getLastModificationTime().time_since_epoch().count();
    OS << ';';
  }
  for (const auto &E : C.ExtraAllocators)
    OS << "x:" << E << ';';
  return Key;
}

struct CacheEntry {
  std::shared_ptr<const AllocationModel> Model;
  std::vector<std::string> Errors;
};

} // namespace

std::shared_ptr<const AllocationModel>
AllocationModel::get(const RulesConfig &Config,
                     std::vector<std::string> &Errors) {
  // Loaded once per configuration and shared by every check in the process
  // (the plugin and the driver's worker threads alike).
  static std::mutex Mutex;
  static std::map<std::string, CacheEntry> Cache;
  std::string Key = cacheKey(Config);
  std::lock_guard<std::mutex> Lock(Mutex);
  auto It = Cache.find(Key);
  if (It != Cache.end()) {
    llvm::append_range(Errors, It->second.Errors);
    return It->second.Model;
  }

  auto Model = std::make_shared<AllocationModel>();
  std::vector<std::string> Errs;
  auto LoadShipped = [&](StringRef Stem, StringRef Option) {
    for (const ShippedRules &S : Shipped)
      if (S.Stem == Stem) {
        Model->addRules(S.Text, S.Path, Errs);
        return;
      }
    std::string Known = llvm::join(shippedNames(), ", ");
    Errs.push_back(("option " + Option + ": no shipped rules named '" + Stem +
                    "'; known: " + Known)
                       .str());
  };
  for (const auto &B : Config.Builtin)
    LoadShipped(B, "BuiltinRules");
  for (const auto &F : Config.Files) {
    if (isShippedName(F)) {
      LoadShipped(F, "RulesFiles");
      continue;
    }
    auto Buf = MemoryBuffer::getFile(F, /*IsText=*/true);
    if (!Buf) {
      Errs.push_back("option RulesFiles: cannot read '" + F +
                     "': " + Buf.getError().message());
      continue;
    }
    Model->addRules((*Buf)->getBuffer(), F, Errs);
  }
  for (const auto &E : Config.ExtraAllocators)
    Model->addExtraAllocator(E, Errs);

  llvm::append_range(Errors, Errs);
  CacheEntry &Entry = Cache[Key];
  Entry.Model = std::move(Model);
  Entry.Errors = std::move(Errs);
  return Entry.Model;
}

} // namespace clang::tidy::alloc
