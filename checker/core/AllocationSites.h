//===--- AllocationSites.h - resolve calls against the model ----*- C++ -*-===//
//
// Resolves callees through the AST: rules by name, and, for functions declared
// in the user's code, the attributes malloc, alloc_size and ownership_*.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_ALLOCATIONSITES_H
#define ALLOC_TIDY_CORE_ALLOCATIONSITES_H

#include "AllocationModel.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include <optional>
#include <deque>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class DeclRefExpr;
class Expr;
class FieldDecl;
class VarDecl;
class RecordDecl;
class FunctionDecl;
class LangOptions;
class SourceManager;
class Stmt;
} // namespace clang

namespace clang::tidy::alloc {

class SummaryTable;
class CalleeResolver;

/// A global function pointer called as a function (an allocator hook):
/// the variable, the field of it when it is a structure, and the name rules
/// and summaries know it by ("var" or "var.field").
struct HookTarget {
  const VarDecl *Var = nullptr;
  const FieldDecl *Field = nullptr;
  std::string Name;
};
std::optional<HookTarget> hookTarget(const Expr *Callee);
/// True if argument \p I of a call to \p Callee is one of a variadic
/// function's extra arguments (printf-like: read, not kept).
bool variadicExtra(const FunctionDecl *Callee, unsigned I);
/// True if \p R was read from the attributes of a declaration (not from a
/// rules file, an option or a summary).
bool declaredByAttribute(const FunctionRule &R);

/// The function a hook is statically initialised with, when visible.
const FunctionDecl *hookInitialiser(const HookTarget &T);

/// Rules for the allocator hooks this unit defines and initialises
/// (exported with the unit's summaries: other units call through them).
std::vector<FunctionRule> hookRules(ASTContext &Ctx, CalleeResolver &Resolver);

/// Maps function declarations to rules; one per translation unit and
/// configuration (see UnitState).  Declarations win over inference: the
/// rules files by name, then the attributes of a function declared in the
/// user's code, then the summary inferred from its body in this unit, then
/// the summaries of other units (for a function whose body is elsewhere).
class CalleeResolver {
public:
  explicit CalleeResolver(const AllocationModel &Model,
                          const AllocationModel *External = nullptr)
      : Model(Model), External(External) {}

  /// The rule for \p FD, as above, or nullptr.
  const FunctionRule *ruleFor(const FunctionDecl *FD, const SourceManager &SM);

  /// The declared rule for \p FD: rules files, then attributes; nullptr
  /// when neither describes it.
  const FunctionRule *declaredRule(const FunctionDecl *FD,
                                   const SourceManager &SM);

  /// The rule of \p Call's direct callee, or nullptr.
  const FunctionRule *ruleForCall(const CallExpr *Call,
                                  const SourceManager &SM);

  /// When \p Call allocates heap memory (allocation or reallocation, with
  /// its `when-null` condition met), the rule saying so; else nullptr.
  /// Without \p Inferred, only declared allocators count (not functions
  /// that allocate through one, known from their bodies).
  const FunctionRule *allocation(const CallExpr *Call, ASTContext &Ctx,
                                 bool Inferred = true);

  /// Consult \p S for functions defined in this unit.
  void setSummaries(SummaryTable *S) { Summaries = S; }
  /// Summarising one unit of a project: a function whose body is in
  /// another unit is "pending" (FunctionRule::Pending), its facts unknown
  /// until the units' summaries are linked.
  void setPending(bool P) { PendingMode = P; }
  /// True while summarising one unit of a project (phase one): functions
  /// of other units are pending.
  bool pending() const { return PendingMode; }
  /// The other units' summaries (a summaries file), or null.
  const AllocationModel *external() const { return External; }

  const AllocationModel &model() const { return Model; }
  /// A deallocator of \p Family for messages ("ares_free"): from the rules,
  /// the other units' summaries or this unit's hooks; empty if none.
  std::string deallocatorFor(StringRef Family) const;

  /// The rule for a call through a global function pointer (an allocator
  /// hook: `global_hooks.allocate(n)`, `ares_malloc(n)`), or nullptr.
  const FunctionRule *hookRule(const Expr *Callee, const SourceManager &SM);
  /// The hook a call goes through: a global (hookTarget), or a member of a
  /// hooks structure reached another way than the unit's one global of
  /// that type (cJSON `output_buffer->hooks.deallocate`, a copy of
  /// `global_hooks`): that global's hook.
  std::optional<HookTarget> hookOf(const Expr *Callee);

private:
  const AllocationModel &Model;
  const AllocationModel *External;
  SummaryTable *Summaries = nullptr;
  bool PendingMode = false;
  llvm::DenseMap<const FunctionDecl *, const FunctionRule *> Cache;
  /// ruleFor's answers once the unit's summaries are inferred (they no
  /// longer change then): the matchers ask for every call and reference.
  llvm::DenseMap<const FunctionDecl *, const FunctionRule *> Settled;
  const FunctionRule *resolve(const FunctionDecl *FD, const SourceManager &SM);
  std::deque<FunctionRule> FromAttributes;
  llvm::DenseMap<const FunctionDecl *, const FunctionRule *> PendingCache;
  std::deque<FunctionRule> PendingRules;
  /// A new pending rule for \p Name (a function or a global hook of another
  /// unit), followed as an allocation when it returns a pointer.
  const FunctionRule *pendingRule(StringRef Name, bool ReturnsPointer);
  llvm::StringMap<const FunctionRule *> HookCache;
  llvm::DenseMap<const FunctionDecl *, const FunctionRule *> NeverNull;
  /// Attribute allocators whose NULL is settled at link time (PendingMode).
  llvm::DenseMap<const FunctionDecl *, const FunctionRule *> NullPending;
  /// What inferredRule() learnt of a declaration that cannot change in the
  /// unit: its definition here, that no body of it can be summarised (a
  /// system header's, a builtin), or another unit's summary of it.
  struct Callee {
    const FunctionDecl *Def = nullptr;
    bool Never = false;
    const FunctionRule *Rule = nullptr;
  };
  llvm::DenseMap<const FunctionDecl *, Callee> Classified;
  /// The summary of \p FD's body: this unit's, or another unit's.
  const FunctionRule *inferredRule(const FunctionDecl *FD,
                                   const SourceManager &SM);
  std::deque<FunctionRule> HookRules;
  /// The one modifiable global of each record type, or null.
  llvm::DenseMap<const RecordDecl *, const VarDecl *> OnlyGlobal;
};

/// Hands out the resolver of the translation unit being analysed; matchers
/// keep one of these, not a resolver, which lives for one unit.
class ResolverSource {
public:
  virtual ~ResolverSource() = default;
  virtual CalleeResolver &resolver() = 0;
};

/// One allocation site: a call that allocates, or an allocator whose
/// address is taken.
struct AllocationSite {
  const Expr *E = nullptr; ///< the CallExpr or DeclRefExpr
  const FunctionRule *Rule = nullptr;
  SourceLocation Loc; ///< where it is reported (file location)
  std::string Macro;  ///< macro the call is written through
  bool AddressTaken = false;
};

/// Collects the allocation sites of one translation unit, fed call by call
/// and reference by reference (by matchers or a visitor, in any order).
class SiteCollector {
public:
  /// Feeds every call and function reference of the unit's code outside
  /// system headers: the bodies of its functions and the initialisers of
  /// its globals, as the unit's one walk of that code listed them
  /// (unitStmts).
  void collect(ASTContext &Ctx);
  /// \p Inferred: calls of functions known to allocate from their bodies
  /// count as sites too.
  explicit SiteCollector(CalleeResolver &Resolver, bool Inferred = true)
      : Resolver(Resolver), Inferred(Inferred) {}
  void addCall(const CallExpr *Call, ASTContext &Ctx);
  void addReference(const DeclRefExpr *Ref, ASTContext &Ctx);
  /// Every site outside system headers, in source order.  A reference to an
  /// allocator is a site unless it is the callee of a call.
  std::vector<AllocationSite> finish(const SourceManager &SM);

private:
  CalleeResolver &Resolver;
  bool Inferred;
  std::vector<AllocationSite> Calls;
  std::vector<AllocationSite> References;
  llvm::DenseSet<const Expr *> Callees;
};

/// The expression naming a call's callee, without parentheses, casts and
/// explicit '*' or '&' ("(*malloc)(n)" calls malloc too).
const Expr *calleeName(const CallExpr *Call);

/// \p E without parentheses, implicit casts and C-style casts: the value the
/// analyses follow ("(char *)malloc(n)" is the call).
const Expr *stripCasts(const Expr *E);

/// container_of: the pointer that `(char *)p - offsetof(T, member)` steps
/// back from (`(char *)p`), or null when \p E is no pointer minus an
/// integer constant.
const Expr *containerBase(const Expr *E, ASTContext &Ctx);

/// True if \p S refers to one of \p Vars anywhere inside.
bool mentions(const Stmt *S, llvm::ArrayRef<const VarDecl *> Vars);

/// True if \p S lies under an `if` or `?:` whose condition (\p S not part of
/// it) satisfies \p Tests, within \p MaxDepth enclosing statements.
bool underCondition(const Stmt *S, ASTContext &Ctx,
                    llvm::function_ref<bool(const Expr *)> Tests,
                    unsigned MaxDepth);

/// How a place is written, for messages: "buf", "obj->name", "s.data";
/// "" when \p E names no variable or field of one.
std::string spellPlace(const Expr *E);

/// True if \p E is a null pointer constant or integer zero.
bool isNullOrZero(const Expr *E, ASTContext &Ctx);

/// What the test \p Cond finds NULL: X of `!X`, `X == NULL`, `NULL == X`
/// (without casts); null for any other test.
const Expr *nullTested(const Expr *Cond, ASTContext &Ctx);

/// True if every value the statements \p Stmts (a function's, as
/// unitStmts() lists them) give the local \p V is new memory or NULL, and
/// one is new memory: `v = calloc(...)`, never `v = other`.
bool holdsOnlyNewMemory(const VarDecl *V, llvm::ArrayRef<const Stmt *> Stmts,
                        ASTContext &Ctx, CalleeResolver &Resolver);

/// Where an allocation written at \p Loc is reported: the file location, so
/// a call inside a macro is reported at the expansion in the user's code.
SourceLocation reportLoc(SourceLocation Loc, const SourceManager &SM);

/// The name of the macro whose body spells the token at \p Loc (looking
/// through macro arguments), or "" when it is written in the file.
std::string macroSpelling(SourceLocation Loc, const SourceManager &SM,
                          const LangOptions &LO);

/// "'malloc'", "'malloc' (through macro 'NEW')", "'conn_new' (through
/// 'xmalloc', net.c:40)"
std::string describeAllocation(const FunctionRule &Rule, llvm::StringRef Macro);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_ALLOCATIONSITES_H
