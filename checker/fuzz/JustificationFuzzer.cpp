//===--- JustificationFuzzer.cpp - fuzz the "alloc:" comment parser -------===//
//
// Any input, as the body of a block comment or a line comment, must parse to
// "not a justification", a justification, a contract, or an error message:
// never a crash, never an error without a message.  A comment that is not an
// "alloc:" comment may get a near-miss hint, never an empty one; an "alloc:"
// comment never gets one.
//
//===----------------------------------------------------------------------===//

#include "core/Justification.h"
#include <cstdint>
#include <cstdlib>
#include <string>

using namespace clang::tidy::alloc;

static void checkOne(const std::string &Comment) {
  std::optional<Justification> J = parseJustificationComment(Comment);
  std::optional<std::string> Hint = nearMissHint(Comment);
  if (Hint && (J || Hint->empty()))
    abort();
  if (!J)
    return;
  bool WellFormed = J->Life.has_value() || !J->Contracts.empty();
  // Exactly one of: well-formed, or an error saying why not.
  if (WellFormed == !J->Error.empty())
    abort();
  if (J->Life && J->Reason.empty())
    abort();
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  std::string Text(reinterpret_cast<const char *>(Data), Size);
  checkOne(Text);
  checkOne("/* " + Text + " */");
  checkOne("// " + Text);
  checkOne("/* alloc: " + Text + " */");
  return 0;
}
