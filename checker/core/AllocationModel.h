//===--- AllocationModel.h - allocator families and contracts ---*- C++ -*-===//
//
// The allocation model: which functions allocate, reallocate or free heap
// memory, in which family, whether they can return NULL, and what they do with
// the pointers they are given.  It is loaded once from rules/*.yaml (shipped,
// embedded at build time) and the user's own rules files.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_ALLOCATIONMODEL_H
#define ALLOC_TIDY_CORE_ALLOCATIONMODEL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang::tidy::alloc {

/// What a callee does with a pointer argument.
enum class ArgContract : unsigned char {
  Unspecified,
  Takes,   ///< the callee owns it after the call (frees or keeps it)
  Holds,   ///< the callee keeps it and will free it; the caller may still
           ///< use it meanwhile, but must not free it
  Copies,  ///< the callee duplicates it; the caller still owns it
  Borrows, ///< used during the call only
};

/// What the caller may do with a returned pointer.
enum class ReturnContract : unsigned char {
  Unspecified,
  Owned,    ///< the caller must release it with the family's deallocator
  Borrowed, ///< the caller must not free it
};

/// True if \p Kind is a status class a rule may declare (FunctionRule::Status).
bool isStatusKind(llvm::StringRef Kind);
/// K of the status class "equals K", if \p Kind is one.
std::optional<int64_t> statusEquals(llvm::StringRef Kind);
/// True if the status \p X is a failure of the class \p Kind: < 0 for
/// negative and minus-errno, exactly -1 for minus-one, 0 (a NULL pointer)
/// for null, anything but 0 for nonzero, anything but K for "equals K".
bool statusFails(llvm::StringRef Kind, int64_t X);

llvm::StringRef spell(ArgContract C);
llvm::StringRef spell(ReturnContract C);

/// Everything the rules say about one function.
struct FunctionRule {
  std::string Name;
  /// Allocator family: memory allocated by one family must be released by a
  /// deallocator of the same family.  Empty means "unknown": never a mismatch.
  std::string Family;
  /// Where the rule came from, for messages: "rules/libc.yaml:12",
  /// "/home/u/proj/alloc.yaml:3", "option ExtraAllocators", or the
  /// attribute that declared it.
  std::string Origin;

  bool AllocatesReturn = false;         ///< the return value is new memory
  std::optional<unsigned> AllocatesArg; ///< new memory is stored to *arg
  std::optional<unsigned> WhenNullArg;  ///< allocates only if this arg is 0
  std::optional<unsigned> ReallocArg;   ///< this argument is resized
  /// A reallocator that frees the old block when it fails (BSD reallocf,
  /// libuv uv__reallocf): the old block is gone after the call either way.
  bool FreesOnFailure = false;
  /// With AllocatesArg: the block `*arg` held is the one resized (yaml
  /// yaml_stack_extend's `new = yaml_realloc(*start, n); ... *start =
  /// new;`): the call may free or move it, and leaves it there when it
  /// fails.
  bool ReallocatesOut = false;
  std::optional<unsigned> FreeArg;      ///< this argument is deallocated
  bool MayReturnNull = true;            ///< allocation can fail
  /// For out-parameter allocators, how the returned status reports failure:
  /// "negative" (< 0), "nonzero" (!= 0), "minus-one" (0 on success, -1 on
  /// failure, nothing else), "minus-errno" (0 on success, a negative value
  /// on failure, nothing else), "null" (a NULL pointer) or "equals K"
  /// (success is exactly K, CoAP's COAP_205_CONTENT; anything else fails).
  std::optional<std::string> Status;
  bool NoReturn = false; ///< never returns to the caller
  /// Returns 0 or a negative value, never a positive one (OpenSC
  /// `LOG_FUNC_RETURN(ctx, 0)` beside `LOG_TEST_RET`): a caller's `rv != 0`
  /// means `rv < 0`.
  bool NeverPositive = false;
  ReturnContract Returns = ReturnContract::Unspecified;
  /// When `null: never` holds only under a condition ("only under the
  /// default memory handler"), that condition, for people reading the rule.
  std::string NullNote;
  llvm::SmallVector<std::pair<unsigned, ArgContract>, 2> Args;
  /// Arguments taken (ArgContract::Takes in Args) only when the function
  /// returns success by Status (c-ares ares_dns_rr_set_opt_own): on a
  /// failing return the caller still owns them.
  llvm::SmallVector<unsigned, 1> TakesOnSuccess;
  /// Arguments taken (ArgContract::Takes) on every path, failing ones
  /// included: the callee stores them where it succeeds and frees them
  /// itself where it fails (unbound cfg_str2list_insert), so a caller that
  /// frees them after a failed call frees them twice.
  llvm::SmallVector<unsigned, 2> TakesAlways;
  llvm::SmallVector<unsigned, 2> Derefs; ///< arguments the callee reads
  /// Arguments whose object the callee takes a reference of its own to (it
  /// increments the object's reference count, redis incrRefCount): a
  /// function that stores such an argument and retains it leaves the
  /// caller's reference with the caller.
  llvm::SmallVector<unsigned, 1> Retains;
  /// Borrowed arguments the callee keeps a pointer to in an object that
  /// does not own it (a link of an intrusive list, a back-pointer: ioto
  /// queueMsg's `mq->head.prev->next = msg`): still the caller's to free,
  /// but no longer only the caller's to reach once the call returns.
  llvm::SmallVector<unsigned, 1> Links;
  /// A destroy function: it releases what the pointer fields of this
  /// argument's object own (all of them when FreedFields is empty).
  std::optional<unsigned> FreesFieldsArg;
  std::vector<std::string> FreedFields;
  /// A function that stores new memory into these fields of this
  /// argument's object and may leave it there when it fails (OpenSC
  /// sc_hsm_encode_gakp_ec fills cvc->primeOrModulus, then fails on the
  /// next allocation): given `&local`, the caller owns what the fields
  /// hold whatever the call returns.
  std::optional<unsigned> FillsFieldsArg;
  std::vector<std::string> FilledFields;
  /// The returned pointer points into this argument's object: the caller
  /// must not free it; it lives as long as that object.
  std::optional<unsigned> BorrowedFromArg;
  /// The function returns this argument (`return p;` on every path): the
  /// result is the same memory, with whatever the caller knew of it.
  std::optional<unsigned> ReturnsArg;

  /// Inferred from the function's body (a summary), not declared: Origin is
  /// then where the body is, and Via the callee the fact goes through.
  bool Inferred = false;
  /// For an inferred allocator or deallocator, the function it allocates or
  /// frees through ("xmalloc"), for messages; empty when it does so itself.
  std::string Via;
  /// A function of another translation unit, not summarised yet: what a
  /// summary learns through it is conditional (see Requires).
  bool Pending = false;
  /// An allocator declared by an attribute whose body is in a unit not
  /// summarised yet: whether it may return NULL is known once the units
  /// are linked ("null-as" conditions of the summaries built on it).
  bool NullPending = false;
  /// Conditions of a summary on functions of other units, resolved once
  /// every unit is summarised (see SummaryFile.h): "allocates G",
  /// "null-as G", "keeps-not G J", "forward I G J", "field I F G J",
  /// "noreturn G", "allocates-arg G J", "status-of G" (the status class
  /// is G's), "retained I G J" (argument I, stored here, is also
  /// handed to G's argument J: borrowed if G retains it), "detach I G J F"
  /// (argument I's object is freed by G's
  /// argument J and its field F returned: realloc-like when the project's
  /// destroy functions free F).
  std::vector<std::string> Requires;

  bool allocates() const { return AllocatesReturn || AllocatesArg.has_value(); }
  /// The field an entry of FreedFields names ("a.b" frees field "b").
  static llvm::StringRef freedFieldName(llvm::StringRef Entry) {
    llvm::StringRef Leaf = Entry.rsplit('.').second;
    return Leaf.empty() ? Entry : Leaf;
  }
  /// The contract for argument \p I; a freed argument is taken.
  ArgContract argContract(unsigned I) const;
  bool dereferences(unsigned I) const;
  bool retains(unsigned I) const { return llvm::is_contained(Retains, I); }
  bool links(unsigned I) const { return llvm::is_contained(Links, I); }
  /// Takes or holds: the caller must not free the argument afterwards.
  bool releases(unsigned I) const {
    ArgContract C = argContract(I);
    return C == ArgContract::Takes || C == ArgContract::Holds;
  }
  /// The effective contract of the returned pointer.
  ReturnContract returnContract() const;
};

/// Which rules to load.  Each list entry of Builtin names a shipped rules
/// file by stem; entries of Files are either a shipped stem or a path.
struct RulesConfig {
  std::vector<std::string> Builtin;
  std::vector<std::string> Files;
  /// "name" (allocator returning memory that may be NULL) or
  /// "name=deallocator" (a family of its own).
  std::vector<std::string> ExtraAllocators;
};

/// The loaded rules.  Immutable once built; shared between checks.
class AllocationModel {
public:
  /// The model for \p Config, loaded on first use and shared afterwards
  /// (keyed by the configuration and the rules files' size and time).  Every
  /// problem found is appended to \p Errors as "file:line:col: message"; the
  /// model then holds whatever loaded cleanly.
  static std::shared_ptr<const AllocationModel>
  get(const RulesConfig &Config, std::vector<std::string> &Errors);

  /// Parses one rules document into this model.  \p Origin names it in
  /// messages.  Returns false and appends to \p Errors on malformed input.
  bool addRules(llvm::StringRef Text, llvm::StringRef Origin,
                std::vector<std::string> &Errors);

  /// Adds an ExtraAllocators entry ("name" or "name=deallocator").
  bool addExtraAllocator(llvm::StringRef Entry,
                         std::vector<std::string> &Errors);

  const FunctionRule *lookup(llvm::StringRef Name) const;

  /// A deallocator of \p Family (the first by name), or "".
  std::string deallocatorFor(llvm::StringRef Family) const;

  /// The family whose allocations fail by setting the field \p Member
  /// (a rules file's `failure-flag`), if any.
  std::optional<std::string> failureFlagFamily(llvm::StringRef Member) const;

  /// The shipped rules files, by stem.
  static llvm::ArrayRef<llvm::StringRef> shippedNames();
  /// The text of a shipped rules file, or std::nullopt.
  static std::optional<llvm::StringRef> shippedText(llvm::StringRef Stem);

  /// All rules, sorted by name (for --dump and for exports).
  std::vector<const FunctionRule *> sorted() const;

  /// A summaries file's field `record.field` that the project allocates
  /// and never releases (FieldLedger): "origin via", or null.
  const std::string *unreleasedField(llvm::StringRef Key) const;
  /// True when a summaries file was loaded: unreleasedField() then speaks
  /// for the whole project.
  bool hasFieldFacts() const { return HasFieldFacts; }

private:
  llvm::StringMap<std::string> Unreleased;
  bool HasFieldFacts = false;
  llvm::StringMap<FunctionRule> Rules;
  llvm::StringMap<std::string> FailureFlags; ///< field name -> family
};

/// One translation unit's summaries, as a summaries file keeps them so that
/// they are reused while the unit does not change (see Summaries.h).
struct SummaryUnit {
  std::string File; ///< the unit's main file, absolute
  std::string Key;  ///< hash of its command line and the rules
  /// Every file it read outside system headers, with its content's hash.
  std::vector<std::pair<std::string, std::string>> Deps;
  std::vector<FunctionRule> Functions; ///< unlinked: with their conditions
  std::vector<std::string> Fields;     ///< FieldLedger::facts()
};

/// A summaries file: a rules file (inferred: true) of the linked
/// \p Functions, and the \p Units they came from.  \p Header becomes its
/// leading comment.
std::string writeSummaries(llvm::ArrayRef<const FunctionRule *> Functions,
                           llvm::ArrayRef<SummaryUnit> Units,
                           llvm::StringRef Header,
                           llvm::ArrayRef<std::string> Unreleased = {});

/// The units of a summaries file (its functions load as any rules file's
/// do).  False, with \p Errors, when \p Text is not a summaries file.
bool readSummaryUnits(llvm::StringRef Text, llvm::StringRef Origin,
                      std::vector<SummaryUnit> &Units,
                      std::vector<std::string> &Errors);

/// Splits a ';' or ',' separated option value, trimming blanks.
std::vector<std::string> splitList(llvm::StringRef Value);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_ALLOCATIONMODEL_H
