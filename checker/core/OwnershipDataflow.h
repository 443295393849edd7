//===--- OwnershipDataflow.h - allocations a function still owns -*- C++
//-*-===//
//
// One forward dataflow over Clang's CFG that every ownership-aware check
// queries.  For each program point it knows which allocations of the
// function are still owned (and in which "context": on the normal path, or
// after a given allocation failed), what each local pointer (or field of a
// locally owned object) may point to, whether each allocation was compared
// with NULL, and how owned memory stopped being owned (freed, handed to a
// function that takes it, stored where it outlives the function, returned).
//
// The analysis joins states at merge points (no path enumeration); branch
// conditions that test an allocation against NULL, or the status an
// out-parameter allocator returned, refine the state on each edge, and edges
// a test proves infeasible are pruned.  The lattice has finite height, so each
// block is revisited a bounded number of times: the cost is linear in the
// CFG's size for a given number of allocation sites in the function.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_OWNERSHIPDATAFLOW_H
#define ALLOC_TIDY_CORE_OWNERSHIPDATAFLOW_H

#include "AllocationSites.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class ParmVarDecl;
class FieldDecl;
class FunctionDecl;
class Stmt;
class VarDecl;
} // namespace clang

namespace clang::tidy::alloc {

using AllocId = unsigned;

/// How owned memory stopped being owned (bits, several along joined paths).
enum GoneKind : unsigned char {
  GoneFreed = 1,       ///< passed to a deallocator
  GoneTransferred = 2, ///< passed to a parameter the rules say "takes"
  GoneEscaped = 4,     ///< stored where it outlives the function
  GoneReturned = 8,    ///< returned to the caller
  GoneOutParam = 16,   ///< stored through a parameter (*out = p)
  GoneHeld = 32,       ///< kept by a "holds" parameter: usable, not freeable
};

/// What NULL tests have established about an allocation (bits).
enum NullBits : unsigned char {
  NullUnchecked = 1, ///< never compared with NULL on some path
  NullIsNull = 2,    ///< known NULL (allocation failed) on some path
  NullNonNull = 4,   ///< known non-NULL on some path
};

/// One allocation call of the function, and what the analysis learnt.
struct Allocation {
  const CallExpr *Call = nullptr;
  const FunctionRule *Rule = nullptr;
  SourceLocation Loc; ///< reported location (file location)
  unsigned Line = 0;
  std::string Name;    ///< "buf", "obj->name", or "" when never bound
  bool InLoop = false; ///< the call sits inside a loop body
  /// How a failure shows: NULL in the location holding it (return
  /// allocators), or in the status the call returns (out-parameter ones).
  bool FailsViaStatus = false;
  /// Not an allocation: a pointer the callee lends ("returns: borrowed"),
  /// followed only to catch it being freed.
  bool Borrowed = false;
  /// Not an allocation: this pointer parameter, followed as a value the
  /// function owns on entry to learn whether every path releases it (Call
  /// is null; Loc is the parameter).
  std::optional<unsigned> Param;
  /// Not an allocation: the value a local or parameter holds from one of
  /// its definitions (a parameter on entry, an initialiser, an assignment,
  /// a call given its address), which the function did not allocate and
  /// later frees: followed only to catch it being used or freed again
  /// after that free (Loc is the definition).
  bool External = false;
  /// Memory a callee stored into fields of a local struct given by address
  /// and may leave there when it fails (FunctionRule::FillsFieldsArg,
  /// `encode(&cvc)`): owned from the call on, NULL in those fields when
  /// nothing was stored, which is not this function's to test.
  bool Filled = false;

  /// Memory this function allocated itself (not a borrowed pointer, a
  /// parameter or an external value).
  bool fresh() const { return !Borrowed && !Param && !External; }

  /// "'buf'" or "the result of 'malloc'".
  std::string describe() const;
};

/// The function returns while an allocation is still owned.
struct LeakEvent {
  const Stmt *Exit = nullptr; ///< the ReturnStmt, or null at the closing brace
  SourceLocation ExitLoc;
  AllocId Leaked = 0;
  /// The allocation whose failure led here, when on a failure path.
  std::optional<AllocId> Failed;
  /// The function reports a failure here (NULL, false, an error status), or
  /// an allocation failed on the way.
  bool Failing = false;
  /// Not an exit of the function: the last variable pointing to the
  /// allocation goes out of scope here (a `continue`, a `break`, the end of
  /// a loop body or block), and nothing else holds it.
  bool ScopeEnd = false;
  /// Not an exit of the function: an assignment overwrites the last pointer
  /// to the allocation (Exit is the assignment's left-hand side).
  bool Overwritten = false;
  /// On a path where the allocation was handed to a callee that copies it.
  bool AfterCopy = false;
};

/// An allocation's value is used: dereferenced, indexed, passed where the
/// callee dereferences it, or returned from a returns_nonnull function.
struct UseEvent {
  const Expr *Use = nullptr;
  SourceLocation Loc;
  AllocId A = 0;
  unsigned char Null = 0; ///< NullBits at the use
  unsigned char Gone = 0; ///< GoneKind bits at the use (after free, ...)
  const CallExpr *GoneAt = nullptr; ///< the call that freed or took it
  bool IsDeref = false;             ///< the use itself reads the memory
  /// The pointer may also hold something the analysis does not follow
  /// there (the next element of a list walked in a loop).
  bool MayBeOther = false;
  std::string What; ///< "dereferenced", "passed to 'memcpy'", ...
};

/// A deallocator or a "takes" parameter receives an allocation.
struct ReleaseEvent {
  const CallExpr *Call = nullptr;
  AllocId A = 0;
  unsigned ArgIndex = 0;
  const FunctionRule *Callee = nullptr;
  bool Frees = false;               ///< a deallocator, not a "takes" contract
  unsigned char GoneBefore = 0;     ///< already released on some path
  const CallExpr *GoneAt = nullptr; ///< the call that released it before
  bool MayBeOther = false;          ///< see UseEvent::MayBeOther
  /// The caller's `*out` holds it when it is released, on some path.
  bool InOutSlot = false;
};

/// An allocation is passed to a parameter whose contract is "copies".
struct CopyEvent {
  const CallExpr *Call = nullptr;
  AllocId A = 0;
  unsigned ArgIndex = 0;
  const FunctionRule *Callee = nullptr;
};

/// An allocation is stored: into a variable or field that outlives the
/// function, or into a field of a locally owned object.
struct StoreEvent {
  const Expr *Target = nullptr; ///< the assignment's left-hand side
  AllocId A = 0;
  const FieldDecl *Field = nullptr; ///< when stored into a field
  const VarDecl *Global = nullptr;  ///< when stored into a global
  bool OutParam = false;            ///< through a parameter: *out = p
  bool Local = false;               ///< into a locally owned object
  /// Into a slot of the caller's object or `*out`, which outlives the call.
  bool Foreign = false;
};

/// A return statement and what it returns.
struct ReturnEvent {
  const Stmt *Ret = nullptr;
  bool OwnedOrNull = true; ///< an allocation of this function, or NULL
  bool HasAlloc = false;   ///< an allocation of this function on some path
  bool MayBeNull = false;  ///< NULL, or an allocation not known non-NULL
  /// An unchecked result of a pending callee: NULL when that can be.
  bool NullAsCallee = false;
  /// NULL returned on the paths where these allocations failed, whose
  /// callees' NULL is settled when the units are linked (pending).
  llvm::SmallVector<AllocId, 1> NullIfFails;
  llvm::SmallVector<AllocId, 2> Allocs; ///< what it returns, on some path
};

/// An allocation handed to a pending callee (FunctionRule::Pending), which
/// may or may not keep it: known once that callee is summarised.
struct PendingLend {
  AllocId A = 0;
  std::string Callee;
  unsigned ArgIndex = 0;
};

/// The state of one allocation where the function exits.
struct ExitState {
  const Stmt *Exit = nullptr; ///< the ReturnStmt, or null at the closing brace
  SourceLocation ExitLoc;
  AllocId A = 0;
  bool Owned = false;
  unsigned char Gone = 0;
  bool Allocated = false; ///< allocated on some path to this exit
  /// Not known NULL on some path to this exit (false: the allocation
  /// failed on every path that reaches it).
  bool MaybeNonNull = false;
  /// A failing exit where the allocation, not known NULL, was stored
  /// through a parameter (or is still in a field of its object) and
  /// neither freed nor handed on: the function fails and leaves it to the
  /// caller (FunctionRule::FillsFieldsArg).
  bool LeftInField = false;
};

/// Memory freed while a pointer member of a parameter's object still
/// points to it at an exit (`item->valuestring = out; ... free(out);
/// return NULL;`, cJSON parse_string before 8e00ef3c): the caller's object
/// keeps a dangling pointer, which its destroy function frees again.
struct DanglingField {
  const Stmt *Exit = nullptr; ///< the ReturnStmt, or null at the closing brace
  SourceLocation ExitLoc;
  AllocId A = 0;
  const VarDecl *Param = nullptr;
  const FieldDecl *Field = nullptr;
  const CallExpr *FreedBy = nullptr;
};

/// A pointer member of a parameter's object freed by the function, which
/// did not store that block there, and not reset before a failing exit
/// (cJSON print_value before d514bb8 frees `output_buffer->buffer` and
/// returns false; print() frees it again).
struct DanglingMember {
  const Stmt *Exit = nullptr; ///< the failing ReturnStmt
  SourceLocation ExitLoc;
  const VarDecl *Param = nullptr;
  const FieldDecl *Field = nullptr;
  const CallExpr *FreedBy = nullptr;
};

/// The `T **` parameter \p E dereferences (`*out`), if any.
const ParmVarDecl *derefParam(const Expr *E);

/// Runs the analysis on one function definition.
class OwnershipAnalysis {
public:
  /// \p TrackedParams: the pointer parameters (by index) to follow as
  /// owned on entry (see Allocation::Param).
  OwnershipAnalysis(const FunctionDecl *FD, ASTContext &Ctx,
                    CalleeResolver &Resolver,
                    llvm::ArrayRef<unsigned> TrackedParams = {});
  ~OwnershipAnalysis();

  /// The work one function may cost, in steps (a block visited in one
  /// context, plus the entries of the states it carries): about a second.
  static constexpr uint64_t DefaultBudget = 100'000'000;
  /// Sets the budget of run() (before it).
  void setBudget(uint64_t Steps);
  /// What running over the budget cost the analysis.
  enum class Degradation {
    None,
    PathsMerged, ///< analysed again with every path merged at each point
    NotAnalysed, ///< over the budget even so: nothing is known of it
  };
  Degradation degraded() const;
  /// The steps the last fixpoint took.
  uint64_t steps() const;

  /// False when the function allocates nothing (or has no CFG), or when it
  /// is over its budget even with paths merged: then every query below is
  /// empty.
  bool run();
  /// What run() returned (false before it ran).
  bool analysed() const;

  const std::vector<Allocation> &allocations() const;
  const std::vector<LeakEvent> &leaks() const;
  const std::vector<UseEvent> &uses() const;
  const std::vector<ReleaseEvent> &releases() const;
  const std::vector<ExitState> &exits() const;
  const std::vector<CopyEvent> &copies() const;
  const std::vector<StoreEvent> &stores() const;
  const std::vector<ReturnEvent> &returns() const;
  const std::vector<PendingLend> &pendingLends() const;
  /// The frees that leave a parameter's member dangling, on every path
  /// to the exit where the block exists.
  std::vector<DanglingField> danglingFields() const;
  /// Members of parameters' objects freed and left dangling at failing
  /// exits, one per free.
  const std::vector<DanglingMember> &danglingMembers() const;
  /// True if the free of a parameter's member \p Free is no release its
  /// callers may count on: the member is given a new block after it, or
  /// left dangling at a failing exit (cJSON print_value before d514bb8),
  /// and never stays freed at a successful exit nor is reset at a failing
  /// one.
  bool memberFreeUndone(const CallExpr *Free) const;
  /// How allocation \p A stopped being owned, on any path (GoneKind bits):
  /// at the exits, or before it was forgotten on the way.
  unsigned char goneAnywhere(AllocId A) const;

private:
  struct Impl;
  std::unique_ptr<Impl> P;
};


} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_OWNERSHIPDATAFLOW_H
