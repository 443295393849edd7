//===--- AllocCheckBase.cpp - options and model every check shares --------===//

#include "AllocCheckBase.h"

namespace clang::tidy::alloc {

namespace {
/// The shipped rules loaded when BuiltinRules is not set.
constexpr llvm::StringLiteral DefaultBuiltinRules = "libc;hidden";
} // namespace

AllocCheckBase::AllocCheckBase(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      BuiltinRules(Options.getLocalOrGlobal("BuiltinRules", DefaultBuiltinRules)),
      RulesFiles(Options.getLocalOrGlobal("RulesFiles", "")),
      ExtraAllocators(Options.getLocalOrGlobal("ExtraAllocators", "")) {
  RulesConfig Config;
  Config.Builtin = splitList(BuiltinRules);
  Config.Files = splitList(RulesFiles);
  Config.ExtraAllocators = splitList(ExtraAllocators);
  std::vector<std::string> Errors;
  Model = AllocationModel::get(Config, Errors);
  for (const std::string &E : Errors)
    configurationDiag("invalid allocation rules: %0", DiagnosticIDs::Error) << E;
  Resolver.emplace(*Model);
}

void AllocCheckBase::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "BuiltinRules", BuiltinRules);
  Options.store(Opts, "RulesFiles", RulesFiles);
  Options.store(Opts, "ExtraAllocators", ExtraAllocators);
}

} // namespace clang::tidy::alloc
