//===--- AllocTidyModule.cpp - the alloc-* checks -------------------------===//

#include "AfterInitCheck.h"
#include "GroupUnwindCheck.h"
#include "LifetimeMismatchCheck.h"
#include "MissingLifetimeCheck.h"
#include "OwnershipInconsistentCheck.h"
#include "OwnershipTransferCheck.h"
#include "UncheckedResultCheck.h"
#include "UnjustifiedCheck.h"
#include "Compat.h" // ClangTidyModule.h and, before LLVM 22, the registry

namespace clang::tidy::alloc {

class AllocTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<AfterInitCheck>("alloc-after-init");
    Factories.registerCheck<GroupUnwindCheck>("alloc-group-unwind");
    Factories.registerCheck<LifetimeMismatchCheck>("alloc-lifetime-mismatch");
    Factories.registerCheck<MissingLifetimeCheck>("alloc-missing-lifetime");
    Factories.registerCheck<OwnershipInconsistentCheck>(
        "alloc-ownership-inconsistent");
    Factories.registerCheck<OwnershipTransferCheck>("alloc-ownership-transfer");
    Factories.registerCheck<UncheckedResultCheck>("alloc-unchecked-result");
    Factories.registerCheck<UnjustifiedCheck>("alloc-unjustified");
  }
};

} // namespace clang::tidy::alloc

namespace clang::tidy {

static ClangTidyModuleRegistry::Add<alloc::AllocTidyModule>
    X("alloc-module", "Checks that every heap allocation is justified.");

// Referenced by the driver so the linker keeps this module's registration.
// NOLINTNEXTLINE(misc-use-internal-linkage)
volatile int AllocTidyModuleAnchorSource = 0;

} // namespace clang::tidy
