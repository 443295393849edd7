//===--- Summaries.h - contracts inferred from function bodies --*- C++ -*-===//
//
// Function summaries: what a function defined in the project does with heap
// memory, inferred from its body and written as the rules files would say it
// (a FunctionRule): it returns fresh memory of a family, possibly never NULL;
// it allocates into an out-parameter, and which status it returns then; it
// frees, takes, holds, copies or borrows each pointer parameter, and frees the
// fields of an object (a destroy function); it never returns.  Each fact keeps
// its evidence (Origin: where the body is; Via: the callee it goes through).
//
// Within a translation unit the summaries are computed once, on first use,
// callees first: bottom-up over the strongly connected components of the call
// graph, each component iterated to a bounded fixpoint.  The checks see them
// through the CalleeResolver, below the rules and attributes, which win.
// Across translation units, summaries of functions defined elsewhere come
// from a summaries file (see SummaryFile.h), consulted only for functions
// whose body is not in the unit.
//
// Everything the checks of one configuration share in a unit (the resolver,
// the summaries, one ownership analysis per function) lives in a UnitState,
// one per thread and configuration, reset when a unit starts.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_SUMMARIES_H
#define ALLOC_TIDY_CORE_SUMMARIES_H

#include "AllocationModel.h"
#include "AllocationSites.h"
#include "OwningFields.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include <deque>
#include <map>
#include <optional>
#include <memory>

namespace clang {
class ASTContext;
class FunctionDecl;
class ParmVarDecl;
} // namespace clang

namespace clang::tidy::alloc {

class JustificationIndex;
class OwnershipAnalysis;
class UnitState;

/// How a pointer parameter is used, from a walk of the body (no paths).
struct ParamUse {
  unsigned Index = 0;
  /// Passed to a deallocator, to a taking or holding parameter, stored
  /// where it outlives the call: only paths tell whether on every one.
  bool Released = false;
  /// Used in a way the walk cannot follow (an unknown callee, a function
  /// pointer, its address taken, returned): the callee may keep it.
  bool Unknown = false;
  /// Duplicated by a copying callee.
  bool Copied = false;
  /// Handed to a replaceable hook without a known target (`if (free_fn)
  /// free_fn(p); else free(p);`): with a release on the other paths, the
  /// hook stands in for the deallocator; alone, it is an unknown callee.
  bool ViaHook = false;
  /// Handed to a function of this unit that only hands it on to other
  /// units' functions (its summary's forwards are this one's).  Released
  /// besides, the paths cannot weigh that call: unknown.
  bool ForwardedThrough = false;
  bool unknown() const {
    return Unknown || (ViaHook && !Released) || (ForwardedThrough && Released);
  }
  /// Handed to a callee that takes its own reference to the object
  /// (FunctionRule::Retains): stored and retained, it stays the caller's.
  bool Retained = false;
  /// Handed to a callee that links it into an object that does not own it
  /// (FunctionRule::Links): borrowed, and reachable after the call.
  bool Linked = false;
  /// Handed to functions of other units not summarised yet (pending):
  /// (callee, argument).  Its contract is theirs, once they are known.
  std::vector<std::pair<std::string, unsigned>> Forwards;
};

/// The summaries of the functions defined in one translation unit.
class SummaryTable {
public:
  SummaryTable(CalleeResolver &Resolver, UnitState &Owner)
      : Resolver(Resolver), Owner(&Owner) {}

  /// Infers every summary of the unit, once; later calls return at once.
  void ensure(ASTContext &Ctx);
  bool computing() const { return Computing; }
  /// Every summary of the unit is inferred: rules no longer change.
  bool done() const { return Done; }

  /// The inferred rule for the definition \p Def in this unit, or null when
  /// not (yet) inferred.  It is the inference even where rules or
  /// attributes describe the function (the resolver prefers those).
  const FunctionRule *lookup(const FunctionDecl *Def) const;

  /// The parameters whose paths the ownership analysis of \p FD follows as
  /// owned values (see ParamUse::Released), by index.
  llvm::ArrayRef<unsigned> trackedParams(const FunctionDecl *FD) const;

  /// The summarised definitions, in the order they were inferred.
  const std::vector<const FunctionDecl *> &functions() const { return Order; }

  /// Which fields of the unit own what they hold (after ensure()).
  const OwningFields &owningFields() const { return Owning_; }

private:
  FunctionRule summarise(const FunctionDecl *FD, ASTContext &Ctx);
  /// The members of one recursive component of the call graph, to a
  /// bounded fixpoint.
  void summariseComponent(const std::vector<const FunctionDecl *> &Members,
                          ASTContext &Ctx);

  CalleeResolver &Resolver;
  UnitState *Owner;
  bool Computing = false, Done = false;
  /// Node-based: rules are handed out by address (to the callee resolver and
  /// the analyses run while the table is filled), so adding one must not
  /// move the others.
  std::map<const FunctionDecl *, FunctionRule> Rules;
  llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<unsigned, 2>> Tracked;
  std::vector<const FunctionDecl *> Order;
  OwningFields Owning_;
  /// The members of the recursive component being summarised that have no
  /// summary yet: an argument handed to one tells nothing until it has.
  llvm::DenseSet<const FunctionDecl *> Unsummarised;
};

/// Everything the checks of one configuration share in a translation unit.
class UnitState {
public:
  /// The state for the unit being analysed on this thread, with the rules
  /// \p Model and the other units' summaries \p External (may be null).
  /// Created on first use in a unit; resetUnitState() ends it.
  static UnitState &get(const std::shared_ptr<const AllocationModel> &Model,
                        const std::shared_ptr<const AllocationModel> &External);

  CalleeResolver &resolver() { return Resolver; }
  SummaryTable &summaries() { return Summaries; }
  /// The justification index, once a check has seen the preprocessor.
  void setIndex(const JustificationIndex *I) { Index = I; }
  /// The budget of each function's analysis (option AnalysisBudget).
  void setBudget(uint64_t Steps) { Budget = Steps; }
  /// True the first time it is asked for \p FD: a function over its budget
  /// is reported once, by the first check that meets it.
  bool firstOverBudget(const FunctionDecl *FD) {
    return OverBudgetSeen.insert(FD).second;
  }

  /// The function definitions in the user's code (isUserDefinition), in
  /// the order the AST matchers would meet them; found once per unit.
  const std::vector<const FunctionDecl *> &definitions(ASTContext &Ctx);

  /// The ownership analysis of \p FD, run once (with the unit's summaries
  /// computed first) and shared by every check that asks.
  std::shared_ptr<const OwnershipAnalysis> analysis(const FunctionDecl *FD,
                                                    ASTContext &Ctx);

  UnitState(std::shared_ptr<const AllocationModel> Model,
            std::shared_ptr<const AllocationModel> External);
  ~UnitState();

private:
  friend class SummaryTable;
  /// Runs (or reruns, inside a component of the call graph) \p FD's analysis.
  std::shared_ptr<OwnershipAnalysis> analyse(const FunctionDecl *FD,
                                             ASTContext &Ctx);

  std::shared_ptr<const AllocationModel> Model, External;
  const JustificationIndex *Index = nullptr;
  uint64_t Budget = ~0ull;
  llvm::DenseSet<const FunctionDecl *> OverBudgetSeen;
  CalleeResolver Resolver;
  SummaryTable Summaries;
  llvm::DenseMap<const FunctionDecl *, std::shared_ptr<OwnershipAnalysis>>
      Analyses;
  std::optional<std::vector<const FunctionDecl *>> Definitions;
};

/// A function definition with a compound body whose beginning is not
/// expanded in a system header: the user's code (system headers' inline
/// functions are not the user's to fix).
bool isUserDefinition(const FunctionDecl &FD, const SourceManager &SM);

/// A new translation unit begins on this thread: the states end.
void resetUnitState();

/// True if \p R says anything a caller can use.
bool hasFacts(const FunctionRule &R);

/// Links the unlinked summaries of every unit of a project (each with the
/// conditions on other units' functions it could not decide, Requires):
/// resolves those conditions against each other and the declared rules
/// \p Declared, to a bounded fixpoint.  One rule per name (the first), the
/// conditions gone, sorted by name.
std::vector<FunctionRule> linkSummaries(const std::vector<FunctionRule> &Raw,
                                        const AllocationModel &Declared);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_SUMMARIES_H
