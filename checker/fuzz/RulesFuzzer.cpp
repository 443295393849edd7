//===--- RulesFuzzer.cpp - fuzz the rules-file loader ---------------------===//
//
// Any input must load as rules or give errors naming the file: never a
// crash, never a failure without a message.
//
//===----------------------------------------------------------------------===//

#include "core/AllocationModel.h"
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace clang::tidy::alloc;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  AllocationModel Model;
  std::vector<std::string> Errors;
  bool Ok = Model.addRules(Text, "fuzz.yaml", Errors);
  if (Ok != Errors.empty())
    abort();
  for (const std::string &E : Errors)
    if (E.rfind("fuzz.yaml", 0) != 0)
      abort(); // every error names the file
  // Whatever loaded is usable.
  for (const FunctionRule *R : Model.sorted()) {
    (void)R->allocates();
    (void)R->returnContract();
    for (unsigned I = 0; I < 4; ++I)
      (void)R->argContract(I);
  }
  // The ExtraAllocators entries too.
  std::vector<std::string> Entries = splitList(Text);
  for (const std::string &E : Entries) {
    std::vector<std::string> X;
    if (Model.addExtraAllocator(E, X) != X.empty())
      abort();
  }
  return 0;
}
