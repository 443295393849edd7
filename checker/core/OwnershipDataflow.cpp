//===--- OwnershipDataflow.cpp - allocations a function still owns -------===//

#include "OwnershipDataflow.h"
#include "Compat.h"
#include "StatusFacts.h"
#include "Parents.h"
#include "UnitCode.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "clang/Analysis/Analyses/Dominators.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Basic/Builtins.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/MapVector.h"
#include <map>
#include <set>

namespace clang::tidy::alloc {

std::string Allocation::describe() const {
  if (!Name.empty())
    return "'" + Name + "'";
  return "the result of '" + (Rule ? Rule->Name : std::string("?")) + "'";
}

namespace {

/// A may-point-to set: sorted allocation ids.  NullSentinel stands for a
/// pointer that holds the null constant on some path, UnknownSentinel for
/// one that holds something the analysis does not follow (a place followed
/// on one path and not on another: a list walked in a loop).
using AllocSet = llvm::SmallVector<AllocId, 2>;
constexpr AllocId NullSentinel = ~0u;
constexpr AllocId UnknownSentinel = ~0u - 1;
/// An arm of `c ? x : NULL` the analysis does not follow: anything, so a
/// test of the value is not decided by its NULL arm (see test()).
constexpr AllocId OpaqueSentinel = ~0u - 2;
/// An allocation (or parameter), not a sentinel.
constexpr bool real(AllocId A) { return A < OpaqueSentinel; }

bool unionInto(AllocSet &Into, const AllocSet &From) {
  bool Changed = false;
  for (AllocId A : From) {
    auto It = llvm::lower_bound(Into, A);
    if (It == Into.end() || *It != A) {
      Into.insert(It, A);
      Changed = true;
    }
  }
  return Changed;
}

/// A storage place the analysis follows: a local variable, or a field of a
/// local struct or of a locally owned object, or the caller's pointer a
/// `T **` parameter points to (`*out`, Field == outSlot()).
struct Place {
  const VarDecl *Var = nullptr;
  const FieldDecl *Field = nullptr;
  bool operator<(const Place &O) const {
    return std::tie(Var, Field) < std::tie(O.Var, O.Field);
  }
  bool operator==(const Place &O) const {
    return Var == O.Var && Field == O.Field;
  }
};

/// A pointer member of a parameter's object holding an allocation, and the
/// free of it while it does (Sub::InParamField).
struct MemberHold {
  Place P;
  const CallExpr *FreedBy = nullptr;
  bool operator==(const MemberHold &O) const {
    return P == O.P && FreedBy == O.FreedBy;
  }
};

struct AllocState {
  bool Owned = false;
  /// Passed to a function without rules that may have kept or freed it:
  /// still owned for a later free, but never reported as leaked.
  bool Lent = false;
  unsigned char Null = 0;
  unsigned char Gone = 0;
  bool Allocated = false;
  /// Still owned on a `goto` to this label: a release before the label on
  /// another path (an error ladder whose rungs disagree) decides no
  /// condition of this one; one after it (`err: if (r < 0) free(p);`) may.
  const Stmt *OwnedOnGotoTo = nullptr;
  const CallExpr *GoneAt = nullptr; ///< the call that freed or took it
  /// Handed to a callee that copies it, on some path since it was made.
  bool Copied = false;
  bool operator==(const AllocState &O) const {
    return Owned == O.Owned && Lent == O.Lent && Null == O.Null &&
           Gone == O.Gone && Allocated == O.Allocated &&
           OwnedOnGotoTo == O.OwnedOnGotoTo && GoneAt == O.GoneAt &&
           Copied == O.Copied;
  }
};

/// A small sorted map: the states are copied on every CFG edge, and a
/// vector copies in one allocation where a tree allocates per node.
template <typename K, typename V> class FlatMap {
public:
  using Entry = std::pair<K, V>;
  using iterator = typename llvm::SmallVector<Entry, 4>::iterator;
  using const_iterator = typename llvm::SmallVector<Entry, 4>::const_iterator;

  iterator begin() { return Items.begin(); }
  iterator end() { return Items.end(); }
  const_iterator begin() const { return Items.begin(); }
  const_iterator end() const { return Items.end(); }
  iterator find(const K &Key) {
    iterator It = lower(Key);
    return It != Items.end() && It->first == Key ? It : Items.end();
  }
  const_iterator find(const K &Key) const {
    return const_cast<FlatMap *>(this)->find(Key);
  }
  V &operator[](const K &Key) {
    iterator It = lower(Key);
    if (It == Items.end() || !(It->first == Key))
      It = Items.insert(It, Entry{Key, V()});
    return It->second;
  }
  iterator erase(iterator It) { return Items.erase(It); }
  iterator erase(iterator First, iterator Last) {
    return Items.erase(First, Last);
  }
  /// The first entry not before \p Key.
  const_iterator lower_bound(const K &Key) const {
    return const_cast<FlatMap *>(this)->lower(Key);
  }
  /// The entries from \p Key on while \p Same holds (a sorted run).
  template <typename P> std::pair<iterator, iterator> run(const K &Key, P Same) {
    iterator First = lower(Key), Last = First;
    while (Last != Items.end() && Same(Last->first))
      ++Last;
    return {First, Last};
  }
  size_t size() const { return Items.size(); }
  void erase(const K &Key) {
    iterator It = find(Key);
    if (It != Items.end())
      Items.erase(It);
  }
  bool operator==(const FlatMap &O) const { return Items == O.Items; }

  /// Joins \p From into \p Into in one pass over both: \p Both joins a
  /// value present in each, \p OnlyInto updates one \p From lacks,
  /// \p OnlyFrom makes the value of one only \p From has; each returns
  /// whether it changed anything (OnlyFrom always does).
  template <typename B, typename I, typename F>
  friend bool mergeInto(FlatMap &Into, const FlatMap &From, B Both,
                        I OnlyInto, F OnlyFrom) {
    bool Changed = false;
    auto It = Into.Items.begin(), End = Into.Items.end();
    auto FIt = From.Items.begin(), FEnd = From.Items.end();
    bool Missing = false;
    for (; It != End; ++It) {
      while (FIt != FEnd && FIt->first < It->first) {
        Missing = true;
        ++FIt;
      }
      if (FIt != FEnd && FIt->first == It->first)
        Changed |= Both(It->second, (FIt++)->second);
      else
        Changed |= OnlyInto(It->second);
    }
    if (!Missing && FIt == FEnd)
      return Changed;
    // Entries only \p From has: one merge into a new vector.
    llvm::SmallVector<Entry, 4> Out;
    Out.reserve(Into.Items.size() + From.Items.size());
    It = Into.Items.begin();
    for (FIt = From.Items.begin(); FIt != FEnd; ++FIt) {
      while (It != End && It->first < FIt->first)
        Out.push_back(std::move(*It++));
      if (It != End && It->first == FIt->first)
        Out.push_back(std::move(*It++));
      else
        Out.push_back(Entry{FIt->first, OnlyFrom(FIt->second)});
    }
    for (; It != End; ++It)
      Out.push_back(std::move(*It));
    Into.Items = std::move(Out);
    return true;
  }

private:
  iterator lower(const K &Key) {
    return llvm::lower_bound(
        Items, Key, [](const Entry &E, const K &Key) { return E.first < Key; });
  }
  llvm::SmallVector<Entry, 4> Items;
};

/// A value copies share until one of them changes it: most edges out of a
/// block change a few allocations and none of the places, so the places of
/// a long function are copied only where they change.
template <typename T> class Shared {
public:
  const T &operator*() const { return P ? *P : empty(); }
  const T *operator->() const { return &**this; }
  /// The value, made this copy's own first.
  T &mut() {
    if (!P)
      P = std::make_shared<T>();
    else if (P.use_count() > 1)
      P = std::make_shared<T>(*P);
    return *P;
  }
  /// True if both copies hold the very same value.
  bool same(const Shared &O) const { return P == O.P; }
  bool operator==(const Shared &O) const { return same(O) || **this == *O; }

private:
  static const T &empty() {
    static const T E;
    return E;
  }
  std::shared_ptr<T> P;
};

/// The state along the paths of one context.
struct Sub {
  /// The allocations made on some path to here, and not yet forgotten
  /// (released and out of reach); sparse, so that a function with thousands
  /// of allocations carries only the few that are live.
  FlatMap<AllocId, AllocState> Allocs;
  Shared<FlatMap<Place, AllocSet>> Points;
  /// Variables holding the status an out-parameter allocator returned.
  FlatMap<const VarDecl *, AllocSet> Status;
  /// Variables holding the status a function that takes arguments only on
  /// success returned (FunctionRule::TakesOnSuccess): indexes of its calls
  /// in Impl::TakerCalls.
  FlatMap<const VarDecl *, AllocSet> Takers;
  /// realloc results and the blocks they replace once they succeed.
  FlatMap<AllocId, AllocSet> ReallocOf;
  /// Allocations handed to a parameter the callee "links" (borrowed, but
  /// reachable after the call from the objects given with it: NanoNNG
  /// `nng_msg_set_proto_data(msg, NULL, len)`), with those objects: where
  /// one of them goes (handed on, stored, returned) the linked memory goes
  /// with it; freed, it leaves the memory with this function.
  FlatMap<AllocId, AllocSet> LinkedInto;
  /// An out-parameter allocator called again into a variable that still
  /// holds the block of its earlier call (a loop): that block's state,
  /// which is the variable's again where the call fails (it leaves `*out`
  /// alone: c-ares ares_parse_soa_reply frees the earlier iteration's
  /// name a second time).
  FlatMap<AllocId, AllocState> Prior;
  /// Allocations stored into a pointer member of a parameter's object
  /// (`item->valuestring = out`), with that member, while the member still
  /// holds them: freed, the caller's object keeps a dangling pointer.
  FlatMap<AllocId, MemberHold> InParamField;
  /// Pointer members of a parameter's object whose block, which the
  /// function did not follow, it freed and has not reset since (cJSON
  /// print_value before d514bb8: `output_buffer->hooks.deallocate(
  /// output_buffer->buffer); return false;`, and print() frees the buffer
  /// again), with the free and whether the member was set to NULL since
  /// (no longer dangling).  On some path: a failing exit reached with one
  /// not reset leaves the caller's object a dangling pointer.
  FlatMap<Place, std::pair<const CallExpr *, bool>> FreedMembers;
  /// Variables handed to a deallocator and not given a value since, on
  /// some path, with the free: whichever block such a variable holds (one
  /// of a list's elements, libucl's DL_FOREACH_SAFE), it is the freed one.
  FlatMap<const VarDecl *, const CallExpr *> FreedVars;
  /// Allocations released on these paths and then forgotten (out of
  /// reach), with how they went: an exit still shows that this path
  /// released them.
  FlatMap<AllocId, unsigned char> Released;

  bool operator==(const Sub &O) const {
    return Allocs == O.Allocs && Points == O.Points && Status == O.Status &&
           Takers == O.Takers && ReallocOf == O.ReallocOf && Prior == O.Prior &&
           LinkedInto == O.LinkedInto && InParamField == O.InParamField &&
           FreedMembers == O.FreedMembers && FreedVars == O.FreedVars &&
           Released == O.Released;
  }

  /// An allocation's state; absent means never allocated on these paths.
  const AllocState &get(AllocId A) const {
    static const AllocState None;
    auto It = Allocs.find(A);
    return It == Allocs.end() ? None : It->second;
  }
  AllocState &mut(AllocId A) { return Allocs[A]; }

  /// Joins the state \p S of one path into \p T of another; true if \p T
  /// changed.
  static bool joinState(AllocState &T, const AllocState &S) {
    AllocState Before = T;
    T.Owned |= S.Owned;
    T.Lent |= S.Lent;
    T.Null |= S.Null;
    T.Gone |= S.Gone;
    T.Allocated |= S.Allocated;
    T.Copied |= S.Copied;
    if (!T.OwnedOnGotoTo)
      T.OwnedOnGotoTo = S.OwnedOnGotoTo;
    if (!T.GoneAt)
      T.GoneAt = S.GoneAt;
    return !(T == Before);
  }

  /// Joins \p O into this state; true if anything changed (found along
  /// the way: a copy to compare with would cost as much as the state, once
  /// per edge into a label that many paths reach).
  bool join(const Sub &O) {
    bool Changed = false;
    // Stored on one joined path and not on another where the block exists:
    // not known stored.
    for (auto It = InParamField.begin(); It != InParamField.end();) {
      auto Other = O.InParamField.find(It->first);
      bool Keep = Other != O.InParamField.end()
                      ? Other->second == It->second
                      : O.Allocs.find(It->first) == O.Allocs.end() ||
                            O.get(It->first).Null == NullIsNull;
      if (Keep) {
        ++It;
        continue;
      }
      It = InParamField.erase(It);
      Changed = true;
    }
    for (const auto &[A, P] : O.InParamField)
      if (InParamField.find(A) == InParamField.end() &&
          (Allocs.find(A) == Allocs.end() || get(A).Null == NullIsNull)) {
        InParamField[A] = P;
        Changed = true;
      }
    auto KeepState = [](AllocState &) { return false; };
    auto CopyState = [](const AllocState &S) { return S; };
    Changed |= mergeInto(Allocs, O.Allocs, joinState, KeepState, CopyState);
    // A place followed on one path and not on the other holds, after the
    // join, something the analysis does not follow on some path.
    if (!Points.same(O.Points))
      Changed |= mergeInto(
        Points.mut(), *O.Points,
        [](AllocSet &T, const AllocSet &S) { return unionInto(T, S); },
        [](AllocSet &T) { return unionInto(T, {UnknownSentinel}); },
        [](const AllocSet &S) {
          AllocSet New = {UnknownSentinel};
          unionInto(New, S);
          return New;
        });
    auto Union = [](AllocSet &T, const AllocSet &S) { return unionInto(T, S); };
    auto Keep = [](AllocSet &) { return false; };
    auto Copy = [](const AllocSet &S) { return S; };
    Changed |= mergeInto(Status, O.Status, Union, Keep, Copy);
    Changed |= mergeInto(Takers, O.Takers, Union, Keep, Copy);
    Changed |= mergeInto(ReallocOf, O.ReallocOf, Union, Keep, Copy);
    Changed |= mergeInto(LinkedInto, O.LinkedInto, Union, Keep, Copy);
    Changed |= mergeInto(Prior, O.Prior, joinState, KeepState, CopyState);
    Changed |= mergeInto(
        FreedMembers, O.FreedMembers,
        [](std::pair<const CallExpr *, bool> &T,
           const std::pair<const CallExpr *, bool> &S) {
          bool Nulled = T.second && S.second;
          bool Changed = Nulled != T.second;
          T.second = Nulled;
          return Changed;
        },
        [](std::pair<const CallExpr *, bool> &) { return false; },
        [](const std::pair<const CallExpr *, bool> &S) { return S; });
    Changed |= mergeInto(
        FreedVars, O.FreedVars,
        [](const CallExpr *&, const CallExpr *) { return false; },
        [](const CallExpr *&) { return false; },
        [](const CallExpr *C) { return C; });
    Changed |= mergeInto(
        Released, O.Released,
        [](unsigned char &T, unsigned char S) {
          unsigned char Before = T;
          T |= S;
          return T != Before;
        },
        [](unsigned char &) { return false; },
        [](unsigned char S) { return S; });
    return Changed;
  }
};

/// What a context knows of one of the few variables whose values keep paths
/// apart (flags, the returned status, a parameter tested twice): nothing,
/// equal to a constant, or different from one.
struct Known {
  /// X == C, X != C, X < C, X >= C.
  enum Kind : unsigned char { Unknown, Eq, Ne, Lt, Ge } K = Unknown;
  int64_t C = 0;
  bool operator<(const Known &O) const {
    return std::tie(K, C) < std::tie(O.K, O.C);
  }
  bool operator==(const Known &O) const { return K == O.K && C == O.C; }
};

/// Failed: 0 on the normal path, A + 1 on the paths where allocation A
/// failed, ManyFailed where several failure contexts were merged to keep the
/// state bounded.
constexpr unsigned ManyFailed = ~0u;

/// What keeps one context apart from another.
struct CtxKey {
  unsigned Failed = 0;
  llvm::SmallVector<Known, 4> Vars; ///< one per tracked variable
  bool operator<(const CtxKey &O) const {
    return std::tie(Failed, Vars) < std::tie(O.Failed, O.Vars);
  }
  bool operator==(const CtxKey &O) const {
    return Failed == O.Failed && Vars == O.Vars;
  }
};

/// At most this many contexts per program point: past it, what is known of
/// the tracked variables is forgotten (the last first), then the failure
/// contexts are merged.  It keeps the cost linear in the function's size.
constexpr size_t MaxContexts = 12;

/// The ways of letting memory go that, on a path joined with one that
/// still owns it, settle it there (`if (n) free(p);`): all but returning it
/// and storing it through an out-parameter.
constexpr unsigned char SettlingRelease =
    GoneFreed | GoneEscaped | GoneTransferred | GoneHeld;

/// How a state holding some set of contexts is brought within MaxContexts:
/// the tracked variables from Keep on forgotten, and, if that is not
/// enough, the failure contexts merged.  A function of the keys alone, so
/// it is found without touching the sub-states.
struct Coarsening {
  unsigned Keep = ~0u;
  bool MergeFailed = false;

  bool identity() const { return Keep == ~0u && !MergeFailed; }
  CtxKey apply(CtxKey K) const {
    for (unsigned V = Keep; V < K.Vars.size(); ++V)
      K.Vars[V] = Known();
    if (MergeFailed && K.Failed)
      K.Failed = ManyFailed;
    return K;
  }

  /// The coarsening that brings \p Keys within \p Limit contexts: the
  /// tracked variables are forgotten from the last, the failure contexts
  /// merged, and only then the first variable (the returned status, when
  /// there is one: what makes an exit a failure) forgotten.
  static Coarsening of(std::set<CtxKey> Keys, unsigned NumVars, size_t Limit) {
    Coarsening C;
    auto Reapply = [&] {
      std::set<CtxKey> Out;
      for (const CtxKey &K : Keys)
        Out.insert(C.apply(K));
      Keys = std::move(Out);
    };
    for (unsigned V = NumVars; Keys.size() > Limit && V-- > 1;) {
      C.Keep = V;
      Reapply();
    }
    if (Keys.size() > Limit) {
      C.MergeFailed = true;
      Reapply();
    }
    if (Keys.size() > Limit && NumVars > 0)
      C.Keep = 0;
    return C;
  }
};

/// The program state: one sub-state per context.  Keeping the paths on
/// which an allocation failed apart keeps "this pointer is NULL here" tied
/// to which failure happened, so a cleanup label shared by several failure
/// paths is precise; keeping apart the paths on which a flag or a status
/// has different values keeps a release under "if (flag)" tied to the
/// allocation made where the flag was set.  No context means unreachable.
struct State {
  std::map<CtxKey, Sub> Ctx;

  bool reachable() const { return !Ctx.empty(); }
  void add(const CtxKey &K, Sub &&S) {
    auto [It, New] = Ctx.try_emplace(K, std::move(S));
    if (!New)
      It->second.join(S);
  }
  /// Re-keys the contexts through \p C, moving their sub-states.
  void coarsen(const Coarsening &C) {
    if (C.identity())
      return;
    std::map<CtxKey, Sub> Old = std::move(Ctx);
    Ctx.clear();
    for (auto &[K, S] : Old)
      add(C.apply(K), std::move(S));
  }
  /// Joins \p O (consumed) into this state, keeping it within \p Limit
  /// contexts; true if anything changed.  Contexts of this state are only
  /// ever coarsened, so a fixpoint over joins terminates.
  bool join(State &&O, unsigned NumVars, size_t Limit) {
    Coarsening C;
    if (Ctx.size() + O.Ctx.size() > Limit) {
      std::set<CtxKey> Keys;
      for (const auto &KS : Ctx)
        Keys.insert(KS.first);
      for (const auto &KS : O.Ctx)
        Keys.insert(KS.first);
      C = Coarsening::of(std::move(Keys), NumVars, Limit);
    }
    bool Changed = false;
    if (!C.identity() && llvm::any_of(Ctx, [&](const auto &KS) {
          return !(C.apply(KS.first) == KS.first);
        })) {
      coarsen(C);
      Changed = true;
    }
    for (auto &[K, S] : O.Ctx) {
      auto [It, New] = Ctx.try_emplace(C.apply(K));
      if (New) {
        It->second = std::move(S);
        Changed = true;
      } else {
        Changed |= It->second.join(S);
      }
    }
    return Changed;
  }
};

/// Bounds \p St to \p Limit contexts.
void bound(State &St, unsigned NumVars, size_t Limit) {
  if (St.Ctx.size() <= Limit)
    return;
  std::set<CtxKey> Keys;
  for (const auto &KS : St.Ctx)
    Keys.insert(KS.first);
  St.coarsen(Coarsening::of(std::move(Keys), NumVars, Limit));
}

bool isLocal(const VarDecl *VD) { return VD && VD->hasLocalStorage(); }

/// The local struct whose fields a call of \p R fills (`encode(&cvc)`,
/// FunctionRule::FillsFieldsArg), or null.
const VarDecl *filledStruct(const CallExpr *C, const FunctionRule *R) {
  if (!R || !R->FillsFieldsArg || R->allocates() ||
      *R->FillsFieldsArg >= C->getNumArgs())
    return nullptr;
  const auto *U = dyn_cast<UnaryOperator>(
      C->getArg(*R->FillsFieldsArg)->IgnoreParenImpCasts());
  if (!U || U->getOpcode() != UO_AddrOf)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParens());
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return isLocal(VD) && VD->getType()->isRecordType() ? VD : nullptr;
}

/// The pseudo-field of Place naming `*out` for a `T **` parameter `out`:
/// memory stored there is handed to the caller only if the function
/// succeeds (callers do not free an out-parameter after an error).
const FieldDecl *outSlot() {
  static const char Tag = 0;
  return reinterpret_cast<const FieldDecl *>(&Tag);
}

/// A `T **` parameter: what it points to may be an out-parameter.
bool pointerToPointer(const ParmVarDecl *P) {
  return P && P->getType()->isPointerType() &&
         P->getType()->getPointeeType()->isPointerType();
}

} // namespace

const ParmVarDecl *derefParam(const Expr *E) {
  const auto *U = dyn_cast<UnaryOperator>(stripCasts(E));
  if (!U || U->getOpcode() != UO_Deref)
    return nullptr;
  const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr()));
  const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
  return pointerToPointer(P) ? P : nullptr;
}

namespace {

/// A call through a replaceable allocator hook whose target is unknown
/// (set at run time).
bool unknownHook(const CallExpr *C, CalleeResolver &Resolver,
                 const SourceManager &SM) {
  return !C->getDirectCallee() && hookTarget(C->getCallee()) &&
         !Resolver.hookRule(C->getCallee(), SM);
}

/// The `T **` parameters a body reads through before it writes through
/// them: in a pure out-parameter the first `*out` (in source order) is the
/// left side of `*out = ...`; one read first (`if (*list == NULL) *list =
/// create();`) makes it an in-out parameter, the caller's object, kept
/// whatever the function returns.
class OutParamScan {
public:
  void walk(const Stmt *Body) {
    forEachStmtIn(Body, [&](const Stmt *CS) {
      Stmt *S = const_cast<Stmt *>(CS);
      if (auto *BO = dyn_cast<BinaryOperator>(S))
        VisitBinaryOperator(BO);
      else if (auto *C = dyn_cast<CallExpr>(S))
        VisitCallExpr(C);
      else if (auto *U = dyn_cast<UnaryOperator>(S))
        VisitUnaryOperator(U);
    });
  }
  llvm::SmallPtrSet<const ParmVarDecl *, 4> ReadFirst, Seen;
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->getOpcode() == BO_Assign)
      if (const ParmVarDecl *P = derefParam(BO->getLHS())) {
        StoreLHS.insert(stripCasts(BO->getLHS()));
        Seen.insert(P);
      }
    return true;
  }
  /// `alloc_into(out)`: written by the callee, as far as order goes.
  bool VisitCallExpr(CallExpr *C) {
    for (const Expr *A : C->arguments())
      if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(A)))
        if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
          Seen.insert(P);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (const ParmVarDecl *P = derefParam(U))
      if (!StoreLHS.count(stripCasts(U)) && Seen.insert(P).second)
        ReadFirst.insert(P);
    return true;
  }

private:
  llvm::SmallPtrSet<const Expr *, 8> StoreLHS;
};

/// Walks a body once: its allocation calls, in source order, and loops.
class BodyScan {
public:
  BodyScan(ASTContext &Ctx, CalleeResolver &R) : Ctx(Ctx), Resolver(R) {}
  /// Whether the analysis follows what \p C returns: an allocation, or
  /// memory a getter lends.
  bool tracks(const CallExpr *C) {
    if (Resolver.allocation(C, Ctx))
      return true;
    const FunctionRule *B = Resolver.ruleForCall(C, Ctx.getSourceManager());
    return B &&
           (B->returnContract() == ReturnContract::Borrowed ||
            B->BorrowedFromArg || freedVariable(C, B) || filledStruct(C, B) ||
            (FollowMemberFrees && freedMember(C, B)));
  }
  /// Follow frees of members (`free(p->buf)`), which may leave the
  /// caller's object dangling at a failing exit: in functions that return
  /// a value.
  bool FollowMemberFrees = false;
  /// A free of a member was met (FollowMemberFrees).
  bool MemberFrees = false;
  static bool freedMember(const CallExpr *C, const FunctionRule *R) {
    if (!R || !R->FreeArg || R->ReallocArg || *R->FreeArg >= C->getNumArgs())
      return false;
    const auto *ME = dyn_cast<MemberExpr>(stripCasts(C->getArg(*R->FreeArg)));
    return ME && ME->getType()->isPointerType();
  }
  bool VisitCallExpr(CallExpr *C) {
    if (const FunctionRule *R = Resolver.allocation(C, Ctx)) {
      Calls.push_back({C, R, LoopDepth > 0, false});
    } else {
      const FunctionRule *B = Resolver.ruleForCall(C, Ctx.getSourceManager());
      // A getter that lends into its argument's object (`returns:
      // borrowed-from(arg N)`) lends like `returns: borrowed`.
      if (B && (B->returnContract() == ReturnContract::Borrowed ||
                B->BorrowedFromArg))
        Calls.push_back({C, B, LoopDepth > 0, true});
      else if (filledStruct(C, B))
        Calls.push_back({C, B, LoopDepth > 0, false});
      if (const VarDecl *V = freedVariable(C, B))
        Frees.push_back({C, V});
      else if (FollowMemberFrees && freedMember(C, B))
        MemberFrees = true;
    }
    // f(&p): the callee may give p another value.
    for (const Expr *Arg : C->arguments())
      if (const auto *U = dyn_cast<UnaryOperator>(stripCasts(Arg));
          U && U->getOpcode() == UO_AddrOf)
        if (const VarDecl *V = pointerVariable(U->getSubExpr()))
          Defs.push_back({C, V});
    return true;
  }
  bool VisitVarDecl(VarDecl *VD) {
    Locals += VD->hasLocalStorage();
    if (VD->hasLocalStorage() && VD->getType()->isPointerType())
      Defs.push_back({VD, VD});
    return true;
  }
  /// `cur->next = calloc(...)`: the destination's base is dereferenced in
  /// the statement that allocates; it cannot be the new block.
  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->getOpcode() == BO_Assign)
      if (const auto *C = dyn_cast<CallExpr>(B->getRHS()->IgnoreParenCasts())) {
        StoredInto[B->getLHS()->IgnoreParenCasts()] = C;
        StoredBy[C] = B->getLHS();
      }
    if (B->isAssignmentOp())
      if (const VarDecl *V = pointerVariable(B->getLHS())) {
        Defs.push_back({B, V});
        // `free(p); p = NULL;`: naming p to give it a value is no use.
        if (B->getOpcode() == BO_Assign)
          Assigned.insert(B->getLHS()->IgnoreParenImpCasts());
      }
    return true;
  }
  bool VisitStmt(Stmt *S) {
    Jumps += isa<ReturnStmt, GotoStmt, BreakStmt, ContinueStmt>(S);
    if (const auto *D = dyn_cast<DeclRefExpr>(S)) {
      if (const VarDecl *V = pointerVariable(D); V && !Assigned.count(D))
        Refs.push_back({V, D->getBeginLoc()});
    } else if (const auto *U = dyn_cast<UnaryOperator>(S);
               U && U->isIncrementDecrementOp()) {
      if (const VarDecl *V = pointerVariable(U->getSubExpr()))
        Defs.push_back({U, V});
    }
    return true;
  }

  /// A local or parameter of pointer type, named by \p E.
  static const VarDecl *pointerVariable(const Expr *E) {
    const auto *D = dyn_cast<DeclRefExpr>(stripCasts(E));
    const auto *V = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
    return V && V->hasLocalStorage() && V->getType()->isPointerType() ? V
                                                                      : nullptr;
  }
  /// The variable a deallocator (\p R, the rule of \p C) frees, if it
  /// frees one: `free(p)`, `sc_file_free(file)`.
  static const VarDecl *freedVariable(const CallExpr *C,
                                      const FunctionRule *R) {
    if (!R || !R->FreeArg || R->ReallocArg || *R->FreeArg >= C->getNumArgs())
      return nullptr;
    return pointerVariable(C->getArg(*R->FreeArg));
  }
  /// The body \p Top in source order (a statement before its children, as
  /// the visitor's traversal would), each statement once: a plain walk of
  /// the children, which every function of the unit pays for.
  void walk(const Stmt *Top) {
    std::vector<std::pair<const Stmt *, unsigned>> Work{{Top, 0}};
    while (!Work.empty()) {
      auto [C, Depth] = Work.back();
      Work.pop_back();
      Stmt *S = const_cast<Stmt *>(C);
      LoopDepth = Depth;
      VisitStmt(S);
      visitCallOrStore(S, *this);
      unsigned Inner = Depth + isa<ForStmt, WhileStmt, DoStmt>(S);
      size_t First = Work.size();
      for (const Stmt *Child : S->children())
        if (Child)
          Work.push_back({Child, Inner});
      std::reverse(Work.begin() + First, Work.end());
    }
  }

  struct Found {
    const CallExpr *Call;
    const FunctionRule *Rule;
    bool InLoop;
    bool Borrowed;
  };
  std::vector<Found> Calls;
  /// A deallocator's call freeing a variable.
  struct Free {
    const CallExpr *Call;
    const VarDecl *Var;
  };
  std::vector<Free> Frees;
  /// Where a pointer variable gets a value: its declaration (the VarDecl),
  /// an assignment, `++`/`--`, or a call given its address.
  std::vector<std::pair<const void *, const VarDecl *>> Defs;
  /// Where pointer variables are named, but for the destinations of
  /// assignments (Assigned).
  std::vector<std::pair<const VarDecl *, SourceLocation>> Refs;
  llvm::SmallPtrSet<const Expr *, 8> Assigned;
  /// The call whose result an assignment stores, by its destination.
  llvm::DenseMap<const Expr *, const CallExpr *> StoredInto;
  /// And the other way: the destination of a call's result.
  llvm::DenseMap<const CallExpr *, const Expr *> StoredBy;
  /// Local variables and jumps: a CFG with the ends of the variables'
  /// lifetimes holds about their product of elements.
  unsigned Locals = 0, Jumps = 0;

private:
  ASTContext &Ctx;
  CalleeResolver &Resolver;
  unsigned LoopDepth = 0;
};

/// The outcome of a test on a branch.
enum class Branch { Unknown, Failed, Succeeded };

/// A local or parameter of integer, enumeration, boolean or pointer type:
/// tests of its value can be decided.
bool testable(const VarDecl *VD) {
  if (!VD || !VD->hasLocalStorage() || VD->getType().isVolatileQualified())
    return false;
  QualType T = VD->getType();
  return T->isIntegralOrEnumerationType() || T->isPointerType();
}

const VarDecl *testableVar(const Expr *E) {
  const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(E));
  const auto *VD = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
  return testable(VD) ? VD : nullptr;
}

/// A test of one variable against a constant: "V Op C"; a bare "v" is
/// "v != 0" and "!v" is "v == 0".
struct VarTest {
  const VarDecl *Var = nullptr;
  BinaryOperatorKind Op = BO_NE;
  int64_t C = 0;
};

std::optional<VarTest> varTest(const Expr *Cond, ASTContext &Ctx) {
  const Expr *E = stripCasts(Cond);
  bool Negated = false;
  while (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_LNot)
      break;
    Negated = !Negated;
    E = stripCasts(U->getSubExpr());
  }
  VarTest T;
  if (const VarDecl *V = testableVar(E)) {
    T.Var = V;
  } else if (const auto *BO = dyn_cast<BinaryOperator>(E);
             BO && BO->isComparisonOp()) {
    if (const VarDecl *V = testableVar(BO->getLHS())) {
      std::optional<int64_t> C = constantOf(BO->getRHS(), Ctx);
      if (!C)
        return std::nullopt;
      T = {V, BO->getOpcode(), *C};
    } else if (const VarDecl *V = testableVar(BO->getRHS())) {
      std::optional<int64_t> C = constantOf(BO->getLHS(), Ctx);
      if (!C)
        return std::nullopt;
      T = {V, BinaryOperator::reverseComparisonOp(BO->getOpcode()), *C};
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (Negated)
    T.Op = BinaryOperator::negateComparisonOp(T.Op);
  return T;
}

/// Decides "X Op C" where X is known as \p K; std::nullopt when it cannot.
std::optional<bool> decide(const Known &K, BinaryOperatorKind Op, int64_t C) {
  if (K.K == Known::Eq) {
    switch (Op) {
    case BO_EQ: return K.C == C;
    case BO_NE: return K.C != C;
    case BO_LT: return K.C < C;
    case BO_LE: return K.C <= C;
    case BO_GT: return K.C > C;
    case BO_GE: return K.C >= C;
    default: return std::nullopt;
    }
  }
  if (K.K == Known::Ne && K.C == C) {
    if (Op == BO_EQ)
      return false;
    if (Op == BO_NE)
      return true;
  }
  // X < k (OpenSC `if (rv < 0) { ...; LOG_TEST_RET(ctx, rv, ...); }`: the
  // macro's own `_ret < 0` holds there), or X >= k.
  if (K.K == Known::Lt || K.K == Known::Ge) {
    // The range as [Lo, Hi).
    int64_t Lo = K.K == Known::Lt ? INT64_MIN : K.C;
    int64_t Hi = K.K == Known::Lt ? K.C : INT64_MAX;
    auto All = [&](auto Pred) {
      // Pred is monotone in X for the comparisons below: the ends decide.
      return Pred(Lo) && Pred(Hi == INT64_MAX ? Hi : Hi - 1);
    };
    auto None = [&](auto Pred) {
      return !Pred(Lo) && !Pred(Hi == INT64_MAX ? Hi : Hi - 1);
    };
    auto Decide = [&](auto Pred) -> std::optional<bool> {
      if (All(Pred))
        return true;
      if (None(Pred))
        return false;
      return std::nullopt;
    };
    switch (Op) {
    case BO_LT: return Decide([&](int64_t X) { return X < C; });
    case BO_LE: return Decide([&](int64_t X) { return X <= C; });
    case BO_GT: return Decide([&](int64_t X) { return X > C; });
    case BO_GE: return Decide([&](int64_t X) { return X >= C; });
    case BO_EQ:
    case BO_NE:
      if (C < Lo || (Hi != INT64_MAX && C >= Hi))
        return Op == BO_NE;
      return std::nullopt;
    default: return std::nullopt;
    }
  }
  return std::nullopt;
}

/// One fact per variable: what \p K, known before, and \p L, just learnt,
/// say together, as far as one fact can.  An inequality already known
/// stays against a new one (`mode != 2`, then `mode == 1` false, then
/// `mode == 2`); a bound narrows (`rv <= 0` from a callee that never
/// returns a positive value, then `rv != 0`: `rv < 0`).
Known combine(const Known &K, const Known &L) {
  if (L.K == Known::Eq || K.K == Known::Unknown)
    return L;
  if (K.K == Known::Ne && L.K == Known::Ne)
    return K;
  if (K.K == Known::Lt && L.K == Known::Ne)
    return L.C == K.C - 1 ? Known{Known::Lt, K.C - 1} : K;
  if (K.K == Known::Ge && L.K == Known::Ne)
    return L.C == K.C ? Known{Known::Ge, K.C + 1} : K;
  if (K.K == Known::Lt && L.K == Known::Lt)
    return Known{Known::Lt, std::min(K.C, L.C)};
  if (K.K == Known::Ge && L.K == Known::Ge)
    return Known{Known::Ge, std::max(K.C, L.C)};
  return L;
}

/// What "X Op C" being \p Truth teaches about X, if anything.
std::optional<Known> learn(BinaryOperatorKind Op, int64_t C, bool Truth) {
  if (!Truth)
    Op = BinaryOperator::negateComparisonOp(Op);
  if (Op == BO_EQ)
    return Known{Known::Eq, C};
  if (Op == BO_NE)
    return Known{Known::Ne, C};
  if (Op == BO_LT)
    return Known{Known::Lt, C};
  if (Op == BO_GE)
    return Known{Known::Ge, C};
  if (Op == BO_LE && C < INT64_MAX)
    return Known{Known::Lt, C + 1};
  if (Op == BO_GT && C < INT64_MAX)
    return Known{Known::Ge, C + 1};
  return std::nullopt;
}

/// Picks the few variables whose values keep contexts apart: the status a
/// function returns through a variable ("return rc"), and the flags and
/// parameters that conditions test (a flag assigned a constant, or a
/// variable tested more than once: "if (!arg) p = malloc(...); ... if
/// (!arg) free(p);").  Variables whose address is taken, or that hold
/// allocations (followed otherwise), are left out.
class VariablePicker {
public:
  VariablePicker(ASTContext &Ctx, CalleeResolver &R,
                 llvm::ArrayRef<const VarDecl *> Externals = {})
      : Ctx(Ctx), Resolver(R), Externals(Externals) {}

  struct Info {
    unsigned Tests = 0, Returns = 0;
    bool ConstAssigned = false, Excluded = false;
    bool GuardsAlloc = false, GuardsFree = false, OtherAssigned = false;
    /// Frees of external values (Allocation::External) it guards: two (`if
    /// (n == 0 && mode != MULTI) end(w); ... else if (mode == MULTI)
    /// end(w);`, SQLite sqlite3Update) are kept apart by its value.
    unsigned ExternalFrees = 0;
    /// Compared with 0; the calls it is an argument of: a parameter handed
    /// to an allocation is the size of the block (see zeroSize).
    bool ZeroTested = false;
    llvm::SmallVector<const CallExpr *, 2> ArgOf;
    unsigned Order = 0;
    /// Assignments, the initialiser included, and the initialiser's value
    /// when it is a constant: `int _ret = -5; ... return _ret;` of a macro.
    unsigned Assigns = 0;
    std::optional<int64_t> InitConst;
    /// Assignments of a computed value, and how many of them sit in a
    /// statement list that also allocates (`fieldlen = n; fieldobj =
    /// create(f, fieldlen);`); assigned a nonzero constant anywhere.
    unsigned Computed = 0, ComputedWithAlloc = 0;
    bool NonZeroConst = false, TestedBeside = false;
    /// Set together with an allocation and otherwise only to 0: a flag of
    /// the allocation (see setVar()).
    bool setWithAlloc(const VarDecl *V) const {
      return Computed > 0 && Computed == ComputedWithAlloc && !NonZeroConst &&
             !TestedBeside &&
             V->getType()->isIntegralOrEnumerationType();
    }
    /// Assigned what an unknown allocator hook returns; assigned anything
    /// but that or NULL (see hookOnly()).
    bool HookAssigned = false, OtherThanHook = false;
    /// Holds only what an unknown allocator hook returned, or NULL: `p =
    /// hook(n); ... return p;` stands for an allocation.
    bool hookOnly() const { return HookAssigned && !OtherThanHook && !Excluded; }
  };
  llvm::MapVector<const VarDecl *, Info> Vars;
  /// Whether some return gives a negative constant: then negative values
  /// are the failure class, and other non-zero values are results.
  bool NegativeReturn = false;
  /// Whether some return gives the constant 0.
  bool ZeroReturn = false;

  bool VisitIfStmt(IfStmt *S) {
    Branches.insert(S->getThen());
    if (S->getElse())
      Branches.insert(S->getElse());
    return condition(S->getCond());
  }
  /// Visits \p Top and the statements under it in source order, parents
  /// first (a plain walk of the children), keeping which tested variables
  /// guard allocations and releases: a variable that guards both keeps
  /// their paths apart (`if (p) a = malloc(n); ... if (p) free(a);`).
  void walk(Stmt *Top) {
    // Enter's answer: whether the statement pushed a guard to pop on leaving.
    forEachStmtNested(Top, [&](Stmt *S) { return enter(S); },
                      [&](Stmt *, bool Guarded) {
                        if (Guarded)
                          Guards.pop_back();
                      });
  }
  bool enter(Stmt *S) {
    bool Guarded = false;
    if (auto *If = dyn_cast<IfStmt>(S)) {
      if (std::optional<VarTest> T =
              If->getCond() ? varTest(If->getCond(), Ctx) : std::nullopt) {
        Guards.push_back(T->Var);
        Guarded = true;
      } else if (const auto *And = dyn_cast_or_null<BinaryOperator>(
                     If->getCond() ? stripCasts(If->getCond()) : nullptr);
                 And && And->getOpcode() == BO_LAnd && !Externals.empty()) {
        // `if (n == 0 && mode != MULTI)`: its last test guards the branch
        // too.
        if (std::optional<VarTest> T = varTest(And->getRHS(), Ctx)) {
          Guards.push_back(T->Var);
          Guarded = true;
        }
      }
      VisitIfStmt(If);
    } else if (auto *C = dyn_cast<CallExpr>(S)) {
      VisitCallExpr(C);
    } else if (auto *CS = dyn_cast<CompoundStmt>(S)) {
      VisitCompoundStmt(CS);
    } else if (auto *W = dyn_cast<WhileStmt>(S)) {
      VisitWhileStmt(W);
    } else if (auto *D = dyn_cast<DoStmt>(S)) {
      VisitDoStmt(D);
    } else if (auto *F = dyn_cast<ForStmt>(S)) {
      VisitForStmt(F);
    } else if (auto *CO = dyn_cast<ConditionalOperator>(S)) {
      VisitConditionalOperator(CO);
    } else if (auto *BO = dyn_cast<BinaryOperator>(S)) {
      VisitBinaryOperator(BO);
    } else if (auto *U = dyn_cast<UnaryOperator>(S)) {
      VisitUnaryOperator(U);
    } else if (auto *DS = dyn_cast<DeclStmt>(S)) {
      VisitDeclStmt(DS);
    } else if (auto *R = dyn_cast<ReturnStmt>(S)) {
      VisitReturnStmt(R);
    }
    return Guarded;
  }
  bool VisitCallExpr(CallExpr *C) {
    for (const Expr *A : C->arguments())
      if (const VarDecl *V = testableVar(A))
        if (isa<ParmVarDecl>(V) && V->getType()->isIntegralOrEnumerationType())
          Vars[V].ArgOf.push_back(C);
    if (Guards.empty())
      return true;
    bool Alloc = Resolver.allocation(C, Ctx) != nullptr, Free = false;
    bool FreesExternal = false;
    if (!Alloc)
      if (const FunctionRule *R =
              Resolver.ruleForCall(C, Ctx.getSourceManager())) {
        Free = R->FreeArg.has_value() || R->FreesFieldsArg.has_value();
        if (const VarDecl *F = Externals.empty()
                                   ? nullptr
                                   : BodyScan::freedVariable(C, R))
          FreesExternal = llvm::is_contained(Externals, F);
      }
    for (const VarDecl *V : Guards) {
      Vars[V].GuardsAlloc |= Alloc;
      Vars[V].GuardsFree |= Free;
      Vars[V].ExternalFrees += FreesExternal;
    }
    return true;
  }
  /// The variables a statement list sets to a computed value next to an
  /// allocation it makes (sort.c lookupKeyByPattern: `fieldlen = ...;
  /// fieldobj = createStringObject(f + 2, fieldlen);`, else `fieldlen =
  /// 0;`, and `if (fieldlen) decrRefCount(fieldobj);` at the exit).
  bool VisitCompoundStmt(CompoundStmt *CS) {
    copies(CS);
    // A branch's own statements: set with an allocation the function
    // makes on every path, a variable is no flag of it.
    if (!Branches.count(CS))
      return true;
    bool Alloc = false;
    llvm::SmallVector<const VarDecl *, 2> Set;
    auto Allocates = [&](const Expr *E) {
      const auto *C = dyn_cast_or_null<CallExpr>(E ? stripCasts(E) : nullptr);
      return C && Resolver.allocation(C, Ctx) != nullptr;
    };
    for (const Stmt *S : CS->body()) {
      if (const auto *DS = dyn_cast<DeclStmt>(S)) {
        for (const Decl *D : DS->decls())
          if (const auto *VD = dyn_cast<VarDecl>(D); VD && VD->getInit()) {
            Alloc |= Allocates(VD->getInit());
            if (testable(VD) && !constantOf(VD->getInit(), Ctx))
              Set.push_back(VD);
          }
        continue;
      }
      const auto *E = dyn_cast<Expr>(S);
      if (!E)
        continue;
      E = E->IgnoreParenImpCasts();
      if (const auto *BO = dyn_cast<BinaryOperator>(E);
          BO && BO->getOpcode() == BO_Assign) {
        Alloc |= Allocates(BO->getRHS());
        if (const VarDecl *V = testableVar(BO->getLHS()))
          if (!constantOf(BO->getRHS(), Ctx))
            Set.push_back(V);
        continue;
      }
      Alloc |= Allocates(E);
    }
    if (!Alloc)
      return true;
    for (const VarDecl *V : Set) {
      ++Vars[V].ComputedWithAlloc;
      // Tested in the same list (`payload_length = size(); if
      // (payload_length == 0) return ...; payload = malloc(payload_length);`,
      // wakaama prv_updateRegistration): the code itself says it may be 0.
      for (const Stmt *S : CS->body())
        if (const auto *If = dyn_cast<IfStmt>(S);
            If && If->getCond() && mentions(If->getCond(), {V}))
          Vars[V].TestedBeside = true;
    }
    return true;
  }
  /// `int _ret = (rv); if (_ret < 0) ... return _ret;` (OpenSC
  /// LOG_TEST_RET): a copy declared right before the test that reads it,
  /// and never assigned again, stands for the variable it copies; its tests
  /// and returns count as that variable's (see Impl::slotOf()).
  void copies(const CompoundStmt *CS) {
    const Stmt *Prev = nullptr;
    for (const Stmt *S : CS->body()) {
      const auto *DS = dyn_cast_or_null<DeclStmt>(Prev);
      const auto *If = dyn_cast<IfStmt>(S);
      Prev = S;
      if (!DS || !DS->isSingleDecl() || !If || !If->getCond())
        continue;
      const auto *Copy = dyn_cast<VarDecl>(DS->getSingleDecl());
      if (!Copy || !Copy->getInit() || !testable(Copy))
        continue;
      const VarDecl *Of = testableVar(Copy->getInit());
      std::optional<VarTest> T = varTest(If->getCond(), Ctx);
      if (Of && Of != Copy && T && T->Var == Copy)
        Copies[Copy] = Of;
    }
  }
  /// Copy -> the variable it copies (see copies()).
  llvm::DenseMap<const VarDecl *, const VarDecl *> Copies;
  bool VisitWhileStmt(WhileStmt *S) { return condition(S->getCond()); }
  bool VisitDoStmt(DoStmt *S) { return condition(S->getCond()); }
  bool VisitForStmt(ForStmt *S) { return condition(S->getCond()); }
  bool VisitConditionalOperator(ConditionalOperator *C) {
    return condition(C->getCond());
  }
  bool VisitBinaryOperator(BinaryOperator *BO) {
    if (BO->isLogicalOp()) {
      condition(BO->getLHS());
      condition(BO->getRHS());
    }
    if (BO->isAssignmentOp())
      if (const VarDecl *V = testableVar(BO->getLHS()))
        assigned(V, BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->getOpcode() == UO_AddrOf)
      if (const VarDecl *V = testableVar(U->getSubExpr()))
        Vars[V].Excluded = true;
    if (U->isIncrementDecrementOp())
      if (const VarDecl *V = testableVar(U->getSubExpr())) {
        Vars[V].Assigns += 2;
        Vars[V].OtherThanHook = true;
      }
    return true;
  }
  bool VisitDeclStmt(DeclStmt *DS) {
    for (const Decl *D : DS->decls())
      if (const auto *VD = dyn_cast<VarDecl>(D))
        if (VD->getInit() && testable(VD)) {
          assigned(VD, VD->getInit());
          Vars[VD].InitConst = constantOf(VD->getInit(), Ctx);
        }
    return true;
  }
  bool VisitReturnStmt(ReturnStmt *R) {
    if (!R->getRetValue())
      return true;
    if (const VarDecl *V = testableVar(R->getRetValue())) {
      ++Vars[V].Returns;
      if (auto It = Copies.find(V); It != Copies.end())
        ++Vars[It->second].Returns;
    }
    if (std::optional<int64_t> C = constantOf(R->getRetValue(), Ctx))
    {
      NegativeReturn |= *C < 0;
      ZeroReturn |= *C == 0;
    }
    return true;
  }

private:
  bool condition(const Expr *C) {
    if (!C)
      return true;
    if (std::optional<VarTest> T = varTest(C, Ctx)) {
      if (auto It = Copies.find(T->Var); It != Copies.end())
        ++Vars[It->second].Tests;
      Info &I = Vars[T->Var];
      ++I.Tests;
      I.ZeroTested |= T->C == 0 && (T->Op == BO_EQ || T->Op == BO_NE);
    }
    return true;
  }
  void assigned(const VarDecl *V, const Expr *RHS) {
    Info &I = Vars[V];
    ++I.Assigns;
    if (!RHS) {
      I.OtherThanHook = true;
      return;
    }
    if (const auto *C = dyn_cast<CallExpr>(stripCasts(RHS));
        C && unknownHook(C, Resolver, Ctx.getSourceManager()))
      I.HookAssigned = true;
    else if (!stripCasts(RHS)->isNullPointerConstant(
                 Ctx, Expr::NPC_ValueDependentIsNotNull))
      I.OtherThanHook = true;
    std::optional<int64_t> K = constantOf(RHS, Ctx);
    bool Const = K.has_value();
    I.OtherAssigned |= !Const;
    I.Computed += !Const;
    I.NonZeroConst |= Const && *K != 0;
    if (Const)
      I.ConstAssigned = true;
    else if (const auto *C = dyn_cast<CallExpr>(stripCasts(RHS)))
      // The pointer an allocator returns, not the status an out-parameter
      // allocator with a known failure class returns (`rv =
      // getaddrinfo(..., &res)`).
      if (const FunctionRule *R = Resolver.allocation(C, Ctx);
          R && !(R->AllocatesArg && !R->AllocatesReturn && R->Status))
        I.Excluded = true;
  }
  ASTContext &Ctx;
  CalleeResolver &Resolver;
  /// The variables whose external values the analysis follows.
  llvm::ArrayRef<const VarDecl *> Externals;
  std::vector<const VarDecl *> Guards;
  llvm::SmallPtrSet<const Stmt *, 8> Branches; ///< an if's then and else
};

} // namespace

struct OwnershipAnalysis::Impl {
  const FunctionDecl *FD;
  ASTContext &Ctx;
  const SourceManager &SM;
  CalleeResolver &Resolver;

  std::vector<Allocation> Allocs;
  llvm::DenseMap<const CallExpr *, AllocId> AllocOf;
  /// The call whose result an assignment stores, by its destination (see
  /// BodyScan::StoredInto), and the destination of a call's result.
  llvm::DenseMap<const Expr *, const CallExpr *> StoredInto;
  llvm::DenseMap<const CallExpr *, const Expr *> StoredBy;
  std::unique_ptr<CFG> Cfg;

  bool Ran = false, Result = false;
  bool Recording = false;
  /// Work done so far (a block per context, and the entries of the states
  /// it carries), the most allowed, and what exceeding it cost.
  uint64_t Steps = 0, Budget = OwnershipAnalysis::DefaultBudget;
  size_t Limit = MaxContexts;
  OwnershipAnalysis::Degradation Degraded = OwnershipAnalysis::Degradation::None;
  std::vector<LeakEvent> Leaks;
  std::vector<UseEvent> Uses;
  std::vector<ReleaseEvent> Releases;
  std::vector<ExitState> Exits;
  /// DanglingField per (exit, allocation), with whether it held in every
  /// context that reached the exit with the block.
  std::vector<std::pair<DanglingField, bool>> Danglings;
  llvm::DenseMap<std::pair<unsigned, AllocId>, size_t> DanglingIndex;
  std::vector<DanglingMember> DanglingMembers;
  llvm::DenseSet<const CallExpr *> DanglingMemberSeen;
  /// Frees of members (FreedMembers) the member was given a new block
  /// after, or that left it dangling at a failing exit, on some path; and
  /// those in effect at a successful exit or reset at a failing one.
  llvm::DenseSet<const CallExpr *> MemberFreeSettled, MemberFreeKept;
  std::map<std::tuple<const void *, AllocId, int>, size_t> SeenLeak;
  std::map<std::pair<const void *, AllocId>, size_t> UseIndex;
  /// Calls of functions that take arguments only on success, by index.
  std::vector<const CallExpr *> TakerCalls;
  llvm::DenseMap<const CallExpr *, unsigned> TakerIndex;
  std::map<std::tuple<const void *, AllocId, unsigned>, size_t> SeenRelease;
  std::map<std::pair<unsigned, AllocId>, size_t> ExitIndex;
  std::vector<CopyEvent> Copies;
  std::set<std::pair<const CallExpr *, AllocId>> SeenCopy;
  std::vector<StoreEvent> Stores;
  std::set<std::pair<const Expr *, AllocId>> SeenStore;
  std::vector<ReturnEvent> Returns;
  std::map<const Stmt *, size_t> ReturnIndex;
  std::vector<PendingLend> Pending;
  /// Per allocation: an exit already records that a path released it
  /// before it was forgotten (see exitAt).
  std::vector<char> ReleasedExitSeen;
  /// How forgotten allocations went (see forgetIfDead), per allocation.
  std::vector<unsigned char> EverGone;
  std::set<std::tuple<AllocId, const CallExpr *, unsigned>> SeenPending;

  llvm::SmallVector<unsigned, 2> TrackedParams;
  /// Locals found to point into a parameter's object (objectParam), or
  /// not (null).
  llvm::DenseMap<const VarDecl *, const ParmVarDecl *> ObjectAlias;
  /// The block transferBlock is in, the blocks of the CFG's statements and
  /// its dominator tree (both built on first use: see overwritten()).
  const CFGBlock *CurBlock = nullptr;
  llvm::DenseMap<const Stmt *, const CFGBlock *> BlockOfStmt;
  std::unique_ptr<CFGDomTree> DomTree;

  /// The variables whose values keep contexts apart (see VariablePicker).
  std::vector<const VarDecl *> Vars;
  llvm::DenseMap<const VarDecl *, unsigned> VarSlot;
  /// Copies that stand for the variable they copy (VariablePicker::copies).
  llvm::DenseMap<const VarDecl *, const VarDecl *> CopyOf;
  /// The slot of \p V, or of the variable it copies.
  llvm::DenseMap<const VarDecl *, unsigned>::const_iterator
  slotOf(const VarDecl *V) const {
    if (auto C = CopyOf.find(V); C != CopyOf.end())
      V = C->second;
    return VarSlot.find(V);
  }
  /// Tracked parameters that are the size a pointer function allocates.
  llvm::SmallPtrSet<const VarDecl *, 2> ZeroSizeParams;
  /// Variables set to a computed value only next to an allocation, and
  /// otherwise to 0: nonzero where they are set (VariablePicker::Info::
  /// setWithAlloc()).
  llvm::SmallPtrSet<const VarDecl *, 2> AllocFlags;
  /// On this context's paths a size parameter is 0: a NULL returned there
  /// is what an allocation of nothing gives, not a failure (realloc(p, 0),
  /// malloc(0) may return NULL too).
  bool zeroSize(const CtxKey &Key) const {
    for (const VarDecl *V : ZeroSizeParams)
      if (auto It = VarSlot.find(V); It != VarSlot.end())
        if (Key.Vars[It->second] == Known{Known::Eq, 0})
          return true;
    return false;
  }
  /// How the function reports failure through its return value.
  enum class ReturnKind { None, Pointer, Bool, Int } RetKind = ReturnKind::None;
  /// The value of the function's last statement, "return <constant>": what
  /// it returns on success.
  std::optional<int64_t> SuccessValue;
  /// Without a success value: what the function returns where one of its
  /// allocations failed (allocationFailureValue), a failure too.
  std::optional<int64_t> FailureValue;
  bool NegativeFailure = false;
  /// Calls to functions that return an argument (`returns: arg N`): which
  /// one, or -1 (a cache: valueOf() asks for every call it meets).
  llvm::DenseMap<const CallExpr *, int> ReturnsArgOf;
  /// Locals initialised with a constant and never assigned again.
  llvm::DenseMap<const VarDecl *, int64_t> ConstLocals;
  /// Locals holding only what an unknown allocator hook returned, or NULL.
  llvm::SmallPtrSet<const VarDecl *, 2> HookLocals;
  /// `T **` parameters read through before written (see OutParamScan).
  llvm::SmallPtrSet<const ParmVarDecl *, 4> InOut;
  /// `T **` parameters holding memory at some successful exit: outputs of
  /// success.  Memory left in the others at a failing exit is their
  /// purpose (`*pzErrMsg = strdup(...); return ERROR;`), not a leak.
  llvm::SmallPtrSet<const VarDecl *, 4> SuccessOut;
  /// The leaks (by index) whose memory sits in a `*out` at that exit.
  llvm::DenseMap<size_t, const VarDecl *> LeakSlot;
  /// The leaks (by index) whose memory sits in a field of a parameter's
  /// object: the caller's, unless this function frees it on another path.
  llvm::DenseSet<size_t> LeakField;
  /// Allocations freed through such a field (`free(obj->f)`).
  llvm::DenseSet<AllocId> FreedFromField;
  /// A pointer function whose last statement returns NULL: NULL is one of
  /// its results ("not found", "no previous value"), not its failure.
  bool NullIsResult = false;

  Impl(const FunctionDecl *FD, ASTContext &Ctx, CalleeResolver &R,
       llvm::ArrayRef<unsigned> Tracked)
      : FD(FD), Ctx(Ctx), SM(Ctx.getSourceManager()), Resolver(R),
        TrackedParams(Tracked.begin(), Tracked.end()) {}

  // --- values and places ---------------------------------------------------

  /// Whether \p E is a null pointer constant, asked of each expression once
  /// (every context and every visit of a block asks again).
  bool nullConstant(const Expr *E) {
    auto [It, New] = NullConstants.try_emplace(E, false);
    if (New)
      It->second =
          E->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
    return It->second;
  }
  llvm::DenseMap<const Expr *, bool> NullConstants;

  AllocSet valueOf(const Expr *E, const Sub &St) {
    E = stripCasts(E);
    if (nullConstant(E))
      return {NullSentinel};
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      auto It = AllocOf.find(C);
      if (It != AllocOf.end() && !Allocs[It->second].FailsViaStatus &&
          !Allocs[It->second].Filled)
        return {It->second};
      // A function that returns its argument (`returns: arg N`).
      if (It == AllocOf.end()) {
        auto [RA, New] = ReturnsArgOf.try_emplace(C, -1);
        if (New) {
          if (const FunctionRule *R = Resolver.ruleForCall(C, SM);
              R && R->ReturnsArg && *R->ReturnsArg < C->getNumArgs())
            RA->second = int(*R->ReturnsArg);
          // memset(p, 0, n) returns p (Ioto's rAllocType(T): `memset(
          // rAlloc(sizeof(T)), 0, sizeof(T))`), as do memcpy and memmove.
          else if (const FunctionDecl *F = C->getDirectCallee();
                   F && C->getNumArgs() == 3 &&
                   (F->getBuiltinID() == Builtin::BImemset ||
                    F->getBuiltinID() == Builtin::BImemcpy ||
                    F->getBuiltinID() == Builtin::BImemmove))
            RA->second = 0;
        }
        if (RA->second >= 0)
          return valueOf(C->getArg(unsigned(RA->second)), St);
      }
      return {};
    }
    if (std::optional<Place> P = placeOf(E, St, /*ForStore=*/false)) {
      auto It = St.Points->find(*P);
      return It == St.Points->end() ? AllocSet() : It->second;
    }
    if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
      AllocSet S = valueOf(CO->getTrueExpr(), St);
      AllocSet F = valueOf(CO->getFalseExpr(), St);
      // `c ? head : NULL` (libyaml PEEK_TOKEN): an arm the analysis does
      // not follow may be anything, so the result is not known NULL.
      if (S.empty() != F.empty())
        unionInto(S, {OpaqueSentinel});
      unionInto(S, F);
      return S;
    }
    if (const auto *BO = dyn_cast<BinaryOperator>(E))
      if (BO->getOpcode() == BO_Assign || BO->getOpcode() == BO_Comma)
        return valueOf(BO->getRHS(), St);
    return {};
  }

  /// `p + k` or `p - k` with a constant k: a header allocator returns its
  /// block past a header (`return p + 1;`) and its free function frees
  /// `p - 1`.  Only returns and deallocations look through the offset.
  const Expr *offsetBase(const Expr *E) {
    // `&p->data`: a block handed out past its header fields (c-ares
    // ares_malloc_data returns `&ptr->data`, and ares_free_data steps back
    // with offsetof).
    if (const auto *U = dyn_cast<UnaryOperator>(stripCasts(E));
        U && U->getOpcode() == UO_AddrOf)
      if (const auto *ME = dyn_cast<MemberExpr>(stripCasts(U->getSubExpr()));
          ME && ME->isArrow())
        return ME->getBase();
    const auto *BO = dyn_cast<BinaryOperator>(stripCasts(E));
    if (!BO || (BO->getOpcode() != BO_Add && BO->getOpcode() != BO_Sub) ||
        !BO->getLHS()->getType()->isPointerType() ||
        !constantOf(BO->getRHS(), Ctx))
      return nullptr;
    return BO->getLHS();
  }
  /// The pointer a member access at offset 0 goes through: `p` in
  /// `p->a.b` where `a` is the first member of `*p` and `b` of `a` (or
  /// members of unions), `b` a structure; null for any other member.
  static const Expr *firstMemberBase(const Expr *E) {
    const auto *ME = dyn_cast<MemberExpr>(stripCasts(E));
    // An embedded object (the "base class" of C object systems), not a
    // pointer or a number, whose address is an out-parameter
    // (`gnutls_x509_crl_list_import2(&d->data, ...)`).
    if (!ME || !ME->getType()->isRecordType())
      return nullptr;
    while (ME) {
      const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
      if (!F || (F->getFieldIndex() != 0 && !F->getParent()->isUnion()))
        return nullptr;
      if (ME->isArrow())
        return ME->getBase();
      ME = dyn_cast<MemberExpr>(stripCasts(ME->getBase()));
    }
    return nullptr;
  }
  /// True if \p Callee's body takes the block its parameter \p I points
  /// into back with container_of (`(char *)p - offsetof(T, member)`): the
  /// address of a member it is handed stands for the whole block.
  bool recoversContainer(const FunctionDecl *Callee, unsigned I) {
    const FunctionDecl *Def = Callee ? Callee->getDefinition() : nullptr;
    if (!Def || I >= Def->getNumParams() || !Def->getBody())
      return false;
    auto [It, New] = Recovers.try_emplace(std::make_pair(Def, I), false);
    if (!New)
      return It->second;
    const ParmVarDecl *P = Def->getParamDecl(I);
    bool Found = false;
    forEachStmtIn(Def->getBody(), [&](const Stmt *S) {
      if (const auto *BO = dyn_cast<BinaryOperator>(S))
        if (const Expr *Base = containerBase(BO, Ctx)) {
          const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(Base));
          Found = DRE && DRE->getDecl() == P;
        }
      return !Found;
    });
    return Recovers[std::make_pair(Def, I)] = Found;
  }
  std::map<std::pair<const FunctionDecl *, unsigned>, bool> Recovers;

  /// `p->a` or `p->a.b` naming an embedded object (a record, not a
  /// pointer or a number): p.
  static const Expr *embeddedMemberBase(const Expr *E) {
    const auto *ME = dyn_cast<MemberExpr>(stripCasts(E));
    if (!ME || !ME->getType()->isRecordType())
      return nullptr;
    while (ME && !ME->isArrow())
      ME = dyn_cast<MemberExpr>(stripCasts(ME->getBase()));
    return ME ? ME->getBase() : nullptr;
  }
  AllocSet valueThroughOffset(const Expr *E, const Sub &St) {
    AllocSet V = valueOf(E, St);
    if (V.empty())
      if (const Expr *Base = offsetBase(E))
        return valueOf(Base, St);
    return V;
  }

  /// \p S holds memory the analysis follows (an allocation, a borrowed
  /// pointer, a parameter), not only external values, which every other
  /// reading takes for values it does not follow.
  bool hasAlloc(const AllocSet &S) const {
    return llvm::any_of(S, [&](AllocId A) {
      return real(A) && !Allocs[A].External;
    });
  }
  bool hasExternal(const AllocSet &S) const {
    return llvm::any_of(S, [&](AllocId A) {
      return real(A) && Allocs[A].External;
    });
  }
  /// \p S may hold, on the path at hand, something other than the
  /// allocation an event is about: a value not followed, or an external
  /// value beside another (which of them the path holds, the join forgot;
  /// before external values were followed, that was a value not followed).
  bool mayHoldOther(const AllocSet &S) const {
    if (llvm::is_contained(S, UnknownSentinel) ||
        llvm::is_contained(S, OpaqueSentinel))
      return true;
    unsigned Real = 0;
    bool External = false;
    for (AllocId A : S)
      if (real(A)) {
        ++Real;
        External |= Allocs[A].External;
      }
    return External && Real > 1;
  }

  /// The place \p E names, if the analysis follows it.  For a store, a
  /// field reached through a pointer is followed only when the pointer holds
  /// memory this function owns; otherwise the store escapes.
  std::optional<Place> placeOf(const Expr *E, const Sub &St, bool ForStore) {
    E = stripCasts(E);
    if (const ParmVarDecl *Out = derefParam(E); Out && !InOut.count(Out))
      return Place{Out, outSlot()};
    if (std::optional<Place> P = foreignFieldPlace(E, St))
      return P;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
      const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
      if (!isLocal(VD))
        return std::nullopt;
      if (ForStore && VD->hasAttr<CleanupAttr>())
        return std::nullopt; // handed to the cleanup function
      return Place{VD, nullptr};
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      const auto *FDecl = dyn_cast<FieldDecl>(ME->getMemberDecl());
      // w.u.p: a field of a member of a local object is part of it.
      const Expr *BaseE = stripCasts(ME->getBase());
      if (!ME->isArrow())
        while (const auto *Inner = dyn_cast<MemberExpr>(BaseE)) {
          if (Inner->isArrow()) {
            // p->a.b: a field of the object p points to, one member
            // down (its own FieldDecl keeps p->a.b and p->a.c apart).
            if (isa<DeclRefExpr>(stripCasts(Inner->getBase()))) {
              ME = Inner;
              BaseE = stripCasts(Inner->getBase());
            }
            break;
          }
          BaseE = stripCasts(Inner->getBase());
        }
      const auto *Base = dyn_cast<DeclRefExpr>(BaseE);
      const auto *VD = Base ? dyn_cast<VarDecl>(Base->getDecl()) : nullptr;
      if (!FDecl || !isLocal(VD))
        return std::nullopt;
      // `buf->f` of a local `struct pb buf[1]` (cJSON print()): the array's
      // one element is a local object, as `buf.f` would be.
      bool OneElement = false;
      if (const auto *AT = Ctx.getAsConstantArrayType(VD->getType()))
        OneElement = AT->getSize() == 1;
      if (ME->isArrow() && !OneElement) {
        auto It = St.Points->find(Place{VD, nullptr});
        if (It == St.Points->end() || !hasAlloc(It->second))
          return std::nullopt;
        // Storing into an object this function no longer owns (it was
        // stored elsewhere, handed over, freed) hands the value over too;
        // so does storing into one already given to the caller's `*out`
        // (the object is what a failing exit reports).
        if (ForStore && llvm::none_of(It->second, [&](AllocId A) {
              return real(A) && (St.get(A).Owned || St.get(A).Lent) &&
                     !inCallerPlace(St, A);
            }))
          return std::nullopt;
      } else if (VD->hasAttr<CleanupAttr>()) {
        return std::nullopt;
      }
      return Place{VD, FDecl};
    }
    return std::nullopt;
  }

  // --- ownership changes ---------------------------------------------------

  void release(Sub &St, const AllocSet &S, unsigned char Kind,
               bool WithContents, const CallExpr *By = nullptr) {
    // A worklist, not recursion: objects can hold each other (p->next = q,
    // q->next = p) or themselves.
    std::vector<std::tuple<AllocId, unsigned char, bool>> Work;
    for (AllocId A : S)
      Work.push_back({A, Kind, WithContents});
    std::set<AllocId> Done;
    while (!Work.empty()) {
      auto [A, K, Contents] = Work.back();
      Work.pop_back();
      if (!real(A) || !Done.insert(A).second)
        continue;
      AllocState &AS = St.mut(A);
      // A value the function did not allocate: only its frees matter.
      if (AS.Owned || (Allocs[A].Borrowed && AS.Allocated) ||
          (Allocs[A].External && AS.Allocated && K == GoneFreed)) {
        AS.Gone |= K;
        if (By && K == Kind)
          AS.GoneAt = By;
      }
      AS.Owned = false;
      AS.OwnedOnGotoTo = nullptr;
      // A realloc result taking over: the old block goes with it.
      auto R = St.ReallocOf.find(A);
      if (R != St.ReallocOf.end()) {
        AllocSet Old = R->second;
        St.ReallocOf.erase(R);
        for (AllocId O : Old)
          Work.push_back({O, K, false});
      }
      if (!Contents)
        continue;
      // So does memory linked into A.
      for (AllocId L : linkedInto(St, A))
        Work.push_back({L, GoneEscaped, true});
      // Memory kept in the fields of A goes wherever A goes.
      for (const auto &[P, V] : *St.Points)
        if (P.Field) {
          auto Base = St.Points->find(Place{P.Var, nullptr});
          if (Base != St.Points->end() && llvm::is_contained(Base->second, A))
            for (AllocId I : V)
              Work.push_back({I, GoneEscaped, true});
        }
    }
  }

  /// The allocations linked into the object \p A (Sub::LinkedInto).
  static AllocSet linkedInto(const Sub &St, AllocId A) {
    AllocSet Linked;
    for (const auto &[L, Into] : St.LinkedInto)
      if (llvm::is_contained(Into, A))
        Linked.push_back(L);
    return Linked;
  }

  /// Marks \p S, and what its fields hold, as lent to an unknown callee.
  void lend(Sub &St, const AllocSet &S) {
    for (AllocId A : S) {
      if (!real(A) || St.get(A).Lent)
        continue;
      St.mut(A).Lent = true;
      std::vector<AllocSet> Inner;
      if (AllocSet Linked = linkedInto(St, A); !Linked.empty())
        Inner.push_back(std::move(Linked));
      for (const auto &[P, V] : *St.Points)
        if (P.Field) {
          auto Base = St.Points->find(Place{P.Var, nullptr});
          if (Base != St.Points->end() && llvm::is_contained(Base->second, A))
            Inner.push_back(V);
        }
      for (const AllocSet &V : Inner)
        lend(St, V);
    }
  }

  /// A destroy function releases what the fields of the object \p Obj
  /// points to (or, for "&local", of that struct) hold.
  void releaseFields(Sub &St, const Expr *Obj, const FunctionRule &R,
                     const CallExpr *By) {
    Obj = stripCasts(Obj);
    const VarDecl *Struct = nullptr; // &local: the struct itself
    if (const auto *U = dyn_cast<UnaryOperator>(Obj);
        U && U->getOpcode() == UO_AddrOf)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(U->getSubExpr())))
        Struct = dyn_cast<VarDecl>(DRE->getDecl());
    AllocSet Objects = Struct ? AllocSet() : valueOf(Obj, St);
    if (!Struct)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Obj))
        if (const auto *PV = dyn_cast<VarDecl>(DRE->getDecl());
            PV && isLocal(PV) && PV->getType()->isPointerType() &&
            foreignObject(St, PV))
          Struct = PV; // its fields tracked as foreignFieldPlace()s
    std::vector<AllocSet> Held;
    for (const auto &[P, V] : *St.Points) {
      if (!P.Field || P.Field == outSlot() ||
          (!R.FreedFields.empty() &&
                       !llvm::is_contained(R.FreedFields, P.Field->getName())))
        continue;
      bool Mine = P.Var == Struct && Struct;
      if (!Mine && !Objects.empty()) {
        auto Base = St.Points->find(Place{P.Var, nullptr});
        Mine = Base != St.Points->end() &&
               llvm::any_of(Base->second, [&](AllocId A) {
                 return real(A) && llvm::is_contained(Objects, A);
               });
      }
      if (Mine)
        Held.push_back(V);
    }
    for (const AllocSet &V : Held)
      release(St, V, GoneFreed, true, By);
  }

  void escapePlace(Sub &St, const VarDecl *VD) {
    St.FreedVars.erase(VD); // the callee may give it a value
    // Everything reachable from the variable: its value and its fields.
    std::vector<AllocSet> All;
    for (const auto &[P, V] : *St.Points)
      if (P.Var == VD)
        All.push_back(V);
    for (const AllocSet &V : All)
      release(St, V, GoneEscaped, true);
  }

  void allocate(Sub &St, AllocId A) {
    const Allocation &Info = Allocs[A];
    // A list built in a loop (`cur->next = calloc(...); ... cur =
    // cur->next;`): the block of the call's earlier iteration is where the
    // new one goes.  The pointers still holding it (`cur`) hold that earlier
    // block, not the new one: from here on neither is followed, rather than
    // one taken for the other.  A block overwritten (`p = malloc(n)` again)
    // stays: that leaks it.
    if (Info.InLoop && Info.Call)
      if (auto D = StoredBy.find(Info.Call); D != StoredBy.end())
        if (const Expr *Base = destinationBase(D->second))
          if (llvm::is_contained(valueOf(Base, St), A))
            forgetEarlierBlock(St, A);
    St.Released.erase(A);
    St.InParamField.erase(A); // a new block: stored nowhere yet
    AllocState &AS = St.mut(A);
    AS.Owned = !Info.Borrowed && !Info.External;
    AS.Lent = false;
    AS.Gone = 0;
    AS.GoneAt = nullptr;
    AS.Allocated = true;
    AS.OwnedOnGotoTo = nullptr;
    AS.Copied = false;
    if (Info.Borrowed) {
      AS.Null = NullNonNull; // not ours to check either
      return;
    }
    if (Info.Param || Info.External || Info.Filled) {
      // May be NULL (nothing to release then), but not ours to check.
      AS.Null = NullNonNull | NullIsNull;
      return;
    }
    AS.Null =
        Info.Rule->MayReturnNull && !(Info.FailsViaStatus && !Info.Rule->Status)
            ? NullUnchecked
            : NullNonNull;
  }

  /// The pointer an assignment's destination goes through: `cur` in
  /// `cur->next`, `*cur`, `cur[i]`; null for a variable.
  static const Expr *destinationBase(const Expr *LHS) {
    LHS = LHS->IgnoreParenCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(LHS))
      return ME->isArrow() ? ME->getBase() : destinationBase(ME->getBase());
    if (const auto *U = dyn_cast<UnaryOperator>(LHS);
        U && U->getOpcode() == UO_Deref)
      return U->getSubExpr();
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(LHS))
      return AS->getBase();
    return nullptr;
  }

  /// A call in a loop whose block is released on one path that joined here
  /// and allocated afresh on another (`alloc = 0; json = it->json ?
  /// it->json : (alloc = parse(...)); ... if (alloc) json_free(alloc);`,
  /// Ioto dbRemoveExpired): which iteration's block a pointer holds is not
  /// known, so a release or use of it is no use after free.  (A block a
  /// callee took on the other path stays reported: IoTivity
  /// BuildActionSetFromString frees an action its set's list still holds.)
  bool reallocatedInLoop(const Sub &St, AllocId A) const {
    // Freed by this function on the other path; a block a callee took
    // (a list it was added to) is still that callee's, whichever it is.
    const AllocState &AS = St.get(A);
    return Allocs[A].InLoop && AS.Owned && (AS.Gone & GoneFreed) &&
           !(AS.Gone & (GoneHeld | GoneTransferred));
  }

  /// Every place holding \p A now holds something not followed instead.
  void forgetEarlierBlock(Sub &St, AllocId A) {
    bool Any = false;
    for (const auto &[P, V] : *St.Points)
      Any |= llvm::is_contained(V, A);
    if (!Any)
      return;
    for (auto &[P, V] : St.Points.mut())
      if (llvm::is_contained(V, A)) {
        V.erase(std::remove(V.begin(), V.end(), A), V.end());
        unionInto(V, {UnknownSentinel});
      }
  }

  /// `p->f[i]`, a slot of an array of an object the function did not
  /// allocate (`p` a parameter, or a local pointing into the caller's
  /// data): memory stored there is the caller's once the function
  /// succeeds.
  std::optional<Place> foreignFieldPlace(const Expr *E, const Sub &St) {
    const auto *AS = dyn_cast<ArraySubscriptExpr>(stripCasts(E));
    const auto *ME =
        AS ? dyn_cast<MemberExpr>(stripCasts(AS->getBase())) : nullptr;
    if (!ME || !ME->isArrow())
      return std::nullopt;
    const auto *FDecl = dyn_cast<FieldDecl>(ME->getMemberDecl());
    const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(ME->getBase()));
    const auto *PV = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!FDecl || !isLocal(PV) || !PV->getType()->isPointerType() ||
        PV->hasAttr<CleanupAttr>() || !foreignObject(St, PV))
      return std::nullopt;
    // Only the slots of an array (`sig->sh_old[signo]`, a member array or
    // one a pointer member points to): a pointer member itself is handed
    // over where it is stored (on SQLite, following those too gave a
    // handful of false reports for no bug found).  The place of the slots
    // is never the member's own: `p->items` is not followed at all.
    if (!FDecl->getType()->isConstantArrayType() &&
        !FDecl->getType()->isPointerType())
      return std::nullopt;
    return Place{PV, FDecl};
  }
  /// \p V is a pointer that holds no allocation the analysis follows.
  /// A parameter followed as owned on entry (to learn whether the function
  /// releases it) still points to the caller's object: what is stored in
  /// its fields goes to the caller, as through any other parameter.
  bool foreignObject(const Sub &St, const VarDecl *V) const {
    auto It = St.Points->find(Place{V, nullptr});
    return It == St.Points->end() ||
           llvm::none_of(It->second, [&](AllocId A) {
             return real(A) && !Allocs[A].Param;
           });
  }
  bool isForeignField(const Sub &St, const Place &P) const {
    return P.Field && P.Field != outSlot() &&
           P.Var->getType()->isPointerType() && foreignObject(St, P.Var);
  }

  /// True if a `*out` or a slot of the caller's object holds \p A.
  bool inCallerPlace(const Sub &St, AllocId A) const {
    for (const auto &[P, V] : *St.Points)
      if ((P.Field == outSlot() || isForeignField(St, P)) &&
          llvm::is_contained(V, A))
        return true;
    return false;
  }

  /// The caller's `*out` holds \p A.
  static bool inOutSlot(const Sub &St, AllocId A) {
    for (const auto &[P, V] : *St.Points)
      if (P.Field == outSlot() && llvm::is_contained(V, A))
        return true;
    return false;
  }

  /// True if some place still points to \p A.
  static bool reachable(const Sub &St, AllocId A) {
    for (const auto &[P, V] : *St.Points)
      if (llvm::is_contained(V, A))
        return true;
    return false;
  }

  void bind(Sub &St, const Place &P, AllocSet V, const Expr *Target) {
    if (!P.Field && St.FreedVars.size() != 0)
      St.FreedVars.erase(P.Var);
    AllocSet Old;
    FlatMap<Place, AllocSet> &Points = St.Points.mut();
    if (auto It = Points.find(P); It != Points.end())
      Old = It->second;
    AllocSet InFields; // what the old object's fields held
    if (!P.Field) // a variable reassigned: its old object's fields are stale
    {
      // Its fields sort right after it.
      auto [First, Last] = Points.run(Place{P.Var, nullptr}, [&](const Place &Q) {
        return Q.Var == P.Var;
      });
      if (First != Last && !First->first.Field)
        ++First;
      for (auto I = First; I != Last; ++I)
        unionInto(InFields, I->second);
      Points.erase(First, Last);
    }
    for (AllocId A : V)
      if (real(A) && Allocs[A].Name.empty() && Target)
        Allocs[A].Name = spellPlace(Target);
    if (V.empty())
      Points.erase(P);
    else
      Points[P] = std::move(V);
    // The old object is still reachable another way (`parent = *out;
    // parent->value = malloc(n); parent = parent->value;`): what its fields
    // hold stays in it, where the analysis no longer follows it.
    if (!InFields.empty() &&
        ((!P.Field && P.Var->getType()->isPointerType() && !hasAlloc(Old)) ||
         llvm::any_of(Old, [&](AllocId A) {
           return real(A) && reachable(St, A);
         })))
    {
      AllocSet Lost;
      for (AllocId A : InFields)
        if (real(A) && !reachable(St, A))
          Lost.push_back(A);
      release(St, Lost, GoneEscaped, true);
    }
    // Memory already released that nothing points to any more cannot be
    // used again on this path: it is forgotten (which also keeps a join
    // with a path where it is still live from reporting a use after free,
    // and the state small).  What it went through is kept for the exits.
    for (AllocId A : Old)
      if (real(A))
        forgetIfDead(St, A);
  }

  /// Drops \p A from \p St when nothing can reach or report it any more.
  void forgetIfDead(Sub &St, AllocId A) {
    auto It = St.Allocs.find(A);
    // Lent and then released: what the callee may have kept no longer
    // matters to this function.
    if (It == St.Allocs.end() || It->second.Owned ||
        (It->second.Lent && !It->second.Gone) ||
        (It->second.Gone & GoneOutParam) || reachable(St, A) ||
        St.ReallocOf.find(A) != St.ReallocOf.end())
      return;
    for (const auto &[K, V] : St.ReallocOf)
      if (llvm::is_contained(V, A))
        return;
    St.LinkedInto.erase(A);
    EverGone[A] |= It->second.Gone;
    if (It->second.Gone && It->second.Allocated)
      St.Released[A] |= It->second.Gone;
    St.Allocs.erase(It);
  }

  /// A new allocation goes where the one whose failure this context
  /// follows was (`if (getaddrinfo(a, .., &res) != 0) getaddrinfo(b, ..,
  /// &res)`): the failure was handled by retrying, the context is the
  /// normal one again, and the failed call's NULL is nothing to release.
  void retried(Sub &St, CtxKey &Key, const Place &P) {
    if (Key.Failed == 0 || Key.Failed == ManyFailed)
      return;
    AllocId Failed = Key.Failed - 1;
    auto It = St.Points->find(P);
    if (It == St.Points->end() || !llvm::is_contained(It->second, Failed))
      return;
    if (auto A = St.Allocs.find(Failed);
        A != St.Allocs.end() && A->second.Null == NullIsNull)
      St.Allocs.erase(A);
    Key.Failed = 0;
  }

  /// A structure copied whole (`resp->info = info;`, IoTivity
  /// CACreateNewDataSet): what its pointer fields hold goes with the copy,
  /// into the same fields of the destination, or out of the function when
  /// the destination is not followed (the caller's object, a global).
  void assignRecord(Sub &St, const Expr *LHS, const Expr *RHS) {
    assignRecord(St, placeOf(LHS, St, /*ForStore=*/true),
                 throughParameter(LHS), RHS);
  }
  void assignRecord(Sub &St, std::optional<Place> P, bool OutParam,
                    const Expr *RHS) {
    const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(RHS));
    const auto *Src = DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    if (!isLocal(Src))
      return;
    llvm::SmallVector<std::pair<const FieldDecl *, AllocSet>, 4> Fields;
    for (const auto &[Q, V] : *St.Points)
      if (Q.Var == Src && Q.Field && Q.Field != outSlot() && hasAlloc(V))
        Fields.push_back({Q.Field, V});
    if (Fields.empty())
      return;
    bool Followed = P && P->Field != outSlot() && !isForeignField(St, *P) &&
                    (!P->Field || P->Field->getType()->isRecordType());
    for (auto &[F, V] : Fields) {
      if (Followed)
        bind(St, Place{P->Var, F}, V, nullptr);
      else
        release(St, V, GoneEscaped | (OutParam ? GoneOutParam : 0), true);
    }
  }

  /// `bufev = &bufev_p->bev; ... return bufev;` (libevent
  /// bufferevent_socket_new): a local pointer holding the address of a
  /// member of a block holds the block, as `return &p->member` hands it out.
  AllocSet memberAddress(const VarDecl *VD, const Expr *RHS, const Sub &St) {
    if (!isLocal(VD) || !VD->getType()->isPointerType())
      return {};
    // container_of: `req = (struct server_request *)((char *)req_ -
    // offsetof(struct server_request, base))` is the block again.
    if (const Expr *Base = containerBase(RHS, Ctx))
      return valueOf(Base, St);
    const auto *U = dyn_cast<UnaryOperator>(stripCasts(RHS));
    if (!U || U->getOpcode() != UO_AddrOf)
      return {};
    const Expr *Base = offsetBase(RHS);
    return Base ? valueOf(Base, St) : AllocSet{};
  }

  void assign(Sub &St, const Expr *LHS, const Expr *RHS,
              CtxKey *Key = nullptr) {
    if (St.FreedMembers.size() != 0) {
      // `obj->content.value = NULL` resets the member; a struct copied
      // over a member (`p->der = empty`) resets what it holds.
      if (!LHS->getType()->isRecordType()) {
        if (std::optional<Place> M = objectMember(LHS))
          if (auto It = St.FreedMembers.find(*M); It != St.FreedMembers.end()) {
            // NULL: released, and no longer dangling.  Another block: the
            // free replaced what the member holds.
            if (isNullOrZero(RHS, Ctx)) {
              It->second.second = true;
            } else {
              if (Recording)
                MemberFreeSettled.insert(It->second.first);
              St.FreedMembers.erase(It);
            }
          }
      } else if (const ParmVarDecl *P = arrowRoot(LHS)) {
        forgetMembers(St, P);
      }
    }
    if (St.InParamField.size() != 0 || St.FreedMembers.size() != 0) {
      // `p = p->next` or `*p = saved` (nginx restores `*cf` after a nested
      // parse): the members known before no longer hold what they did.
      const Expr *L = stripCasts(LHS);
      if (const auto *U = dyn_cast<UnaryOperator>(L);
          U && U->getOpcode() == UO_Deref)
        L = stripCasts(U->getSubExpr());
      if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
        if (const auto *PV = dyn_cast<ParmVarDecl>(DRE->getDecl()))
          forgetMembers(St, PV);
    }
    if (LHS->getType()->isRecordType()) {
      assignRecord(St, LHS, RHS);
      return;
    }
    AllocSet V = valueOf(RHS, St);
    if (std::optional<Place> PF = paramMember(LHS)) {
      // `item->valuestring = out`: what the member held before is no
      // longer there.
      // (What FreedMembers knows of it was settled above.)
      for (auto It = St.InParamField.begin(); It != St.InParamField.end();)
        It = It->second.P == *PF ? St.InParamField.erase(It) : std::next(It);
      for (AllocId A : V)
        if (real(A))
          St.InParamField[A] = MemberHold{*PF, nullptr};
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(LHS)))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        if (V.empty())
          V = memberAddress(VD, RHS, St);
        // The variable now holds another status: the old binding ends.
        St.Status.erase(VD);
        St.Takers.erase(VD);
        const auto *C = dyn_cast<CallExpr>(stripCasts(RHS));
        auto It = C ? AllocOf.find(C) : AllocOf.end();
        if (It != AllocOf.end() && Allocs[It->second].FailsViaStatus)
          St.Status[VD] = {It->second};
        if (std::optional<AllocId> T = C ? takerOf(C) : std::nullopt)
          St.Takers[VD] = {*T};
        copyStatus(St, VD, RHS);
      }
    std::optional<Place> P = placeOf(LHS, St, /*ForStore=*/true);
    bool OutParam = throughParameter(LHS);
    for (AllocId A : V) // name it after where it first goes
      if (real(A) && Allocs[A].Name.empty())
        Allocs[A].Name = spellPlace(LHS);
    if (Recording)
      for (AllocId A : V)
        if (real(A) && SeenStore.insert({LHS, A}).second) {
          StoreEvent E;
          E.Target = LHS;
          E.A = A;
          const Expr *L = stripCasts(LHS);
          if (const auto *ME = dyn_cast<MemberExpr>(L))
            E.Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
          if (const auto *DRE = dyn_cast<DeclRefExpr>(L))
            if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
              if (!VD->hasLocalStorage())
                E.Global = VD;
          E.OutParam = OutParam;
          E.Local = P && P->Field && P->Field != outSlot() && !isForeignField(St, *P);
          E.Foreign = P && (P->Field == outSlot() || isForeignField(St, *P));
          if (P && !P->Field)
            continue; // a plain local variable: not a store
          Stores.push_back(E);
        }
    if (!P) {
      // &p[k] or p + k stored where it outlives the function: the block
      // goes with its interior pointer (a region table, a cursor).
      if (!hasAlloc(V))
        if (const Expr *Base = interiorBase(RHS))
          V = valueOf(Base, St);
      release(St, V, GoneEscaped | (OutParam ? GoneOutParam : 0), true);
      return;
    }
    // An interior pointer into the caller's slot takes its block along.
    if (isForeignField(St, *P) && !hasAlloc(V))
      if (const Expr *Base = interiorBase(RHS))
        V = valueOf(Base, St);
    // One place stands for every element of an array member: a store adds.
    if (isForeignField(St, *P) && isa<ArraySubscriptExpr>(stripCasts(LHS)))
      if (auto It = St.Points->find(*P); It != St.Points->end())
        for (AllocId A : It->second)
          if (real(A) && !St.get(A).Gone)
            unionInto(V, {A});
    if (Key && hasAlloc(V))
      if (const auto *C = dyn_cast<CallExpr>(stripCasts(RHS));
          C && AllocOf.count(C))
        retried(St, *Key, *P);
    AllocSet Old;
    if (auto It = St.Points->find(*P); It != St.Points->end())
      Old = It->second;
    bind(St, *P, std::move(V), LHS);
    overwritten(St, Key ? Key->Failed : 0, *P, Old, LHS, RHS);
  }

  /// The block of the CFG holding \p S as an element (built on first use).
  const CFGBlock *blockOf(const Stmt *S) {
    if (BlockOfStmt.empty())
      for (const CFGBlock *B : *Cfg)
        for (const CFGElement &E : *B)
          if (std::optional<CFGStmt> CS = compat::toStdOptional(E.getAs<CFGStmt>()))
            BlockOfStmt.try_emplace(CS->getStmt(), B);
    return BlockOfStmt.lookup(S);
  }

  /// True if every path from the entry to the block being transferred
  /// passes the call of allocation \p A.
  bool allocationDominatesHere(AllocId A) {
    const CFGBlock *From = Allocs[A].Call ? blockOf(Allocs[A].Call) : nullptr;
    if (!From || !CurBlock)
      return false;
    if (!DomTree) {
      DomTree = std::make_unique<CFGDomTree>();
      DomTree->buildDominatorTree(Cfg.get());
    }
    return DomTree->dominates(From, CurBlock);
  }

  /// The assignment to \p P through \p LHS replaced \p Old: memory the
  /// function owns whose only pointer that was is lost there (`p =
  /// strdup(a); ... p = strdup(b);`, `node->name = NULL;` over a name).  It
  /// is recorded as a leak at the assignment and no longer owned, so no
  /// exit reports it again.  Only memory owned on every path that reaches
  /// the assignment: allocated on each (the call dominates it: a branch
  /// the analysis cannot decide, `else if (p->pStmt)` after `p->pStmt =
  /// 0`, joins paths that never allocated), and released, lent or stored
  /// on none.  Not when the new value is computed from the old (`z =
  /// sqlite3_mprintf("%z.%s", z, x)` frees it; `s = sdscat(s, t)`).
  void overwritten(Sub &St, unsigned Context, const Place &P,
                   const AllocSet &Old, const Expr *LHS, const Expr *RHS) {
    if (P.Field && (P.Field == outSlot() || isForeignField(St, P)))
      return;
    if (mentions(RHS, {P.Var}))
      return;
    for (AllocId A : Old) {
      if (!real(A) || reachable(St, A))
        continue;
      auto It = St.Allocs.find(A);
      if (It == St.Allocs.end())
        continue;
      if (!ownedOnly(It->second, A, Context) ||
          St.ReallocOf.find(A) != St.ReallocOf.end() ||
          llvm::any_of(St.ReallocOf, [&](const auto &E) {
            return llvm::is_contained(E.second, A);
          }) ||
          !allocationDominatesHere(A))
        continue;
      It->second.Owned = false;
      const bool Copied = It->second.Copied;
      forgetIfDead(St, A);
      if (sizeGuarded(A, LHS))
        continue; // no block where the size is 0: nothing is lost
      if (LeakEvent *L = recordLoss(LHS, LHS, SM.getFileLoc(LHS->getBeginLoc()),
                                    A, Context, Copied))
        L->Overwritten = true;
    }
  }

  /// True if \p S runs under a test of a size allocation \p A's call hands
  /// back through an out-parameter (`file2memory(&data, &size, f); ... if
  /// (!size) data = strdup("");`, curl tool_formparse): a zero size may
  /// mean no block, which the analysis cannot see.
  bool sizeGuarded(AllocId A, const Stmt *S) {
    const CallExpr *Call = Allocs[A].Call;
    if (!Call)
      return false;
    llvm::SmallVector<const VarDecl *, 2> Sizes;
    for (const Expr *Arg : Call->arguments())
      if (const auto *U = dyn_cast<UnaryOperator>(stripCasts(Arg));
          U && U->getOpcode() == UO_AddrOf)
        if (const auto *DRE =
                dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParenImpCasts()))
          if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
              VD && VD->getType()->isIntegerType())
            Sizes.push_back(VD);
    return !Sizes.empty() &&
           underCondition(
               S, Ctx, [&](const Expr *C) { return mentions(C, Sizes); }, 64);
  }

  /// A pointer holding \p A that is NULL on some joined path while \p A
  /// is still owned on another: the paths that released it may have
  /// cleared the pointer (redis migrateCommand: `zfree(newargv); newargv =
  /// NULL;`, then `zfree(newargv)` at the shared exit), so a release or use
  /// through it may be of NULL.  Not in a loop, where the NULL may be the
  /// first iteration's and the block the previous one's (IoTivity
  /// BuildActionSetFromString frees the action it handed to AddAction).
  bool maybeCleared(const Sub &St, const AllocSet &Vals, AllocId A) const {
    return llvm::is_contained(Vals, NullSentinel) && St.get(A).Owned &&
           !Allocs[A].InLoop;
  }

  /// The pointer an interior pointer is taken from: `&p[k]`, `p + k`.
  const Expr *interiorBase(const Expr *E) {
    E = stripCasts(E);
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_AddrOf)
      if (const auto *AS =
              dyn_cast<ArraySubscriptExpr>(stripCasts(U->getSubExpr())))
        return AS->getBase();
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->getOpcode() == BO_Add &&
        BO->getLHS()->getType()->isPointerType())
      return BO->getLHS();
    return nullptr;
  }

  /// True if every value \p E can produce is NULL or an allocation of this
  /// function (looking into both arms of ?: and through assignments).
  bool ownedOrNull(const Expr *E, const Sub &St) {
    E = stripCasts(E);
    if (const auto *CO = dyn_cast<ConditionalOperator>(E))
      return ownedOrNull(CO->getTrueExpr(), St) &&
             ownedOrNull(CO->getFalseExpr(), St);
    if (const auto *BO = dyn_cast<BinaryOperator>(E))
      if (BO->getOpcode() == BO_Assign || BO->getOpcode() == BO_Comma)
        return ownedOrNull(BO->getRHS(), St);
    // A replaceable allocator hook without a known target, beside returns
    // of fresh memory (`if (hook) return hook(n); return malloc(n);`): what
    // the hook returns stands in for the allocation.
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      if (unknownHook(C, Resolver, SM))
        return true;
      // memset(p, 0, n) returns p.
      if (const FunctionDecl *F = C->getDirectCallee();
          F && C->getNumArgs() == 3 &&
          (F->getBuiltinID() == Builtin::BImemset ||
           F->getBuiltinID() == Builtin::BImemcpy ||
           F->getBuiltinID() == Builtin::BImemmove))
        return ownedOrNull(C->getArg(0), St);
    }
    // `p = hook(n); ... return p;`: a local that only ever holds what an
    // unknown hook returned, or NULL.
    if (const VarDecl *V = testableVar(E); V && HookLocals.count(V))
      return true;
    AllocSet V = valueThroughOffset(E, St);
    // The caller gets ownership only of what this function still owns: not
    // of memory also stored elsewhere or lent to a function that may keep it
    // (a hash table, a cache).
    return !V.empty() && llvm::all_of(V, [&](AllocId A) {
      // On the path where an allocation failed, returning it returns NULL
      // (`if (p != NULL) {...} return p;`).
      return A == NullSentinel ||
             (real(A) && Allocs[A].fresh() && St.get(A).Null == NullIsNull) ||
             (real(A) && Allocs[A].fresh() && St.get(A).Owned &&
              !St.get(A).Lent);
    });
  }


  /// The members of parameter \p P's object are no longer known to hold
  /// what was stored there: P points elsewhere, or its object was copied
  /// over or handed to a function.
  static void forgetMembers(Sub &St, const VarDecl *P) {
    forgetHolds(St, [&](const Place &M) { return M.Var == P; });
  }
  /// What the members \p Gone picks are known to hold is forgotten.
  static void forgetHolds(Sub &St,
                          llvm::function_ref<bool(const Place &)> Gone) {
    for (auto It = St.InParamField.begin(); It != St.InParamField.end();)
      It = Gone(It->second.P) ? St.InParamField.erase(It) : std::next(It);
    for (auto It = St.FreedMembers.begin(); It != St.FreedMembers.end();)
      It = Gone(It->first) ? St.FreedMembers.erase(It) : std::next(It);
  }

  /// The parameter whose object `p->a.b` (one arrow, from the pointer
  /// \p E names) is a member of: see pointerRoot.
  const ParmVarDecl *arrowRoot(const Expr *E) {
    const auto *ME = dyn_cast<MemberExpr>(stripCasts(E));
    while (ME && !ME->isArrow())
      ME = dyn_cast<MemberExpr>(stripCasts(ME->getBase()));
    return ME ? pointerRoot(ME->getBase()) : nullptr;
  }

  /// The parameter a pointer expression points into the object of: the
  /// parameter itself, or a local never reassigned that was initialised
  /// with the address of a member of its object (`struct der *der =
  /// &obj->content;`, OpenSC).
  const ParmVarDecl *pointerRoot(const Expr *E) {
    const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(E));
    if (!DRE)
      return nullptr;
    if (const auto *P = dyn_cast<ParmVarDecl>(DRE->getDecl()))
      return P->getType()->isPointerType() ? P : nullptr;
    const auto *V = dyn_cast<VarDecl>(DRE->getDecl());
    if (!V || !V->hasLocalStorage() || !V->getInit() ||
        !V->getType()->isPointerType())
      return nullptr;
    if (auto It = ObjectAlias.find(V); It != ObjectAlias.end())
      return It->second;
    ObjectAlias[V] = nullptr; // while it is worked out
    const auto *U = dyn_cast<UnaryOperator>(stripCasts(V->getInit()));
    const ParmVarDecl *P = nullptr;
    if (U && U->getOpcode() == UO_AddrOf)
      P = arrowRoot(U->getSubExpr());
    if (P && reassigned(V, FD->getBody()))
      P = nullptr;
    ObjectAlias[V] = P;
    return P;
  }

  /// The parameter whose object a call argument hands over: `p`, `&p->a`
  /// or a local pointing into it; not a member's value (`p->buf`).
  const ParmVarDecl *handedObject(const Expr *Arg) {
    Arg = stripCasts(Arg);
    if (const auto *U = dyn_cast<UnaryOperator>(Arg);
        U && U->getOpcode() == UO_AddrOf)
      return arrowRoot(U->getSubExpr());
    return pointerRoot(Arg);
  }

  /// True if \p V is assigned, incremented or has its address taken in
  /// \p Top.
  static bool reassigned(const VarDecl *V, const Stmt *Top) {
    auto Names = [&](const Expr *E) {
      const auto *D = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
      return D && D->getDecl() == V;
    };
    bool Found = false;
    forEachStmtIn(Top, [&](const Stmt *S) {
      if (const auto *B = dyn_cast<BinaryOperator>(S))
        Found = B->isAssignmentOp() && Names(B->getLHS());
      else if (const auto *U = dyn_cast<UnaryOperator>(S))
        Found = (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf) &&
                Names(U->getSubExpr());
      return !Found;
    });
    return Found;
  }

  /// True if the function sets the member \p M to NULL before \p Free
  /// (in source order): it initialises the caller's object (libuv
  /// uv_loop_init sets `loop->watchers = NULL`, and frees it when a later
  /// step fails), and a caller does not destroy an object whose
  /// initialisation failed.
  bool initialisedBefore(const Place &M, const CallExpr *Free) {
    if (!NullInits) {
      NullInits.emplace();
      // In source order: the first assignment of each member is kept.
      forEachStmtIn(FD->getBody(), [&](const Stmt *S) {
        if (const auto *B = dyn_cast<BinaryOperator>(S);
            B && B->getOpcode() == BO_Assign && isNullOrZero(B->getRHS(), Ctx))
          if (std::optional<Place> P = objectMember(B->getLHS()))
            NullInits->try_emplace(*P, SM.getExpansionLoc(B->getBeginLoc()));
      });
    }
    auto It = NullInits->find(M);
    return It != NullInits->end() &&
           SM.isBeforeInTranslationUnit(
               It->second, SM.getExpansionLoc(Free->getBeginLoc()));
  }
  /// The first place the function sets each parameter's member to NULL.
  std::optional<std::map<Place, SourceLocation>> NullInits;

  /// `p->f`, `p->a.f` or `d->f` with `d = &p->a`: a pointer member of a
  /// parameter's object, as the place (p, f).  Not `p->a->f`, a member of
  /// another object.
  std::optional<Place> objectMember(const Expr *E) {
    const auto *ME = dyn_cast<MemberExpr>(stripCasts(E));
    if (!ME || !ME->getType()->isPointerType())
      return std::nullopt;
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    const ParmVarDecl *P = arrowRoot(ME);
    if (!F || !P)
      return std::nullopt;
    return Place{P, F};
  }

  /// `p->f` for a parameter p and a pointer member f, as a place.
  static std::optional<Place> paramMember(const Expr *LHS) {
    const auto *ME = dyn_cast<MemberExpr>(stripCasts(LHS));
    if (!ME || !ME->isArrow() || !ME->getType()->isPointerType())
      return std::nullopt;
    const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(ME->getBase()));
    const auto *P = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
    const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
    if (!P || !F)
      return std::nullopt;
    return Place{P, F};
  }

  /// True if \p LHS writes through a parameter: *out, out[i], out->f.
  static bool throughParameter(const Expr *LHS) {
    const Expr *E = stripCasts(LHS);
    const Expr *Base = nullptr;
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_Deref)
      Base = U->getSubExpr();
    else if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
      Base = AS->getBase();
    else if (const auto *ME = dyn_cast<MemberExpr>(E); ME && ME->isArrow())
      Base = ME->getBase();
    if (!Base)
      return false;
    const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(Base));
    return DRE && isa<ParmVarDecl>(DRE->getDecl());
  }

  // --- events --------------------------------------------------------------

  void use(Sub &St, const Expr *E, const Expr *Value, bool IsDeref,
           const llvm::Twine &What) {
    if (!Recording)
      return;
    AllocSet Vals = valueOf(Value, St);
    // Still the variable that was freed: the block it holds is the freed
    // one, whichever of its values that is.
    bool SameVar = false;
    if (St.FreedVars.size() != 0)
      if (const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(Value)))
        if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
          SameVar = St.FreedVars.find(VD) != St.FreedVars.end();
    bool Other = !SameVar && mayHoldOther(Vals);
    // The destination of `cur->next = calloc(...)` in a loop: `cur` holds
    // the block of an earlier iteration, from the same call, never the one
    // this statement allocates.
    const CallExpr *StoresCall = nullptr;
    if (IsDeref)
      if (auto It = StoredInto.find(E); It != StoredInto.end())
        StoresCall = It->second;
    for (AllocId A : Vals) {
      if (!real(A) || !St.get(A).Allocated)
        continue;
      if (StoresCall && Allocs[A].Call == StoresCall)
        continue;
      bool MaybeOther =
          Other || reallocatedInLoop(St, A) || maybeCleared(St, Vals, A);
      auto [It, New] = UseIndex.try_emplace({E, A}, Uses.size());
      if (!New) { // the same use seen in another context
        Uses[It->second].Null |= St.get(A).Null;
        Uses[It->second].Gone |= St.get(A).Gone;
        if (!Uses[It->second].GoneAt && (St.get(A).Gone & GoneFreed))
          Uses[It->second].GoneAt = St.get(A).GoneAt;
        Uses[It->second].MayBeOther |= MaybeOther;
        continue;
      }
      UseEvent U;
      U.Use = E;
      U.Loc = SM.getFileLoc(E->getBeginLoc());
      U.A = A;
      U.Null = St.get(A).Null;
      U.Gone = St.get(A).Gone;
      U.GoneAt = St.get(A).GoneAt;
      U.IsDeref = IsDeref;
      U.MayBeOther = MaybeOther;
      U.What = What.str();
      Uses.push_back(std::move(U));
    }
  }

  /// Whether \p Ret returns a failure: NULL from a pointer function, false,
  /// or a value other than the one returned at the end of the body (else a
  /// negative one), directly or through a tracked status variable.
  bool failingReturn(const ReturnStmt *Ret, const Sub &St, const CtxKey &Key) {
    const Expr *V = Ret ? Ret->getRetValue() : nullptr;
    if (!V || RetKind == ReturnKind::None)
      return false;
    V = stripCasts(V);
    std::optional<int64_t> C = constantOf(V, Ctx);
    if (!C)
      if (const VarDecl *Var = testableVar(V))
        if (auto It = ConstLocals.find(Var); It != ConstLocals.end())
          C = It->second;
    if (!C)
      if (const VarDecl *Var = testableVar(V)) {
        auto It = slotOf(Var);
        if (It != VarSlot.end()) {
          const Known &K = Key.Vars[It->second];
          if (K.K == Known::Eq)
            C = K.C;
          else if (K.K == Known::Ne && SuccessValue && K.C == *SuccessValue)
            return true;
          // Negative where negative values are the failures.
          else if (K.K == Known::Lt && K.C <= 0 && RetKind == ReturnKind::Int &&
                   (NegativeFailure || !SuccessValue || *SuccessValue >= 0))
            return true;
        }
      }
    if (RetKind == ReturnKind::Pointer) {
      if (NullIsResult)
        return false;
      if (C)
        return *C == 0;
      AllocSet Vals = valueOf(V, St);
      return !Vals.empty() && llvm::all_of(Vals, [](AllocId A) {
        return A == NullSentinel;
      });
    }
    if (!C)
      return false;
    if (RetKind == ReturnKind::Bool)
      return *C == 0;
    if (NegativeFailure || !SuccessValue)
      return *C < 0 || (FailureValue && *C == *FailureValue);
    return *C != *SuccessValue;
  }

  void exitAt(Sub &St, const CtxKey &Key, const Stmt *S, SourceLocation L,
              bool Failing) {
    unsigned Context = Key.Failed;
    if (!Recording)
      return;
    // An exit that returns success hands what `*out` holds to the caller
    // (even after an allocation failed on the way: the caller sees
    // success); a failing one does not (the caller will not look at it).
    // Which memory is in which `*out` at a failing exit.
    llvm::SmallDenseMap<AllocId, const VarDecl *, 4> InSlot;
    llvm::SmallDenseSet<AllocId, 4> InField; // in a parameter's field
    {
      AllocSet Out;
      for (const auto &[P, V] : *St.Points) {
        if (isForeignField(St, P)) {
          unionInto(Out, V);
          for (AllocId A : V)
            if (real(A))
              InField.insert(A);
        }
        if (P.Field == outSlot()) {
          unionInto(Out, V);
          for (AllocId A : V)
            if (real(A)) {
              InSlot[A] = P.Var;
              if (!Failing && St.get(A).Null != NullIsNull)
                SuccessOut.insert(P.Var);
            }
        }
      }
      if (!Failing && !Out.empty()) {
        release(St, Out, GoneEscaped | GoneOutParam, true);
        InSlot.clear();
        InField.clear();
      }
    }
    L = SM.getFileLoc(L);
    for (const auto &[M, F] : St.FreedMembers) {
      const auto &[Call, Nulled] = F;
      // Freed for the caller at a successful exit, or freed and reset at a
      // failing one; left dangling at a failing one: no release the
      // callers may count on.
      if (!Failing || Nulled)
        MemberFreeKept.insert(Call);
      else
        MemberFreeSettled.insert(Call);
      if (Failing && !Nulled && DanglingMemberSeen.insert(Call).second)
        DanglingMembers.push_back({S, L, M.Var, M.Field, Call});
    }
    // Released and forgotten on this path: not owned here, and released.
    // One exit per allocation says so (a function of thousands of
    // allocations and returns would otherwise record their product).
    for (const auto &[A, Gone] : St.Released) {
      if (ReleasedExitSeen[A] || St.Allocs.find(A) != St.Allocs.end())
        continue;
      ReleasedExitSeen[A] = true;
      auto [It, New] = ExitIndex.try_emplace(std::make_pair(L.getRawEncoding(), A),
                                             Exits.size());
      if (New)
        Exits.push_back({S, L, A, false, 0, false});
      Exits[It->second].Gone |= Gone;
      Exits[It->second].Allocated = true;
    }
    for (const auto &[A, AS] : St.Allocs) {
      if (!AS.Allocated)
        continue;
      auto Key = std::make_pair(L.getRawEncoding(), A);
      auto [It, New] = ExitIndex.try_emplace(Key, Exits.size());
      if (New)
        Exits.push_back({S, L, A, false, 0, false});
      ExitState &E = Exits[It->second];
      E.Owned |= AS.Owned && !AS.Lent;
      E.Gone |= AS.Gone;
      E.Allocated = true;
      E.MaybeNonNull |= AS.Null != NullIsNull;
      if (AS.Null != NullIsNull) {
        auto PF = St.InParamField.find(A);
        bool Holds = PF != St.InParamField.end() && PF->second.FreedBy;
        auto [DI, DNew] = DanglingIndex.try_emplace(
            std::make_pair(L.getRawEncoding(), A), Danglings.size());
        if (DNew) {
          DanglingField D{S, L, A};
          if (Holds) {
            D.Param = PF->second.P.Var;
            D.Field = PF->second.P.Field;
            D.FreedBy = PF->second.FreedBy;
          }
          Danglings.push_back({D, Holds});
        } else {
          Danglings[DI->second].second &= Holds;
        }
      }
      // Stored through a parameter (or still in its object's field) and
      // neither freed nor handed on, at a failing exit.
      if ((Failing || Context != 0) && AS.Null != NullIsNull &&
          !(Context != 0 && Context != ManyFailed && Context - 1 == A) &&
          (AS.Owned ? InField.count(A) && !AS.Lent
                    : (AS.Gone & GoneOutParam) &&
                          !(AS.Gone & (GoneFreed | GoneTransferred))))
        E.LeftInField = true;
      if (!AS.Owned || AS.Lent)
        continue;
      // Freed, stored or handed over on a path that joined this one (`if
      // (n) free(p);`, a loop that stores it and may run zero times): the
      // condition decided, and what it knows the analysis does not.
      if ((AS.Gone & SettlingRelease) &&
          !(AS.OwnedOnGotoTo && AS.GoneAt &&
            SM.isBeforeInTranslationUnit(
                SM.getFileLoc(AS.GoneAt->getBeginLoc()),
                SM.getFileLoc(AS.OwnedOnGotoTo->getBeginLoc()))))
        continue;
      std::optional<AllocId> Failed;
      if (Context != 0 && Context != ManyFailed) {
        if (Context - 1 == A)
          continue;
        Failed = Context - 1;
      }
      // Linked into an object the function still owns here: that
      // object's fate is its fate (handed on with it, or leaked with it,
      // which is reported of the object).
      if (auto LI = St.LinkedInto.find(A);
          LI != St.LinkedInto.end() &&
          llvm::any_of(LI->second, [&St, Self = A](AllocId C) {
            return St.get(C).Owned && C != Self;
          }))
        continue;
      Failing |= Context != 0;
      auto Seen = SeenLeak.find(
          {S ? (const void *)S : L.getPtrEncoding(), A,
           Failed ? int(*Failed) : -1});
      if (Seen != SeenLeak.end()) {
        Leaks[Seen->second].Failing |= Failing;
        Leaks[Seen->second].AfterCopy |= AS.Copied;
        continue;
      }
      SeenLeak[{S ? (const void *)S : L.getPtrEncoding(), A,
                Failed ? int(*Failed) : -1}] = Leaks.size();
      Leaks.push_back({S, L, A, Failed, Failing});
      Leaks.back().AfterCopy = AS.Copied;
      // In a slot of the caller's object, it is that object's memory even
      // when `*out` views it too (`*pp = p->apRegion[i]`, SQLite
      // unixShmMap): the object's rule applies.
      if (InField.count(A))
        LeakField.insert(Leaks.size() - 1);
      else if (auto It = InSlot.find(A); It != InSlot.end())
        LeakSlot[Leaks.size() - 1] = It->second;
    }
  }

  // --- transfer ------------------------------------------------------------

  /// A pointer parameter a function without rules may keep or free.
  bool mayTake(const FunctionDecl *Callee, unsigned I, const Expr *Arg) {
    QualType T;
    if (Callee && I < Callee->getNumParams())
      T = Callee->getParamDecl(I)->getType();
    else if (variadicExtra(Callee, I))
      return false; // printf-like: reads its extra arguments
    else
      T = Arg->getType();
    if (!T->isPointerType())
      return !T->isIntegerType(); // structs passed by value may carry it
    return !T->getPointeeType().isConstQualified();
  }

  /// \p V without the library objects a function of their own library
  /// works on: an object a declared constructor built (EVP_MD_CTX_new,
  /// DSA_SIG_new: a family of its own, released by its own destructor)
  /// handed to another function of a system header with no contract
  /// (EVP_DigestInit(ctx, md)) is read and changed there, not kept. Not the
  /// later arguments of OpenSSL's transferring names (DSA_SIG_set0(sig, r,
  /// s), EVP_PKEY_assign, sk_push, SSL_set_bio), which take them.
  AllocSet ownObjectsNotLent(const AllocSet &V, const FunctionDecl *Callee,
                             unsigned I) {
    if (!Callee || !SM.isInSystemHeader(Callee->getLocation()))
      return V;
    if (I > 0) {
      StringRef N = Callee->getName();
      for (StringRef Taking :
           {"set0", "add0", "assign", "push", "set_bio", "_own"})
        if (N.contains(Taking))
          return V;
    }
    AllocSet Out;
    for (AllocId A : V) {
      if (!real(A)) {
        Out.push_back(A);
        continue;
      }
      const Allocation &Al = Allocs[A];
      // A typed object (EVP_MD_CTX *), not raw memory (void *, char *)
      // of an allocator the library's functions may keep.
      QualType T = Al.Call ? Al.Call->getType() : QualType();
      bool LibraryObject =
          Al.fresh() && Al.Rule && !Al.Rule->Inferred &&
          Al.Rule->AllocatesReturn && !Al.Rule->Family.empty() && !T.isNull() &&
          T->isPointerType() && T->getPointeeType()->isRecordType();
      if (!LibraryObject)
        Out.push_back(A);
    }
    return Out;
  }

  /// True unless \p Callee's parameter \p I points to const (`T *const
  /// *`): what the argument points to may be written.
  static bool mayWriteThrough(const FunctionDecl *Callee, unsigned I) {
    if (!Callee || I >= Callee->getNumParams())
      return true;
    QualType T = Callee->getParamDecl(I)->getType();
    return !T->isPointerType() || !T->getPointeeType().isConstQualified();
  }

  /// True if argument \p J of a call can be the object a linked argument
  /// is stored into: a pointer to a struct, not to const.
  static bool linkTarget(const FunctionDecl *Callee, const Expr *Arg,
                         unsigned J) {
    QualType T = Arg->IgnoreParenImpCasts()->getType();
    return T->isPointerType() && T->getPointeeType()->isRecordType() &&
           !T->getPointeeType().isConstQualified() &&
           mayWriteThrough(Callee, J);
  }

  bool paramNonNull(const FunctionDecl *Callee, unsigned I) {
    if (!Callee)
      return false;
    if (I < Callee->getNumParams() &&
        Callee->getParamDecl(I)->hasAttr<NonNullAttr>())
      return true;
    for (const auto *A : Callee->specific_attrs<NonNullAttr>()) {
      if (A->args_size() == 0)
        return true;
      for (const ParamIdx &P : A->args())
        if (P.getASTIndex() == I)
          return true;
    }
    return false;
  }

  /// Transfers one statement in one context; false when the context ends
  /// (a call that never returns).
  /// True if \p Call is handed a deallocator as an argument (a destructor
  /// callback: `sqlite3_result_text(ctx, z, n, sqlite3_free)`,
  /// `set_data(obj, p, free)`): the pointers it receives are then held.
  llvm::DenseMap<const CallExpr *, bool> PassesDeallocator;
  bool passesDeallocator(const CallExpr *Call) {
    auto [It, New] = PassesDeallocator.try_emplace(Call, false);
    if (New)
      It->second = findsDeallocator(Call);
    return It->second;
  }
  bool findsDeallocator(const CallExpr *Call) {
    for (const Expr *A : Call->arguments()) {
      const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(A));
      const auto *F = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
      if (!F)
        continue;
      if (const FunctionRule *R = Resolver.ruleFor(F, SM); R && R->FreeArg)
        return true;
      // Shaped as a destructor, void f(void *): a cleanup callback (or a
      // sentinel such as SQLite's SQLITE_DYNAMIC) the callee keeps with
      // the pointer.
      if (F->getReturnType()->isVoidType() && F->getNumParams() == 1 &&
          F->getParamDecl(0)->getType()->isVoidPointerType())
        return true;
    }
    return false;
  }

  /// The rule of each call, asked of the resolver once: the callees'
  /// summaries do not change while one function is analysed.
  const FunctionRule *ruleOf(const CallExpr *Call) {
    auto [It, New] = CallRules.try_emplace(Call, nullptr);
    if (New)
      It->second = Resolver.ruleForCall(Call, SM);
    return It->second;
  }
  llvm::DenseMap<const CallExpr *, const FunctionRule *> CallRules;

  bool transferCall(const CallExpr *Call, Sub &St, CtxKey &Key) {
    const FunctionRule *R = ruleOf(Call);
    const bool HoldsAll = passesDeallocator(Call);
    const FunctionDecl *Callee = Call->getDirectCallee();
    StringRef CalleeName = Callee && Callee->getIdentifier()
                               ? Callee->getName()
                               : StringRef("a function pointer");
    auto It = AllocOf.find(Call);
    std::optional<AllocId> Mine;
    if (It != AllocOf.end())
      Mine = It->second;
    // A function given the parameter may reset its members (memcpy onto
    // it, a reset function).
    // (`&p->a`, or a local pointing into p's object, for the members it
    // freed.)
    if (St.InParamField.size() != 0 || St.FreedMembers.size() != 0)
      for (const Expr *Arg : Call->arguments()) {
        const auto *DRE = dyn_cast<DeclRefExpr>(stripCasts(Arg));
        const ParmVarDecl *PV =
            DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
        if (!PV && St.FreedMembers.size() != 0)
          PV = handedObject(Arg);
        if (PV)
          forgetMembers(St, PV);
      }
    for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
      const Expr *Arg = stripCasts(Call->getArg(I));
      // A pointer known NULL whose address a callee may write through is no
      // longer known NULL (NanoNNG put_msgs_to_aio: `list = NULL;
      // ringBuffer_get_and_clean_msgs(rb, &rb->cap, &list); if (list ==
      // NULL) return -1;` does not end every path).  So are the pointer
      // fields of a local struct whose address it gets (`r.buf = NULL;
      // fill(&r);`).
      if (const auto *U = dyn_cast<UnaryOperator>(Arg);
          U && U->getOpcode() == UO_AddrOf && !(R && R->AllocatesArg == I) &&
          mayWriteThrough(Callee, I))
        if (std::optional<Place> P = placeOf(U->getSubExpr(), St, false)) {
          const bool Struct = !P->Field && P->Var->getType()->isRecordType();
          llvm::SmallVector<Place, 2> Written;
          for (auto It = St.Points->lower_bound(Place{P->Var, nullptr});
               It != St.Points->end() && It->first.Var == P->Var; ++It)
            if ((It->first == *P ||
                 (Struct && It->first.Field && It->first.Field != outSlot())) &&
                llvm::is_contained(It->second, NullSentinel) &&
                !llvm::is_contained(It->second, UnknownSentinel))
              Written.push_back(It->first);
          for (const Place &W : Written) {
            AllocSet V = St.Points->find(W)->second;
            unionInto(V, {UnknownSentinel});
            St.Points.mut()[W] = std::move(V);
          }
        }
      // &v: the callee may store into v.  (`&p->member` handed to a
      // deallocator or a taker hands p's block over: below, through the
      // offset; container_of gives it back.)
      if (const auto *U = dyn_cast<UnaryOperator>(Arg);
          U && U->getOpcode() == UO_AddrOf &&
          !(R && (R->FreeArg == I ||
                  (R->releases(I) && embeddedMemberBase(U->getSubExpr()) &&
                   recoversContainer(Callee, I))))) {
        if (R && (R->AllocatesArg == I || R->FreesFieldsArg == I ||
                  (R->FillsFieldsArg == I && Mine) ||
                  R->argContract(I) == ArgContract::Borrows))
          continue; // bound below, fields released below, or only read
        if (std::optional<Place> P = placeOf(U->getSubExpr(), St, false)) {
          if (!P->Field)
            escapePlace(St, P->Var);
          else if (auto PI = St.Points->find(*P); PI != St.Points->end())
            release(St, AllocSet(PI->second), GoneEscaped, true);
        }
        // The address of a block's first member (`&bev_p->bev.bev`,
        // libevent's downcast(), handed to bufferevent_free) is the block's
        // own: the callee may keep or free it as it may the pointer.  (The
        // address of another member, `pthread_mutex_init(&s->lock)`, only
        // lets the callee write there.)
        // Through a function pointer, the address of any embedded object
        // (`port->user_callback(&server_req->base, ...)`, libevent evdns):
        // a callback gets its container back with container_of.
        // So does a function whose summary cannot settle what it does with
        // it: its body takes the container back (evdns
        // evdns_server_request_respond frees or queues the request).
        const Expr *Base = firstMemberBase(U->getSubExpr());
        if (!Base && (!Callee || (R && R->Inferred && !R->Pending &&
                                  R->argContract(I) ==
                                      ArgContract::Unspecified &&
                                  recoversContainer(Callee, I))))
          Base = embeddedMemberBase(U->getSubExpr());
        if (Base && !(R && (R->argContract(I) != ArgContract::Unspecified ||
                            !R->Inferred || R->Pending)) &&
            mayTake(Callee, I, Arg)) {
          AllocSet V = valueOf(Base, St);
          if (hasAlloc(V))
            lend(St, V);
        }
        continue;
      }
      // A `T **out` or a parameter's object handed on: the callee may free
      // or replace `*out` or the object's fields.
      if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg))
        if (const auto *PV = dyn_cast<VarDecl>(DRE->getDecl());
            PV && !(R && R->argContract(I) == ArgContract::Borrows)) {
          std::vector<AllocSet> Handed;
          // The variable's places sort together, right from its own.
          for (auto It = St.Points->lower_bound(Place{PV, nullptr});
               It != St.Points->end() && It->first.Var == PV; ++It)
            if (It->first.Field == outSlot() || isForeignField(St, It->first))
              Handed.push_back(It->second);
          for (const AllocSet &V : Handed)
            lend(St, V);
        }
      AllocSet V = R && (R->FreeArg == I || R->releases(I))
                       ? valueThroughOffset(Arg, St)
                       : valueOf(Arg, St);
      // free(p->f) of a block the function did not make and store there:
      // p->f dangles until it is reset.  One it stored there itself (civetweb
      // prepare_cgi_environment: `env->buf = mg_malloc(...)`, later
      // `mg_free(env->buf)`) is that block, freed: the function undoing its
      // own work, which its callers do not look at when it fails (civetweb
      // and lighttpd fastcgi_get_packet reset or skip the member), so no
      // dangling member either.
      if (R && R->FreeArg == I && !R->ReallocArg)
        if (std::optional<Place> M = objectMember(Arg)) {
          bool Own = false;
          for (auto It = St.InParamField.begin(); It != St.InParamField.end();)
            if (It->second.P == *M && !It->second.FreedBy &&
                !(St.get(It->first).Gone & GoneFreed)) {
              unionInto(V, AllocSet{It->first});
              Own = true;
              It = St.InParamField.erase(It);
            } else {
              ++It;
            }
          // Not when the call is handed the object too: it may unlink the
          // member (OpenSC sc_pkcs15_remove_unusedspace(p15card,
          // p15card->unusedspace_list) sets the list's head to the next).
          bool HandsObject =
              llvm::any_of(Call->arguments(), [&](const Expr *E) {
                return handedObject(E) == M->Var;
              });
          if (!Own && !HandsObject &&
              llvm::none_of(
                  V, [&](AllocId A) { return real(A) && Allocs[A].fresh(); }) &&
              !initialisedBefore(*M, Call))
            St.FreedMembers[*M] = {Call, false};
        }
      // An external value only: followed for its uses and frees alone.
      const bool ExternalOnly = !hasAlloc(V);
      if (ExternalOnly && !hasExternal(V))
        continue;
      ArgContract C = R ? R->argContract(I) : ArgContract::Unspecified;
      // Handed a deallocator too (a destructor callback): it holds what it
      // receives, unless its contract says how it treats this argument
      // (redisSetPushCallback(c, redisPushAutoFree) borrows c).
      if (HoldsAll && R && R->FreeArg != I &&
          C == ArgContract::Unspecified)
        C = ArgContract::Holds;
      bool Deref = (R && R->dereferences(I)) || paramNonNull(Callee, I);
      if (Deref)
        use(St, Call, Arg, true,
            llvm::Twine("passed to '") + CalleeName +
                "', which dereferences it");
      else
        use(St, Call, Arg, false, llvm::Twine("passed to '") + CalleeName + "'");
      if (ExternalOnly && !(R && R->FreeArg == I))
        continue;
      if (R && R->links(I)) {
        AllocSet Into;
        // Into the objects given with it: struct pointers the callee may
        // write through (not a string it reads, ioto fetch(up, ..., headers)).
        for (unsigned J = 0; J < Call->getNumArgs(); ++J)
          if (J != I && linkTarget(Callee, Call->getArg(J), J))
            for (AllocId A : valueOf(stripCasts(Call->getArg(J)), St))
              if (real(A) && Allocs[A].fresh() && !llvm::is_contained(V, A))
                unionInto(Into, {A});
        if (!Into.empty())
          for (AllocId A : V)
            if (real(A))
              unionInto(St.LinkedInto[A], Into);
      }
      if (R && R->ReallocArg == I && Mine) {
        AllocSet Old;
        for (AllocId A : V)
          if (real(A) && !Allocs[A].External)
            Old.push_back(A);
        // reallocf: the old block is gone whether the call fails or not.
        if (R->FreesOnFailure) {
          release(St, Old, GoneFreed, false);
          continue;
        }
        St.ReallocOf[*Mine] = Old;
        continue;
      }
      if (C == ArgContract::Takes || C == ArgContract::Holds) {
        bool Frees = R->FreeArg == I;
        if (Frees)
          if (const auto *DRE = dyn_cast<DeclRefExpr>(Arg))
            if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
              St.FreedVars[VD] = Call;
        // Taken only on success: a test of the call's status gives it back
        // where it failed (applyTakers).
        if (llvm::is_contained(R->TakesOnSuccess, I))
          takerOf(Call);
        // Freed while a parameter's member still holds it.
        if (Frees)
          for (AllocId A : V)
            if (auto H = St.InParamField.find(A); H != St.InParamField.end())
              H->second.FreedBy = Call;
        // free(obj->f): the function cleans up that field itself.
        if (Frees && Recording)
          if (std::optional<Place> P = placeOf(Arg, St, false);
              P && isForeignField(St, *P))
            for (AllocId A : V)
              FreedFromField.insert(A);
        if (Recording)
          for (AllocId A : V) {
            if (!real(A))
              continue;
            const AllocState &AS = St.get(A);
            bool Other = mayHoldOther(V) ||
                         reallocatedInLoop(St, A) || maybeCleared(St, V, A);
            auto [It, New] =
                SeenRelease.try_emplace({Call, A, I}, Releases.size());
            bool InOut = Frees && inOutSlot(St, A);
            if (New) {
              Releases.push_back(
                  {Call, A, I, R, Frees, AS.Gone, AS.GoneAt, Other, InOut});
              continue;
            }
            Releases[It->second].InOutSlot |= InOut;
            // The same release in another context (`if (rv) free(d);
            // free(d);` keyed by rv): freed before in any context.  Only
            // frees: a "holds" contract is the rules' safe reading where
            // the callee may copy instead (SQLite sqlite3VdbeAddOp4 with a
            // positive P4 length), and a free after it on one path only is
            // no double release to report.
            if (!(AS.Gone & GoneFreed))
              continue;
            ReleaseEvent &E = Releases[It->second];
            E.GoneBefore |= GoneFreed;
            if (!E.GoneAt)
              E.GoneAt = AS.GoneAt;
            E.MayBeOther |= Other;
          }
        unsigned char How = Frees                     ? GoneFreed
                            : C == ArgContract::Holds ? GoneHeld
                                                      : GoneTransferred;
        release(St, V, How, /*WithContents=*/!Frees, Call);
        continue;
      }
      if (C == ArgContract::Copies)
        for (AllocId A : V)
          if (real(A)) {
            if (auto It = St.Allocs.find(A); It != St.Allocs.end())
              It->second.Copied = true;
            if (Recording && SeenCopy.insert({Call, A}).second)
              Copies.push_back({Call, A, I, R});
          }
      // The rules files describe every argument that matters; a summary
      // leaves unspecified the ones the callee may keep.
      if (C != ArgContract::Unspecified || Deref || (R && !R->Inferred) ||
          (R && R->ReturnsArg == I))
        continue;
      // Whether it keeps it is a condition of this function's summary;
      // a variadic callee's extra arguments are read (a log function).
      if (R && R->Pending && !variadicExtra(Callee, I)) {
        if (Recording)
          for (AllocId A : V)
            if (real(A) && SeenPending.insert({A, Call, I}).second)
              Pending.push_back({A, R->Name, I});
        continue;
      }
      if (mayTake(Callee, I, Arg))
        lend(St, ownObjectsNotLent(V, Callee, I));
    }
    if (R && R->FreesFieldsArg && *R->FreesFieldsArg < Call->getNumArgs())
      releaseFields(St, Call->getArg(*R->FreesFieldsArg), *R, Call);
    if ((R && R->NoReturn) || (Callee && Callee->isNoReturn()))
      return false;
    if (!Mine)
      return true;
    rememberPrior(St, Call, *R, *Mine);
    allocate(St, *Mine);
    if (Allocs[*Mine].Filled) {
      // One allocation for what the call left in the struct's fields.
      const VarDecl *S = filledStruct(Call, R);
      const RecordDecl *RD = S->getType()->getAsRecordDecl();
      if (RD)
        RD = RD->getDefinition();
      if (RD)
        for (const FieldDecl *F : RD->fields())
          if (llvm::is_contained(R->FilledFields, F->getName())) {
            if (Allocs[*Mine].Name.empty())
              Allocs[*Mine].Name = (S->getName() + "." + F->getName()).str();
            bind(St, Place{S, F}, {*Mine}, nullptr);
          }
      return true;
    }
    if (R->AllocatesArg && *R->AllocatesArg < Call->getNumArgs()) {
      const auto *U =
          dyn_cast<UnaryOperator>(stripCasts(Call->getArg(*R->AllocatesArg)));
      if (U && U->getOpcode() == UO_AddrOf) {
        if (std::optional<Place> P = placeOf(U->getSubExpr(), St, true)) {
          retried(St, Key, *P);
          // The block the place held is the one the callee resizes (libyaml
          // yaml_stack_extend(&stack.start, ...)): freed or moved when it
          // succeeds, still there when it fails; the callee's to settle.
          if (R->ReallocatesOut)
            if (auto It = St.Points->find(*P); It != St.Points->end()) {
              AllocSet Old;
              for (AllocId A : It->second)
                if (real(A) && A != *Mine)
                  Old.push_back(A);
              lend(St, Old);
            }
          bind(St, *P, {*Mine}, U->getSubExpr());
        }
        else
          release(St, {*Mine}, GoneEscaped, true);
      } else {
        // Stored through a pointer the caller was given: not this
        // function's to free.
        const auto *DRE =
            dyn_cast<DeclRefExpr>(stripCasts(Call->getArg(*R->AllocatesArg)));
        const auto *Param = DRE ? dyn_cast<ParmVarDecl>(DRE->getDecl()) : nullptr;
        if (pointerToPointer(Param) && !InOut.count(Param)) {
          // alloc_into(out) for a `T **out`: as `*out = alloc()`.
          if (Allocs[*Mine].Name.empty())
            Allocs[*Mine].Name = "*" + Param->getName().str();
          bind(St, Place{Param, outSlot()}, {*Mine}, nullptr);
        } else {
          release(St, {*Mine}, GoneEscaped | (Param ? GoneOutParam : 0), true);
        }
      }
    }
    return true;
  }

  /// What a tracked variable holds once assigned \p RHS (null: a value
  /// the analysis does not follow, `n++`).
  Known knownAfter(const VarDecl *V, const Expr *RHS) const {
    std::optional<int64_t> C = RHS ? constantOf(RHS, Ctx) : std::nullopt;
    if (C)
      return Known{Known::Eq, *C};
    // `rv = f(...)` where f returns 0 or a negative value.
    if (const auto *Call =
            dyn_cast_or_null<CallExpr>(RHS ? stripCasts(RHS) : nullptr))
      if (const FunctionRule *R = Resolver.ruleForCall(Call, SM);
          R && R->NeverPositive && !R->Pending)
        return Known{Known::Lt, 1};
    if (RHS && AllocFlags.count(V))
      return Known{Known::Ne, 0};
    return Known();
  }

  /// A tracked variable changes: what the context knows of it now.
  void setVar(CtxKey &Key, const Expr *LHS, const Expr *RHS) {
    const VarDecl *V = testableVar(LHS);
    auto It = V ? VarSlot.find(V) : VarSlot.end();
    if (It == VarSlot.end())
      return;
    Key.Vars[It->second] = knownAfter(V, RHS);
  }

  bool transfer(const Stmt *S, Sub &St, CtxKey &Key) {
    if (const auto *Call = dyn_cast<CallExpr>(S))
      return transferCall(Call, St, Key);
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      if (BO->getOpcode() == BO_Assign)
        assign(St, BO->getLHS(), BO->getRHS(), &Key);
      if (BO->isAssignmentOp() && !VarSlot.empty())
        setVar(Key, BO->getLHS(),
               BO->getOpcode() == BO_Assign ? BO->getRHS() : nullptr);
      return true;
    }
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls()) {
        const auto *VD = dyn_cast<VarDecl>(D);
        if (!VD)
          continue;
        const Expr *Init = VD->getInit();
        if (!isLocal(VD)) {
          if (Init)
            release(St, valueOf(Init, St), GoneEscaped, true);
          continue;
        }
        if (!Init) {
          bind(St, Place{VD, nullptr}, {}, nullptr);
          continue;
        }
        if (VD->getType()->isRecordType()) {
          assignRecord(St, Place{VD, nullptr}, false, Init);
          continue;
        }
        AllocSet V = valueOf(Init, St);
        if (V.empty())
          V = memberAddress(VD, Init, St);
        if (VD->hasAttr<CleanupAttr>()) {
          release(St, V, GoneEscaped, true); // freed by the cleanup function
          continue;
        }
        if (const auto *C = dyn_cast<CallExpr>(stripCasts(Init))) {
          auto It = AllocOf.find(C);
          if (It != AllocOf.end() && Allocs[It->second].FailsViaStatus)
            St.Status[VD] = {It->second};
          if (std::optional<AllocId> T = takerOf(C))
            St.Takers[VD] = {*T};
        }
        copyStatus(St, VD, Init);
        for (AllocId A : V)
          if (real(A) && Allocs[A].Name.empty())
            Allocs[A].Name = VD->getName().str();
        bind(St, Place{VD, nullptr}, std::move(V), nullptr);
        if (auto It = VarSlot.find(VD); It != VarSlot.end()) {
          Key.Vars[It->second] = knownAfter(VD, Init);
        }
      }
      return true;
    }
    if (const auto *Ret = dyn_cast<ReturnStmt>(S)) {
      bool Failing = false;
      if (const Expr *V = Ret->getRetValue()) {
        if (FD->hasAttr<ReturnsNonNullAttr>())
          use(St, Ret->getRetValue(), V, true,
              "returned from a returns_nonnull function");
        Failing = failingReturn(Ret, St, Key);
        AllocSet Vals = valueThroughOffset(V, St);
        if (Recording) {
          auto [It, New] = ReturnIndex.try_emplace(Ret, Returns.size());
          if (New)
            Returns.push_back({Ret, true, false});
          ReturnEvent &E = Returns[It->second];
          const bool ZeroSize = zeroSize(Key);
          for (AllocId A : Vals) {
            if (!real(A)) {
              // `if ((p = zmalloc(n)) == NULL) return NULL;` with zmalloc
              // in another unit: NULL here only if zmalloc can return it.
              const Allocation *F =
                  Key.Failed && Key.Failed != ManyFailed && A == NullSentinel
                      ? &Allocs[Key.Failed - 1]
                      : nullptr;
              if (ZeroSize)
                continue;
              if (F && F->Rule && (F->Rule->NullPending || F->Rule->Pending)) {
                if (!llvm::is_contained(E.NullIfFails, Key.Failed - 1))
                  E.NullIfFails.push_back(Key.Failed - 1);
                continue;
              }
              E.MayBeNull = true;
              continue;
            }
            if (Allocs[A].fresh())
              E.HasAlloc = true;
            unsigned char Null = St.get(A).Null;
            bool FromPending = Allocs[A].Rule && (Allocs[A].Rule->Pending ||
                                                  Allocs[A].Rule->NullPending);
            if (((Null & NullIsNull) ||
                 ((Null & NullUnchecked) && !FromPending)) &&
                !ZeroSize)
              E.MayBeNull = true;
            if ((Null & NullUnchecked) && FromPending)
              E.NullAsCallee = true;
            if (!llvm::is_contained(E.Allocs, A))
              E.Allocs.push_back(A);
          }
          // Nothing allocated for nothing: a zero-size path's return says
          // nothing of what the function hands out (`n ? malloc(n) : NULL`,
          // whose value the analysis does not split by arm).
          if (!ZeroSize)
            E.OwnedOrNull &= ownedOrNull(V, St);
        }
        release(St, Vals, GoneReturned, true);
        // `return set_value(obj, v);` with set_value taking v only on
        // success: where it fails, so does this function, and v is still
        // this function's (parson json_object_set_string before 9e1de50).
        if (Recording && !TakerCalls.empty())
          if (const auto *C = dyn_cast<CallExpr>(stripCasts(V)))
            if (takerOf(C)) {
              Sub Failed = St;
              if (giveBack(Failed, C))
                exitAt(Failed, Key, Ret, Ret->getReturnLoc(), true);
            }
      }
      exitAt(St, Key, Ret, Ret->getReturnLoc(), Failing);
      return true;
    }
    if (const auto *U = dyn_cast<UnaryOperator>(S)) {
      if (U->getOpcode() == UO_Deref)
        use(St, U, U->getSubExpr(), true, "dereferenced");
      if (U->isIncrementDecrementOp() && !VarSlot.empty())
        setVar(Key, U->getSubExpr(), nullptr);
      return true;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(S)) {
      use(St, AS, AS->getBase(), true, "indexed");
      return true;
    }
    if (const auto *ME = dyn_cast<MemberExpr>(S)) {
      if (ME->isArrow())
        use(St, ME, ME->getBase(), true, "dereferenced");
      return true;
    }
    return true;
  }

  // --- branch conditions ---------------------------------------------------

  /// Which of a test's values lie in an out-parameter allocator's failure
  /// region, decided on sample values around 0 and the constant compared.
  Branch statusBranch(StringRef Kind, BinaryOperatorKind Op, llvm::APSInt K,
                      bool Truth) {
    std::optional<int64_t> Only = statusEquals(Kind);
    auto Holds = [&](int64_t X) {
      int64_t C = K.getExtValue();
      switch (Op) {
      case BO_LT:
        return X < C;
      case BO_LE:
        return X <= C;
      case BO_GT:
        return X > C;
      case BO_GE:
        return X >= C;
      case BO_EQ:
        return X == C;
      case BO_NE:
        return X != C;
      default:
        return false;
      }
    };
    bool AnyFail = false, AnyOk = false;
    int64_t C = K.getExtValue();
    // "equals K": K itself is a sample, whatever the test compares with.
    int64_t S = Only ? *Only : C;
    for (int64_t X : {int64_t(-2), int64_t(-1), int64_t(0), int64_t(1),
                      int64_t(2), C - 1, C, C + 1, S - 1, S, S + 1}) {
      // The "negative" allocators (asprintf, getline, scandir, ...) return
      // exactly -1 on failure, so "!= -1" proves success.
      if (Kind == "negative" && X < -1)
        continue;
      // getifaddrs returns 0 or -1 and nothing else: `if (rc)`, `rc < 0`
      // and `rc == -1` all test its failure.
      if (Kind == "minus-one" && X != 0 && X != -1)
        continue;
      // 0 or a negative error (`return -ENOMEM;`), never a positive value:
      // `rc < 0`, `rc != 0` and `if (rc)` all test its failure.
      if (Kind == "minus-errno" && X > 0)
        continue;
      if (Holds(X) != Truth)
        continue;
      (statusFails(Kind, X) ? AnyFail : AnyOk) = true;
    }
    if (AnyFail && !AnyOk)
      return Branch::Failed;
    if (AnyOk && !AnyFail)
      return Branch::Succeeded;
    return Branch::Unknown;
  }

  /// `int _ret = (r);` (OpenSC's LOG_TEST_RET): a copy of a status
  /// variable holds the same status.
  void copyStatus(Sub &St, const VarDecl *VD, const Expr *RHS) {
    const auto *D = dyn_cast<DeclRefExpr>(stripCasts(RHS));
    const auto *From = D ? dyn_cast<VarDecl>(D->getDecl()) : nullptr;
    if (!From || From == VD)
      return;
    if (auto It = St.Status.find(From); It != St.Status.end()) {
      AllocSet Copy = It->second;
      St.Status[VD] = std::move(Copy);
    }
    if (auto It = St.Takers.find(From); It != St.Takers.end()) {
      AllocSet Copy = It->second;
      St.Takers[VD] = std::move(Copy);
    }
  }

  /// The index of \p Call in TakerCalls when its callee takes arguments
  /// only on success (FunctionRule::TakesOnSuccess).
  std::optional<AllocId> takerOf(const CallExpr *Call) {
    const FunctionRule *R = ruleOf(Call);
    if (!R || R->TakesOnSuccess.empty() || !R->Status)
      return std::nullopt;
    auto [It, New] = TakerIndex.try_emplace(Call, TakerCalls.size());
    if (New)
      TakerCalls.push_back(Call);
    return AllocId(It->second);
  }

  /// The calls whose status \p E is, among those that take arguments only
  /// on success.
  AllocSet takersOf(const Expr *E, const Sub &St) {
    E = stripCasts(E);
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->getOpcode() == BO_Assign)
      E = stripCasts(BO->getRHS());
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      if (std::optional<AllocId> T = takerOf(C))
        return {*T};
      return {};
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
        if (auto It = St.Takers.find(VD); It != St.Takers.end())
          return It->second;
    return {};
  }

  /// A status test of calls that take arguments only on success: where it
  /// failed, what such a call took is the caller's again.
  void applyTakers(Sub &St, const AllocSet &Ts, BinaryOperatorKind Op,
                   const llvm::APSInt &K, bool Truth) {
    for (AllocId T : Ts) {
      const CallExpr *Call = TakerCalls[T];
      const FunctionRule *R = ruleOf(Call);
      if (!R || !R->Status ||
          statusBranch(*R->Status, Op, K, Truth) != Branch::Failed)
        continue;
      giveBack(St, Call);
    }
  }

  /// What \p Call, which takes arguments only on success, took is the
  /// caller's again (it failed); true if it took anything.
  bool giveBack(Sub &St, const CallExpr *Call) {
    const FunctionRule *R = ruleOf(Call);
    bool Any = false;
    for (unsigned I : R->TakesOnSuccess) {
      if (I >= Call->getNumArgs())
        continue;
      for (AllocId A : valueOf(Call->getArg(I), St)) {
        if (!real(A) || St.get(A).GoneAt != Call)
          continue;
        AllocState &AS = St.mut(A);
        AS.Owned = true;
        AS.Gone &= ~GoneTransferred;
        AS.GoneAt = nullptr;
        Any = true;
      }
    }
    return Any;
  }

  /// The out-parameter allocations whose status \p E is: one, or one per
  /// path that joined (`switch (type) { case A: rc = parse_a(out); break;
  /// case B: rc = parse_b(out); ... } if (rc != OK)`, IoTivity
  /// OCParsePayload); each path bound the variable to its own.
  AllocSet statusOf(const Expr *E, const Sub &St) {
    E = stripCasts(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = St.Status.find(VD);
        if (It != St.Status.end() && It->second.size() > 1 &&
            llvm::all_of(It->second, [&](AllocId A) {
              return Allocs[A].FailsViaStatus && Allocs[A].Rule &&
                     Allocs[A].Rule->Status;
            }))
          return It->second;
      }
    if (std::optional<AllocId> A = statusOfOne(E, St))
      return {*A};
    return {};
  }

  /// The out-parameter allocation whose status \p E is, if any.
  std::optional<AllocId> statusOfOne(const Expr *E, const Sub &St) {
    E = stripCasts(E);
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->getOpcode() == BO_Assign)
      E = stripCasts(BO->getRHS());
    if (const auto *C = dyn_cast<CallExpr>(E)) {
      auto It = AllocOf.find(C);
      if (It != AllocOf.end() && Allocs[It->second].FailsViaStatus &&
          Allocs[It->second].Rule->Status)
        return It->second;
    }
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl())) {
        auto It = St.Status.find(VD);
        if (It != St.Status.end() && It->second.size() == 1)
          return It->second.front();
      }
    return std::nullopt;
  }

  /// What a test does to one context on one edge.
  struct Outcome {
    bool Feasible = true;
    std::optional<AllocId> Failed; ///< a failure test: the context moves
  };

  /// The edge where the allocations in \p Vals are NULL (IsNull) or not.
  Outcome settle(Sub &St, const AllocSet &Vals, bool IsNull) {
    bool HasSentinel = llvm::is_contained(Vals, NullSentinel);
    AllocSet Real;
    for (AllocId A : Vals)
      if (real(A))
        Real.push_back(A);
    Outcome O;
    // It may hold something the analysis does not follow: NULL there says
    // nothing about whether an allocation failed.
    bool Other = mayHoldOther(Vals);
    if (Real.empty()) {
      // Not NULL: infeasible only when NULL is all it can hold (a value
      // not followed on some joined path, UnknownSentinel, may be anything).
      O.Feasible = !(HasSentinel && !IsNull &&
                     !llvm::is_contained(Vals, OpaqueSentinel) &&
                     !llvm::is_contained(Vals, UnknownSentinel));
      return O;
    }
    if (IsNull) {
      if (!HasSentinel && !Other && llvm::all_of(Real, [&](AllocId A) {
            return St.get(A).Null == NullNonNull;
          })) {
        O.Feasible = false;
        return O;
      }
      for (AllocId A : Real)
        if (!O.Failed && !Other && (St.get(A).Null & NullUnchecked))
          O.Failed = A;
      for (AllocId A : Real) {
        St.mut(A).Null = NullIsNull;
        St.mut(A).Owned = false;
      }
      return O;
    }
    if (!HasSentinel && !Other && llvm::all_of(Real, [&](AllocId A) {
          return St.get(A).Null == NullIsNull;
        })) {
      O.Feasible = false;
      return O;
    }
    for (AllocId A : Real) {
      St.mut(A).Null = NullNonNull;
      auto R = St.ReallocOf.find(A);
      if (R != St.ReallocOf.end()) { // realloc succeeded: the old block is gone
        AllocSet Old = R->second;
        St.ReallocOf.erase(R);
        release(St, Old, GoneFreed, false);
      }
    }
    return O;
  }

  /// Before `f(&v)` of an out-parameter allocator: the state of the block
  /// v still holds from the same call's earlier run, if it holds one.
  void rememberPrior(Sub &St, const CallExpr *Call, const FunctionRule &R,
                     AllocId Mine) {
    St.Prior.erase(Mine);
    if (!Allocs[Mine].FailsViaStatus || !R.AllocatesArg ||
        *R.AllocatesArg >= Call->getNumArgs() ||
        St.Allocs.find(Mine) == St.Allocs.end())
      return;
    const auto *U =
        dyn_cast<UnaryOperator>(stripCasts(Call->getArg(*R.AllocatesArg)));
    if (!U || U->getOpcode() != UO_AddrOf)
      return;
    std::optional<Place> P = placeOf(U->getSubExpr(), St, false);
    auto It = P ? St.Points->find(*P) : St.Points->end();
    // (NULL beside it: the first run of a loop, joined with the others.)
    if (It != St.Points->end() && llvm::is_contained(It->second, Mine) &&
        llvm::all_of(It->second,
                     [&](AllocId A) { return A == Mine || A == NullSentinel; }))
      St.Prior[Mine] = St.get(Mine);
  }

  Outcome applyStatus(Sub &St, AllocId A, BinaryOperatorKind Op,
                      const llvm::APSInt &K, bool Truth) {
    Outcome O;
    // The rule of an allocation can change between rounds over a
    // recursive component (a summary refined): no status, no test.
    if (!Allocs[A].Rule || !Allocs[A].Rule->Status)
      return O;
    Branch Br = statusBranch(*Allocs[A].Rule->Status, Op, K, Truth);
    if (Br == Branch::Unknown)
      return O;
    AllocState &AS = St.mut(A);
    auto Prior = St.Prior.find(A);
    if (Br == Branch::Failed) {
      if (AS.Null == NullNonNull) {
        O.Feasible = false;
        return O;
      }
      if (AS.Null & NullUnchecked)
        O.Failed = A;
      AS.Null = NullIsNull;
      AS.Owned = false;
      if (Prior != St.Prior.end()) {
        AS = Prior->second; // the variable still holds the earlier block
        St.Prior.erase(Prior);
      }
      return O;
    }
    if (Prior != St.Prior.end())
      St.Prior.erase(Prior);
    if (AS.Null == NullIsNull)
      O.Feasible = false;
    else
      AS.Null = NullNonNull;
    return O;
  }

  /// A status test of every allocation in \p As: the one of each path.
  Outcome applyStatus(Sub &St, const AllocSet &As, BinaryOperatorKind Op,
                      const llvm::APSInt &K, bool Truth) {
    if (As.size() == 1)
      return applyStatus(St, As.front(), Op, K, Truth);
    Outcome O;
    bool AnyFeasible = false, Any = false;
    for (AllocId A : As) {
      if (St.Allocs.find(A) == St.Allocs.end())
        continue;
      Any = true;
      Outcome One = applyStatus(St, A, Op, K, Truth);
      AnyFeasible |= One.Feasible;
      if (!O.Failed)
        O.Failed = One.Failed;
    }
    O.Feasible = AnyFeasible || !Any;
    return O;
  }

  /// `arr` (an array decaying to its first element) or `&v`: the address
  /// of a variable's own storage, never heap memory.
  static bool addressOfVariable(const Expr *E) {
    E = stripCasts(E);
    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return isa<VarDecl>(DRE->getDecl()) && !isa<ParmVarDecl>(DRE->getDecl()) &&
             DRE->getType()->isArrayType();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_AddrOf) {
      const auto *DRE = dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParens());
      return DRE && isa<VarDecl>(DRE->getDecl()) &&
             !DRE->getDecl()->getType()->isReferenceType();
    }
    return false;
  }

  /// The pointer test a flag tested by \p B's branch was just set from:
  /// `*malloc_failed = new_ht_table == NULL; if (*malloc_failed) return
  /// DICT_ERR;` (redis _dictResize), `failed = !p; if (failed)`.  Only an
  /// assignment earlier in the same block, with no call that may change a
  /// flag reached through a pointer, and no assignment to the tested
  /// pointer in between.
  const Expr *flagSource(const CFGBlock *B, const Expr *Flag) const {
    if (!B || Flag->getType()->isPointerType())
      return nullptr;
    // The flag: a variable, or the object a pointer variable points to.
    auto DeclOf = [](const Expr *E, bool &Deref) -> const ValueDecl * {
      E = E->IgnoreParenImpCasts();
      Deref = false;
      if (const auto *U = dyn_cast<UnaryOperator>(E);
          U && U->getOpcode() == UO_Deref) {
        Deref = true;
        E = U->getSubExpr()->IgnoreParenImpCasts();
      }
      const auto *DRE = dyn_cast<DeclRefExpr>(E);
      return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
    };
    bool FlagDeref;
    const ValueDecl *FlagVar = DeclOf(Flag, FlagDeref);
    if (!FlagVar)
      return nullptr;
    llvm::SmallPtrSet<const ValueDecl *, 4> AssignedAfter;
    for (auto I = B->rbegin(); I != B->rend(); ++I) {
      std::optional<CFGStmt> CS = compat::toStdOptional(I->getAs<CFGStmt>());
      if (!CS)
        continue;
      const Stmt *S = CS->getStmt();
      if (FlagDeref && isa<CallExpr>(S))
        return nullptr;
      const Expr *Source = nullptr;
      if (const auto *BO = dyn_cast<BinaryOperator>(S);
          BO && BO->isAssignmentOp()) {
        bool Deref;
        const ValueDecl *To = DeclOf(BO->getLHS(), Deref);
        if (To == FlagVar && Deref == FlagDeref) {
          if (BO->getOpcode() != BO_Assign)
            return nullptr;
          Source = BO->getRHS();
        } else if (To && !Deref) {
          AssignedAfter.insert(To);
          continue;
        } else {
          continue;
        }
      } else if (const auto *DS = dyn_cast<DeclStmt>(S);
                 DS && DS->isSingleDecl() && DS->getSingleDecl() == FlagVar &&
                 !FlagDeref) {
        Source = cast<VarDecl>(FlagVar)->getInit();
      }
      if (!Source)
        continue;
      // A test of a pointer variable against NULL.
      const Expr *T = stripCasts(Source);
      const Expr *Ptr = nullptr;
      if (const auto *U = dyn_cast<UnaryOperator>(T);
          U && U->getOpcode() == UO_LNot)
        Ptr = stripCasts(U->getSubExpr());
      else if (const auto *C = dyn_cast<BinaryOperator>(T);
               C && (C->getOpcode() == BO_EQ || C->getOpcode() == BO_NE)) {
        const Expr *L = stripCasts(C->getLHS()), *R = stripCasts(C->getRHS());
        if (R->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull))
          Ptr = L;
        else if (L->isNullPointerConstant(Ctx,
                                          Expr::NPC_ValueDependentIsNotNull))
          Ptr = R;
      }
      const auto *PtrRef = dyn_cast_or_null<DeclRefExpr>(Ptr);
      if (!PtrRef || !Ptr->getType()->isPointerType() ||
          AssignedAfter.count(PtrRef->getDecl()))
        return nullptr;
      return T;
    }
    return nullptr;
  }

  /// flagSource() once per block and condition, not once per context.
  const Expr *cachedFlagSource(const CFGBlock *B, const Expr *Flag) {
    if (!B || Flag->getType()->isPointerType())
      return nullptr;
    auto [It, New] = FlagSources.try_emplace({B, Flag}, nullptr);
    if (New)
      It->second = flagSource(B, Flag);
    return It->second;
  }
  llvm::DenseMap<std::pair<const CFGBlock *, const Expr *>, const Expr *>
      FlagSources;

  /// What test() reads of a branch condition that no context changes,
  /// worked out once per block: the expression tested past negations,
  /// `__builtin_expect` and a flag's source, and for a comparison its sides,
  /// their integer and null constants and whether either is a variable's
  /// own storage.
  struct Shape {
    const Expr *E = nullptr;
    bool Negated = false;
    const BinaryOperator *Cmp = nullptr;
    const Expr *L = nullptr, *R = nullptr;
    std::optional<llvm::APSInt> KR, KL; ///< KL only when R is no constant
    bool AddrR = false, AddrL = false;
    bool NullR = false, NullL = false; ///< NullL only when R is no null
  };
  llvm::DenseMap<const CFGBlock *, Shape> Shapes;

  const Shape &shapeOf(const CFGBlock *B, const Expr *Cond) {
    auto [It, New] = Shapes.try_emplace(B);
    Shape &Sh = It->second;
    if (!New)
      return Sh;
    const Expr *E = stripCasts(Cond);
    bool Substituted = false;
    while (true) {
      if (!Substituted)
        if (const Expr *Src = cachedFlagSource(B, E)) {
          Substituted = true;
          E = Src;
          continue;
        }
      if (const auto *U = dyn_cast<UnaryOperator>(E);
          U && U->getOpcode() == UO_LNot) {
        Sh.Negated = !Sh.Negated;
        E = stripCasts(U->getSubExpr());
        continue;
      }
      // `if (__builtin_expect(!!(p == NULL), 0))` (libevent's
      // EVUTIL_UNLIKELY, the kernel's unlikely()): the hint tests its
      // first argument.
      if (const auto *C = dyn_cast<CallExpr>(E);
          C && C->getNumArgs() >= 1 &&
          (C->getBuiltinCallee() == Builtin::BI__builtin_expect ||
           C->getBuiltinCallee() ==
               Builtin::BI__builtin_expect_with_probability)) {
        E = stripCasts(C->getArg(0));
        continue;
      }
      // `c ? (..., 1) : (..., 0)` (libyaml's STACK_INIT: `(s.start =
      // yaml_malloc(n)) ? (s.top = s.start, ..., 1) : (ctx->error =
      // YAML_MEMORY_ERROR, 0)`): true exactly where c is.
      if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
        auto Value = [&](const Expr *X) -> std::optional<bool> {
          X = stripCasts(X);
          for (const auto *Comma = dyn_cast<BinaryOperator>(X);
               Comma && Comma->getOpcode() == BO_Comma;
               Comma = dyn_cast<BinaryOperator>(X))
            X = stripCasts(Comma->getRHS());
          if (std::optional<llvm::APSInt> K =
                  compat::toStdOptional(X->getIntegerConstantExpr(Ctx)))
            return K->getBoolValue();
          return std::nullopt;
        };
        std::optional<bool> T = Value(CO->getTrueExpr()),
                            F = Value(CO->getFalseExpr());
        if (T && F && *T != *F) {
          Sh.Negated ^= !*T;
          E = stripCasts(CO->getCond());
          continue;
        }
      }
      break;
    }
    Sh.E = E;
    if (const auto *BO = dyn_cast<BinaryOperator>(E);
        BO && BO->isComparisonOp()) {
      Sh.Cmp = BO;
      Sh.L = stripCasts(BO->getLHS());
      Sh.R = stripCasts(BO->getRHS());
      Sh.KR = compat::toStdOptional(Sh.R->getIntegerConstantExpr(Ctx));
      if (!Sh.KR)
        Sh.KL = compat::toStdOptional(Sh.L->getIntegerConstantExpr(Ctx));
      BinaryOperatorKind Op = BO->getOpcode();
      if (Op == BO_EQ || Op == BO_NE) {
        Sh.AddrR = addressOfVariable(Sh.R);
        Sh.AddrL = !Sh.AddrR && addressOfVariable(Sh.L);
        Sh.NullR =
            Sh.R->isNullPointerConstant(Ctx, Expr::NPC_ValueDependentIsNotNull);
        Sh.NullL = !Sh.NullR && Sh.L->isNullPointerConstant(
                                    Ctx, Expr::NPC_ValueDependentIsNotNull);
      }
    }
    return Sh;
  }

  /// A branch shape read as a status comparison `X op K`: `rc < 0`,
  /// `0 > rc` (reversed to `rc < 0`), or a truth test `if (rc)` (`rc != 0`).
  struct StatusCmp {
    const Expr *X;
    BinaryOperatorKind Op;
    llvm::APSInt K;
  };
  static std::optional<StatusCmp> statusCmp(const Shape &Sh) {
    if (const BinaryOperator *BO = Sh.Cmp) {
      if (Sh.KR)
        return StatusCmp{Sh.L, BO->getOpcode(), *Sh.KR};
      if (Sh.KL)
        return StatusCmp{Sh.R,
                         BinaryOperator::reverseComparisonOp(BO->getOpcode()),
                         *Sh.KL};
      return std::nullopt;
    }
    return StatusCmp{Sh.E, BO_NE, llvm::APSInt(llvm::APInt(32, 0), false)};
  }

  /// The test the branch condition of \p B makes, in one context.
  Outcome test(const CFGBlock *B, const Expr *Cond, bool Truth, Sub &St) {
    const Shape &Sh = shapeOf(B, Cond);
    if (Sh.Negated)
      Truth = !Truth;
    const Expr *E = Sh.E;
    llvm::APSInt Zero(llvm::APInt(32, 0), false);
    // status OP constant: what a call that takes arguments only on success
    // took is the caller's again where it failed, and an out-parameter
    // allocation exists only where it succeeded.
    if (std::optional<StatusCmp> SC = statusCmp(Sh)) {
      if (!TakerCalls.empty())
        if (AllocSet T = takersOf(SC->X, St); !T.empty())
          applyTakers(St, T, SC->Op, SC->K, Truth);
      if (AllocSet A = statusOf(SC->X, St); !A.empty())
        return applyStatus(St, A, SC->Op, SC->K, Truth);
    }
    if (const BinaryOperator *BO = Sh.Cmp) {
      const Expr *L = Sh.L, *R = Sh.R;
      BinaryOperatorKind Op = BO->getOpcode();
      if (Op != BO_EQ && Op != BO_NE)
        return {};
      // `buf != staticbuf`: a heap block is never a variable's storage.
      // Where the pointer equals it, a context in which the pointer holds
      // only allocations is infeasible (hiredis sdscatvprintf: `if (buf !=
      // staticbuf) free(buf);` in a loop that grows `buf`).
      if (Truth == (Op == BO_EQ)) {
        const Expr *X = Sh.AddrR ? L : Sh.AddrL ? R : nullptr;
        if (X && X->getType()->isPointerType()) {
          AllocSet V = valueOf(X, St);
          Outcome O;
          O.Feasible = V.empty() || !llvm::all_of(V, real);
          return O;
        }
      }
      const Expr *X = Sh.NullR ? L : Sh.NullL ? R : nullptr;
      if (!X)
        return {};
      if (AllocSet A = statusOf(X, St); !A.empty())
        return applyStatus(St, A, Op, Zero, Truth);
      if (!X->getType()->isPointerType())
        return {};
      return settle(St, valueOf(X, St), Truth == (Op == BO_EQ));
    }
    if (const auto *ME = dyn_cast<MemberExpr>(E))
      if (!ME->getType()->isPointerType())
        return failureFlag(St, ME, Truth);
    if (!E->getType()->isPointerType())
      return {};
    return settle(St, valueOf(E, St), /*IsNull=*/!Truth);
  }

  /// A test of a family's failure flag (SQLite's db->mallocFailed): where it
  /// is clear, the family's unchecked allocations succeeded; where it is set,
  /// they failed: the family's allocators return NULL once the flag is set,
  /// as SQLite's do.
  Outcome failureFlag(Sub &St, const MemberExpr *ME, bool Set) {
    Outcome O;
    std::optional<std::string> Family =
        Resolver.model().failureFlagFamily(ME->getMemberDecl()->getName());
    if (!Family)
      return O;
    for (auto &[A, AS] : St.Allocs) {
      if (!AS.Allocated || !(AS.Null & NullUnchecked) ||
          !Allocs[A].fresh() || Allocs[A].Rule->Family != *Family)
        continue;
      if (Set) {
        if (!O.Failed)
          O.Failed = A;
        AS.Null = NullIsNull;
        AS.Owned = false;
      } else {
        AS.Null = NullNonNull;
      }
    }
    return O;
  }

  /// Refines \p St for the edge to successor \p Succ (0: condition true).
  /// Contexts the test proves impossible are dropped; a failure test moves
  /// the normal context to the failed allocation's.
  State refine(const CFGBlock *B, unsigned Succ, State St) {
    if (const auto *SW = dyn_cast_or_null<SwitchStmt>(B->getTerminatorStmt()))
      return refineCase(B, Succ, SW, std::move(St));
    if (B->succ_size() != 2 || !B->getTerminatorStmt())
      return St;
    const Expr *Cond = B->getLastCondition();
    if (!Cond)
      return St;
    bool Truth = Succ == 0;
    const std::optional<VarTest> *VT = nullptr;
    if (!VarSlot.empty() || !ConstLocals.empty()) {
      auto [It, New] = VarTests.try_emplace(B);
      if (New)
        It->second = varTest(Cond, Ctx);
      VT = &It->second;
    }
    auto Slot = VT && *VT ? slotOf((*VT)->Var) : VarSlot.end();
    // A macro's copy of a constant (`int _ret = (SC_ERROR_OUT_OF_MEMORY);
    // if (_ret < 0) return _ret;`, never assigned again): the test is
    // decided, on every path.
    if (VT && *VT)
      if (auto C = ConstLocals.find((*VT)->Var); C != ConstLocals.end())
        if (std::optional<bool> D =
                decide(Known{Known::Eq, C->second}, (*VT)->Op, (*VT)->C);
            D && *D != Truth)
          return State();
    return refineEach(std::move(St), [&](CtxKey &Key, Sub &S) {
      // A test of a tracked variable: decided by what the context knows,
      // or teaching it.
      if (Slot != VarSlot.end()) {
        Known &K = Key.Vars[Slot->second];
        std::optional<bool> D = decide(K, (*VT)->Op, (*VT)->C);
        if (D && *D != Truth)
          return Outcome{false, std::nullopt};
        if (!D)
          if (std::optional<Known> L = learn((*VT)->Op, (*VT)->C, Truth))
            K = combine(K, *L);
      }
      return test(B, Cond, Truth, S);
    });
  }
  /// The tracked-variable test of each branch block, once.
  llvm::DenseMap<const CFGBlock *, std::optional<VarTest>> VarTests;

  /// Refines every context of \p St along one edge: \p Edge applies the
  /// edge's test to a context's key and state; a context where it cannot
  /// hold is dropped, one where it shows an allocation failed moves to that
  /// failure's context.
  /// The contexts' new keys and whether each lives on, kept between blocks
  /// and edges so that their storage is reused (a function of SQLite's
  /// carries up to 12 contexts).
  std::vector<std::pair<CtxKey, bool>> BlockKeys, EdgeKeys;

  template <typename F> State refineEach(State St, F Edge) {
    // In place, as transferBlock: rebuilt only when a context is dropped or
    // moves to a failure's context.
    auto &Keys = EdgeKeys;
    Keys.clear();
    bool Rekey = false;
    for (auto &[C, S] : St.Ctx) {
      CtxKey Key = C;
      Outcome O = Edge(Key, S);
      if (O.Feasible && Key.Failed == 0 && O.Failed)
        Key.Failed = *O.Failed + 1;
      Rekey |= !O.Feasible || !(Key == C);
      Keys.emplace_back(std::move(Key), O.Feasible);
    }
    if (Rekey) {
      State Out;
      unsigned I = 0;
      for (auto &KS : St.Ctx) {
        auto &[Key, Feasible] = Keys[I++];
        if (Feasible)
          Out.add(Key, std::move(KS.second));
      }
      St = std::move(Out);
    }
    bound(St, Vars.size(), Limit);
    return St;
  }

  /// The edge of a `switch` on a status to its `case K:` (curl's
  /// `switch(file2memory(&data, ...)) { case PARAM_NO_MEM: return m; ...}`):
  /// the status equals K there, so an out-parameter allocator's failure
  /// leaves nothing on that path; on the `default:` edge it differs from
  /// every case's constant.
  State refineCase(const CFGBlock *B, unsigned Succ, const SwitchStmt *SW,
                   State St) {
    const CFGBlock *To = (B->succ_begin() + Succ)->getReachableBlock();
    const Stmt *Label = To ? To->getLabel() : nullptr;
    if (!Label || !SW->getCond() || !isa<CaseStmt, DefaultStmt>(Label))
      return St;
    const Expr *E = stripCasts(SW->getCond());
    if (llvm::none_of(St.Ctx, [&](auto &KS) {
          return !statusOf(E, KS.second).empty();
        }))
      return St; // a switch on anything else: nearly every one
    auto Constant = [&](const SwitchCase *SC) -> std::optional<llvm::APSInt> {
      const auto *CS = dyn_cast<CaseStmt>(SC);
      if (!CS || CS->getRHS())
        return std::nullopt;
      return compat::toStdOptional(CS->getLHS()->getIntegerConstantExpr(Ctx));
    };
    // What the edge says: == K for a case, != each case's K for default.
    llvm::SmallVector<std::pair<BinaryOperatorKind, llvm::APSInt>, 4> Tests;
    if (const auto *CS = dyn_cast<CaseStmt>(Label)) {
      std::optional<llvm::APSInt> K = Constant(CS);
      if (!K)
        return St;
      Tests.push_back({BO_EQ, *K});
    } else {
      for (const SwitchCase *SC = SW->getSwitchCaseList(); SC;
           SC = SC->getNextSwitchCase())
        if (isa<CaseStmt>(SC)) {
          std::optional<llvm::APSInt> K = Constant(SC);
          if (!K)
            return St; // a range: what default means is not spelt out
          Tests.push_back({BO_NE, *K});
        }
    }
    return refineEach(std::move(St), [&](CtxKey &, Sub &S) {
      Outcome Edge;
      AllocSet A = statusOf(E, S);
      if (A.empty())
        return Edge;
      for (const auto &[Op, K] : Tests) {
        Outcome O = applyStatus(S, A, Op, K, /*Truth=*/true);
        if (!O.Feasible)
          return O;
        if (!Edge.Failed)
          Edge.Failed = O.Failed;
      }
      return Edge;
    });
  }

  // --- driver --------------------------------------------------------------

  /// Runs a block over every context; contexts that end are dropped.
  void transferBlock(const CFGBlock *B, State &St) {
    const CFGBlock &Exit = Cfg->getExit();
    bool ToExit = B != &Exit && llvm::any_of(B->succs(), [&](const auto &S) {
                    return S.getReachableBlock() == &Exit;
                  });
    const Stmt *Last = nullptr;
    for (const CFGElement &E : llvm::reverse(*B))
      if (std::optional<CFGStmt> S = compat::toStdOptional(E.getAs<CFGStmt>())) {
        Last = S->getStmt();
        break;
      }
    CurBlock = B;
    // Each context runs through the block in place; the state is rebuilt
    // only when a context ended or its key changed (a tracked variable set),
    // which few blocks do.
    auto &Keys = BlockKeys;
    Keys.clear();
    bool Rekey = false;
    for (auto &[K, Sub0] : St.Ctx) {
      CtxKey Key = K;
      Sub &S = Sub0;
      bool Alive = true;
      dropDead(S, B);
      for (const CFGElement &E : *B) {
        if (std::optional<CFGStmt> Stm = compat::toStdOptional(E.getAs<CFGStmt>())) {
          Alive = transfer(Stm->getStmt(), S, Key);
          if (Alive && !ExternalAt.empty())
            defineExternals(Stm->getStmt(), S);
        }
        else if (std::optional<CFGLifetimeEnds> LE = compat::toStdOptional(E.getAs<CFGLifetimeEnds>()))
          scopeEnd(S, Key, *LE);
        if (!Alive)
          break;
      }
      Rekey |= !Alive || !(Key == K);
      Keys.emplace_back(std::move(Key), Alive);
    }
    if (Rekey) {
      State Out;
      unsigned I = 0;
      for (auto &KS : St.Ctx) {
        auto &[Key, Alive] = Keys[I++];
        if (Alive)
          Out.add(Key, std::move(KS.second));
      }
      St = std::move(Out);
    }
    State &Out = St;
    bound(Out, Vars.size(), Limit);
    // Falling off the end of the function: on the edge to the exit, which
    // a condition may refine (`if (p) free(p); }`).
    if (ToExit && !(Last && isa<ReturnStmt>(Last)))
      if (const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody())) {
        unsigned Idx = 0;
        for (const CFGBlock::AdjacentBlock &S : B->succs()) {
          if (S.getReachableBlock() == &Exit) {
            State Edge = refine(B, Idx, Out);
            for (auto &[K, Sub1] : Edge.Ctx)
              exitAt(Sub1, K, nullptr, Body->getRBracLoc(), false);
          }
          ++Idx;
        }
      }
  }

  // --- liveness ------------------------------------------------------------

  /// Variables referenced in the function, and per block those referenced
  /// in it or in a block after it (live on entry), when the function has
  /// enough of them for the bindings of dead ones to weigh (long generated
  /// functions): their places are dropped, their memory forgotten.
  llvm::DenseMap<const VarDecl *, unsigned> VarIndex;
  std::vector<llvm::BitVector> LiveIn;

  void computeLiveness() {
    constexpr unsigned Threshold = 32;
    std::vector<llvm::SmallVector<unsigned, 4>> Refs(Cfg->getNumBlockIDs());
    for (const CFGBlock *B : *Cfg)
      for (const CFGElement &E : *B)
        if (std::optional<CFGStmt> S = compat::toStdOptional(E.getAs<CFGStmt>()))
          if (const auto *DRE = dyn_cast<DeclRefExpr>(S->getStmt()))
            if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
                VD && VD->hasLocalStorage()) {
              auto [It, New] = VarIndex.try_emplace(VD, VarIndex.size());
              Refs[B->getBlockID()].push_back(It->second);
            }
    if (VarIndex.size() < Threshold) {
      VarIndex.clear();
      return;
    }
    LiveIn.assign(Cfg->getNumBlockIDs(), llvm::BitVector(VarIndex.size()));
    for (unsigned I = 0; I < Refs.size(); ++I)
      for (unsigned V : Refs[I])
        LiveIn[I].set(V);
    // Backward, to a fixpoint: live on entry = used here or live after.
    // PostOrderCFGView iterates in reverse post-order (for forward
    // problems); a backward problem wants successors first: post-order,
    // which settles an acyclic CFG in one pass (plus one to confirm).
    PostOrderCFGView POV(Cfg.get());
    std::vector<const CFGBlock *> PostOrder(POV.begin(), POV.end());
    std::reverse(PostOrder.begin(), PostOrder.end());
    bool Changed = true;
    while (Changed) {
      Changed = false;
      for (const CFGBlock *B : PostOrder)
        for (const CFGBlock::AdjacentBlock &Succ : B->succs())
          if (const CFGBlock *S = Succ.getReachableBlock()) {
            llvm::BitVector &In = LiveIn[B->getBlockID()];
            const llvm::BitVector &Out = LiveIn[S->getBlockID()];
            // Changed unless Out adds nothing: Out minus In is empty.
            if (!Changed && Out.test(In))
              Changed = true;
            In |= Out;
          }
    }
  }

  /// A variable of an inner scope goes out of scope: the allocations only it
  /// (or its fields) held are lost there, a leak at that point (recorded as
  /// a ScopeEnd leak, and no longer owned, so no later exit reports it
  /// again).  Exits (`return`) and the function's own scope are the exits'
  /// to report.
  void scopeEnd(Sub &St, const CtxKey &Key, const CFGLifetimeEnds &LE) {
    const VarDecl *VD = LE.getVarDecl();
    const Stmt *Trigger = LE.getTriggerStmt();
    if (!VD || !Trigger || isa<ReturnStmt>(Trigger) || Trigger == FD->getBody())
      return;
    AllocSet Held;
    for (const auto &[P, V] : *St.Points)
      if (P.Var == VD)
        unionInto(Held, V);
    if (Held.empty())
      return;
    AllocSet Object;
    {
      FlatMap<Place, AllocSet> &Points = St.Points.mut();
      if (auto It = Points.find(Place{VD, nullptr}); It != Points.end())
        Object = It->second;
      auto [First, Last] = Points.run(
          Place{VD, nullptr}, [&](const Place &Q) { return Q.Var == VD; });
      Points.erase(First, Last);
    }
    // The variable's object outlives it (another place points to it): the
    // fields' memory stays in the object.
    if ((VD->getType()->isPointerType() && !hasAlloc(Object)) ||
        llvm::any_of(Object, [&](AllocId A) { return real(A) && reachable(St, A); }))
      for (AllocId A : Held)
        if (!llvm::is_contained(Object, A) && !reachable(St, A))
          release(St, {A}, GoneEscaped, true);
    SourceLocation Loc;
    if (const auto *CS = dyn_cast<CompoundStmt>(Trigger))
      Loc = CS->getRBracLoc();
    else
      Loc = Trigger->getBeginLoc();
    Loc = SM.getFileLoc(Loc);
    unsigned Context = Key.Failed;
    for (AllocId A : Held) {
      if (!real(A) || reachable(St, A))
        continue;
      auto It = St.Allocs.find(A);
      if (It == St.Allocs.end())
        continue;
      bool IsLost = ownedOnly(It->second, A, Context);
      const bool Copied = It->second.Copied;
      if (IsLost)
        It->second.Owned = false;
      // Out of reach now: released memory (or lost memory, reported once
      // here) is forgotten, as when its variable is reassigned.
      forgetIfDead(St, A);
      if (IsLost)
        if (LeakEvent *L = recordLoss(
                Trigger, isa<CompoundStmt>(Trigger) ? nullptr : Trigger, Loc, A,
                Context, Copied))
          L->ScopeEnd = true;
    }
  }

  /// \p A, in state \p AS on a path of failure context \p Context, is
  /// memory this function owns and nothing else holds, lent or released:
  /// lost when its last pointer goes.  Not the allocation whose failure the
  /// context follows (NULL), nor one known NULL.
  bool ownedOnly(const AllocState &AS, AllocId A, unsigned Context) const {
    return AS.Owned && !AS.Lent && !AS.Gone && AS.Null != NullIsNull &&
           Allocs[A].fresh() &&
           !(Context != 0 && Context != ManyFailed && Context - 1 == A);
  }

  /// Records \p A lost at \p At (not an exit of the function), once per
  /// place, allocation and failure context, while recording; the event, to
  /// say how it was lost, or null.
  LeakEvent *recordLoss(const Stmt *At, const Stmt *Exit, SourceLocation Loc,
                        AllocId A, unsigned Context, bool Copied) {
    if (!Recording)
      return nullptr;
    std::optional<AllocId> Failed;
    if (Context != 0 && Context != ManyFailed)
      Failed = Context - 1;
    auto SeenKey =
        std::make_tuple((const void *)At, A, Failed ? int(*Failed) : -1);
    auto [Seen, New] = SeenLeak.try_emplace(SeenKey, Leaks.size());
    if (!New) {
      Leaks[Seen->second].AfterCopy |= Copied;
      return nullptr;
    }
    Leaks.push_back(LeakEvent{Exit, Loc, A, Failed, Context != 0});
    Leaks.back().AfterCopy = Copied;
    return &Leaks.back();
  }

  /// Forgets the places of variables dead on entry to \p B.
  void dropDead(Sub &St, const CFGBlock *B) {
    if (LiveIn.empty())
      return;
    const llvm::BitVector &Live = LiveIn[B->getBlockID()];
    auto Dead = [&](const Place &P) {
      auto V = VarIndex.find(P.Var);
      return V != VarIndex.end() && !Live.test(V->second);
    };
    if (llvm::none_of(*St.Points, [&](const auto &E) { return Dead(E.first); }))
      return;
    AllocSet Dropped;
    FlatMap<Place, AllocSet> &Points = St.Points.mut();
    for (auto It = Points.begin(); It != Points.end();) {
      if (!Dead(It->first)) {
        ++It;
        continue;
      }
      unionInto(Dropped, It->second);
      It = Points.erase(It);
    }
    for (AllocId A : Dropped)
      if (real(A))
        forgetIfDead(St, A);
  }

  /// An integer type named as a boolean (`typedef int cJSON_bool`,
  /// gboolean, BOOL): 0 is false, the failure.
  static bool boolTypedef(QualType T) {
    if (!T->isIntegralOrEnumerationType())
      return false;
    while (const auto *TT = T->getAs<TypedefType>()) {
      if (StringRef(TT->getDecl()->getName()).lower().find("bool") !=
          std::string::npos)
        return true;
      T = TT->desugar();
    }
    return false;
  }

  /// The variables that keep contexts apart, and how the function reports
  /// failure.
  void pickVariables() {
    QualType RT = FD->getReturnType();
    if (RT->isPointerType())
      RetKind = ReturnKind::Pointer;
    else if (RT->isBooleanType() || boolTypedef(RT))
      RetKind = ReturnKind::Bool;
    else if (RT->isIntegralOrEnumerationType())
      RetKind = ReturnKind::Int;
    if (const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody()))
      if (!Body->body_empty())
        if (const auto *Ret = successReturn(Body))
          if (Ret->getRetValue() && RetKind != ReturnKind::Pointer) {
            SuccessValue = constantOf(Ret->getRetValue(), Ctx);
            // `int rc = OK; ... return rc;`: the status starts as success.
            if (!SuccessValue)
              if (const VarDecl *V = testableVar(Ret->getRetValue()))
                if (V->getInit())
                  SuccessValue = constantOf(V->getInit(), Ctx);
          }
          else if (Ret->getRetValue())
            NullIsResult = Ret->getRetValue()->isNullPointerConstant(
                Ctx, Expr::NPC_ValueDependentIsNotNull);
    VariablePicker P(Ctx, Resolver, ExternalVars);
    P.walk(FD->getBody());
    // `return 0;` on success and an error constant last (`... return
    // ERR_NOT_FOUND; }`): 0 and negative errors, not the other way round.
    if (SuccessValue && *SuccessValue < 0 && P.ZeroReturn)
      SuccessValue = 0;
    NegativeFailure = P.NegativeReturn && SuccessValue && *SuccessValue >= 0;
    // Only 0 (negative values fail already): a positive one (SQLite's
    // SQLITE_NOMEM where `return rc;` hides SQLITE_OK) says 0 succeeds,
    // and which other values fail is not known.
    if (!SuccessValue && RetKind == ReturnKind::Int)
      if (std::optional<int64_t> F = allocationFailureValue(FD, Ctx, Resolver);
          F == 0)
        FailureValue = F;
    for (auto &[V, I] : P.Vars) {
      if (I.InitConst && I.Assigns == 1 && !I.Excluded)
        ConstLocals[V] = *I.InitConst;
      if (I.hookOnly())
        HookLocals.insert(V);
    }
    for (const auto &[Copy, Of] : P.Copies)
      if (P.Vars.lookup(Copy).Assigns == 1 && !P.Vars.lookup(Copy).Excluded)
        CopyOf[Copy] = Of;
    std::vector<std::pair<const VarDecl *, VariablePicker::Info>> Cands;
    for (auto &[V, I] : P.Vars) {
      if (I.Excluded || CopyOf.count(V))
        continue;
      bool Status = I.Returns > 0 && RetKind != ReturnKind::None &&
                    V->getType()->isIntegralOrEnumerationType();
      // The size a pointer function allocates, tested for 0 (redis
      // `zrealloc`: `if (!ptr && size != 0) oom(size); return ptr;`).
      bool Size = RetKind == ReturnKind::Pointer && isa<ParmVarDecl>(V) &&
                  I.ZeroTested && I.Assigns == 0 &&
                  llvm::any_of(I.ArgOf, [&](const CallExpr *C) {
                    return Resolver.allocation(C, Ctx) != nullptr;
                  });
      if (Size)
        ZeroSizeParams.insert(V);
      if (!Status && !Size &&
          !(I.Tests >= 1 && (I.ConstAssigned || I.Tests >= 2)))
        continue;
      // A computed value guarding only a release (`n = strlen(p); ...
      // if (n) free(p);`): splitting on it separates paths by what the
      // analysis cannot know; joined, the release settles them.
      bool Flag = I.setWithAlloc(V);
      if (!Status && I.GuardsFree && !I.GuardsAlloc && I.OtherAssigned &&
          !Flag && I.ExternalFrees < 2)
        continue;
      if (Flag)
        AllocFlags.insert(V);
      if (Status)
        I.Tests += 1000; // first
      else if ((I.GuardsAlloc && I.GuardsFree) || I.ExternalFrees >= 2)
        I.Tests += 500; // then the guards of correlated allocations, or of
                        // two frees of an external value
      else if (I.GuardsFree && I.ConstAssigned && !I.OtherAssigned)
        I.Tests += 400; // and flags that say a release is due (`if
                        // (contalloc) free(content);`, curl var.c)
      Cands.push_back({V, I});
    }
    llvm::stable_sort(Cands, [](const auto &A, const auto &B) {
      return A.second.Tests > B.second.Tests;
    });
    constexpr size_t MaxVars = 4;
    for (const auto &[V, I] : Cands) {
      if (Vars.size() == MaxVars)
        break;
      VarSlot[V] = Vars.size();
      Vars.push_back(V);
    }
  }

  /// The values of the variables the function frees and names again after
  /// the free (other than to assign them), which it did not allocate: one
  /// External allocation per definition of such a variable (ExternalAt).
  /// False when there is none.
  bool addExternals(const BodyScan &Scan) {
    llvm::SmallVector<const VarDecl *, 4> Vars;
    for (const BodyScan::Free &F : Scan.Frees) {
      if (llvm::is_contained(Vars, F.Var))
        continue;
      if (const auto *P = dyn_cast<ParmVarDecl>(F.Var);
          P && llvm::is_contained(TrackedParams, P->getFunctionScopeIndex()))
        continue; // followed as a parameter already
      SourceLocation End = SM.getExpansionLoc(F.Call->getEndLoc());
      if (llvm::any_of(Scan.Refs, [&](const auto &R) {
            return R.first == F.Var &&
                   SM.isBeforeInTranslationUnit(End,
                                                SM.getExpansionLoc(R.second));
          }))
        Vars.push_back(F.Var);
    }
    // The variables that may hold a value the function did not allocate:
    // a parameter, or one given a value other than an allocation or NULL.
    for (const VarDecl *V : Vars) {
      bool Other = isa<ParmVarDecl>(V);
      for (const auto &[Site, W] : Scan.Defs) {
        if (W != V || Other)
          continue;
        const Expr *Value = nullptr;
        if (Site == V)
          Value = V->getInit();
        else if (const auto *B = dyn_cast<BinaryOperator>(
                     static_cast<const Stmt *>(Site));
                 B && B->getOpcode() == BO_Assign)
          Value = B->getRHS();
        else
          Other = true; // a call given its address, ++, +=
        if (Value) {
          const auto *C = dyn_cast<CallExpr>(stripCasts(Value));
          Other |= !nullConstant(Value) &&
                   !(C && Resolver.allocation(C, Ctx));
        } else if (Site == V) {
          Other = true; // declared without a value
        }
      }
      if (Other)
        ExternalVars.push_back(V);
    }
    // Each definition is one more allocation the states carry: a function
    // redefining its variables many times keeps the first few.
    constexpr size_t MaxExternals = 12;
    auto Add = [&](const void *Site, const VarDecl *V, SourceLocation Loc) {
      if (ExternalCount == MaxExternals)
        return;
      Allocation A;
      A.External = true;
      A.Loc = SM.getFileLoc(Loc);
      A.Line = SM.getPresumedLineNumber(A.Loc);
      A.Name = V->getName().str();
      ExternalAt[Site].push_back({V, AllocId(Allocs.size())});
      Allocs.push_back(std::move(A));
      ++ExternalCount;
    };
    for (const VarDecl *V : Vars)
      if (isa<ParmVarDecl>(V))
        Add(V, V, V->getLocation());
    // A declaration's site is the variable itself; the others' are
    // statements.
    for (const auto &[Site, V] : Scan.Defs)
      if (llvm::is_contained(Vars, V))
        Add(Site, V,
            Site == V ? V->getLocation()
                      : static_cast<const Stmt *>(Site)->getBeginLoc());
    return ExternalCount > 0;
  }

  /// A definition of a variable an External allocation follows: the
  /// variable holds that value now, unless it holds memory the analysis
  /// follows already, or NULL after an assignment (nothing to free).
  ///
  /// A call given the variable's address (\p Call) may store anything
  /// there, NULL included, unless it allocates into it; an allocation the
  /// variable held stays (the call escaped it).
  void defineExternals(const void *Site, Sub &St,
                       const CallExpr *Call = nullptr) {
    auto It = ExternalAt.find(Site);
    if (It == ExternalAt.end())
      return;
    const FunctionRule *R = Call ? ruleOf(Call) : nullptr;
    for (const auto &[V, A] : It->second) {
      bool Kept = false;
      for (unsigned I = 0; R && I < Call->getNumArgs() && !Kept; ++I) {
        const auto *U = dyn_cast<UnaryOperator>(stripCasts(Call->getArg(I)));
        // (A callee that "borrows" `&p` may still store into p: the
        // contract says what it does with the pointer it was given.)
        Kept = U && U->getOpcode() == UO_AddrOf &&
               BodyScan::pointerVariable(U->getSubExpr()) == V &&
               R->AllocatesArg == I;
      }
      if (Kept)
        continue;
      AllocSet Now;
      if (auto P = St.Points->find(Place{V, nullptr}); P != St.Points->end())
        Now = P->second;
      if (hasAlloc(Now) || (!Call && llvm::is_contained(Now, NullSentinel)))
        continue;
      // Defined again in a loop: another variable still holding the value
      // of an earlier iteration holds something not followed.
      if (St.Allocs.find(A) != St.Allocs.end())
        forgetEarlierBlock(St, A);
      allocate(St, A);
      bind(St, Place{V, nullptr}, {A}, nullptr);
    }
  }
  void defineExternals(const Stmt *S, Sub &St) {
    if (const auto *DS = dyn_cast<DeclStmt>(S)) {
      for (const Decl *D : DS->decls())
        defineExternals(static_cast<const void *>(D), St);
      return;
    }
    defineExternals(static_cast<const void *>(S), St, dyn_cast<CallExpr>(S));
  }
  llvm::DenseMap<const void *,
                 llvm::SmallVector<std::pair<const VarDecl *, AllocId>, 1>>
      ExternalAt;
  size_t ExternalCount = 0;
  /// The variables those values belong to.
  llvm::SmallVector<const VarDecl *, 4> ExternalVars;

  bool run() {
    BodyScan Scan(Ctx, Resolver);
    Scan.FollowMemberFrees = !FD->getReturnType()->isVoidType();
    // Most functions make no allocation: their calls, listed already for
    // the unit (unitStmts), tell so without a walk of the body.
    if (TrackedParams.empty())
      if (std::optional<llvm::ArrayRef<const Stmt *>> Listed =
              unitStmts(Ctx).of(FD);
          Listed && llvm::none_of(*Listed, [&](const Stmt *S) {
            const auto *C = dyn_cast<CallExpr>(S);
            return C && Scan.tracks(C);
          }))
        return false;
    Scan.walk(FD->getBody());
    StoredInto = std::move(Scan.StoredInto);
    StoredBy = std::move(Scan.StoredBy);
    const bool Externals = addExternals(Scan);
    if (Scan.Calls.empty() && TrackedParams.empty() && !Externals &&
        !Scan.MemberFrees)
      return false;
    OutParamScan Outs;
    Outs.walk(FD->getBody());
    InOut = std::move(Outs.ReadFirst);
    for (unsigned I : TrackedParams) {
      if (I >= FD->getNumParams())
        continue;
      const ParmVarDecl *P = FD->getParamDecl(I);
      Allocation A;
      A.Param = I;
      A.Loc = SM.getFileLoc(P->getLocation());
      A.Line = SM.getPresumedLineNumber(A.Loc);
      A.Name = P->getName().str();
      Allocs.push_back(std::move(A));
    }
    for (const auto &F : Scan.Calls) {
      Allocation A;
      A.Call = F.Call;
      A.Rule = F.Rule;
      A.Loc = reportLoc(F.Call->getBeginLoc(), SM);
      A.Line = SM.getPresumedLineNumber(A.Loc);
      A.InLoop = F.InLoop;
      A.FailsViaStatus = F.Rule->AllocatesArg.has_value();
      A.Borrowed = F.Borrowed;
      A.Filled = !F.Borrowed && filledStruct(F.Call, F.Rule);
      AllocOf[F.Call] = Allocs.size();
      Allocs.push_back(std::move(A));
    }
    CFG::BuildOptions BO;
    BO.setAllAlwaysAdd();
    // Where variables go out of scope: memory only a loop body's variable
    // holds is lost at its `continue` or at the end of the iteration.  Every
    // jump ends the lifetimes of all the variables in scope, so a long
    // generated function (thousands of locals and returns) goes without.
    constexpr uint64_t MaxLifetimeElements = 200000;
    BO.AddLifetime =
        uint64_t(Scan.Locals) * (Scan.Jumps + 1) <= MaxLifetimeElements;
    Cfg = CFG::buildCFG(FD, FD->getBody(), &Ctx, BO);
    if (!Cfg)
      return false;
    computeLiveness();

    PostOrderCFGView POV(Cfg.get());
    std::vector<const CFGBlock *> Order(POV.begin(), POV.end());
    llvm::DenseMap<const CFGBlock *, unsigned> Rank;
    for (unsigned I = 0; I < Order.size(); ++I)
      Rank[Order[I]] = I;
    pickVariables();
    // Over its budget, the function is analysed again with every path
    // merged at each point (no path sensitivity: cheaper by up to
    // MaxContexts times); over it again, not at all.
    if (fixpoint(Order, Rank))
      return true;
    Degraded = OwnershipAnalysis::Degradation::PathsMerged;
    Limit = 1;
    Steps = 0;
    if (fixpoint(Order, Rank))
      return true;
    Degraded = OwnershipAnalysis::Degradation::NotAnalysed;
    return false;
  }

  /// After the run only the events are read (every analysis of a unit is
  /// kept for the checks): the CFG, liveness and the recording indexes go.
  void dropWorkingState() {
    Cfg.reset();
    LiveIn = {};
    VarIndex.clear();
    SeenLeak = {};
    UseIndex = {};
    SeenRelease = {};
    ExitIndex = {};
    SeenCopy = {};
    SeenStore = {};
    ReturnIndex = {};
    SeenPending = {};
    ReturnsArgOf.clear();
    PassesDeallocator.clear();
    StoredInto.clear();
    StoredBy.clear();
    Shapes.clear();
    VarTests.clear();
    CallRules.clear();
    NullConstants.clear();
    FlagSources.clear();
    ExternalAt.clear();
  }

  /// A `goto` to a label: what it still owns, unreleased on every path to
  /// here, is owned on this rung of the ladder whatever the others did.
  static void markOwnedOnGoto(State &Edge, const Stmt *Label) {
    for (auto &[K, S] : Edge.Ctx)
      for (auto &[A, AS] : S.Allocs)
        if (AS.Owned && !AS.Lent && !AS.OwnedOnGotoTo &&
            !(AS.Gone & SettlingRelease))
          AS.OwnedOnGotoTo = Label;
  }

  /// The fixpoint over the CFG, then one pass recording what the checks ask
  /// about; false (with nothing recorded) if it ran over its budget.
  bool fixpoint(const std::vector<const CFGBlock *> &Order,
                const llvm::DenseMap<const CFGBlock *, unsigned> &Rank) {
    std::vector<State> In(Cfg->getNumBlockIDs());
    Sub Start;
    EverGone.assign(Allocs.size(), 0);
    ReleasedExitSeen.assign(Allocs.size(), 0);
    for (AllocId A = 0; A < Allocs.size(); ++A)
      if (Allocs[A].Param) {
        allocate(Start, A);
        Start.Points.mut()[Place{FD->getParamDecl(*Allocs[A].Param), nullptr}] = {A};
      }
    for (const ParmVarDecl *P : FD->parameters())
      defineExternals(static_cast<const void *>(P), Start);
    CtxKey First;
    First.Vars.resize(Vars.size());
    In[Cfg->getEntry().getBlockID()].Ctx.emplace(First, std::move(Start));

    // A block with one predecessor gets its state straight from it, the
    // way a basic block runs into the next: only join points keep a state
    // between visits, so straight-line code (a long ladder of allocations
    // unwound by one label) holds a handful of states, not one per block.
    std::vector<char> Chained(Cfg->getNumBlockIDs(), 0);
    for (const CFGBlock *B : Order) {
      unsigned Preds = 0;
      for (const CFGBlock::AdjacentBlock &P : B->preds())
        Preds += P.getReachableBlock() != nullptr;
      Chained[B->getBlockID()] = Preds == 1 && B != &Cfg->getEntry();
    }
    std::set<unsigned> Work{Rank.lookup(&Cfg->getEntry())};
    auto Process = [&](const CFGBlock *Head, State HeadState) {
      std::vector<std::pair<const CFGBlock *, State>> Stack;
      Stack.emplace_back(Head, std::move(HeadState));
      while (!Stack.empty()) {
        auto [B, St] = std::move(Stack.back());
        Stack.pop_back();
        Steps += B->size() + 1;
        for (const auto &KS : St.Ctx)
          Steps += KS.second.Allocs.size() + KS.second.Points->size();
        transferBlock(B, St);
        if (!St.reachable())
          continue;
        unsigned I = 0, Last = 0;
        for (const CFGBlock::AdjacentBlock &S : B->succs()) {
          if (S.getReachableBlock())
            Last = I;
          ++I;
        }
        I = 0;
        size_t Pushed = Stack.size();
        for (const CFGBlock::AdjacentBlock &S : B->succs()) {
          unsigned Idx = I++;
          const CFGBlock *Succ = S.getReachableBlock();
          if (!Succ)
            continue;
          // The last edge takes the state itself, the others a copy.
          State Edge = Idx == Last ? refine(B, Idx, std::move(St))
                                   : refine(B, Idx, St);
          if (!Edge.reachable())
            continue;
          if (isa_and_nonnull<GotoStmt>(B->getTerminatorStmt()) &&
              Succ->getLabel())
            markOwnedOnGoto(Edge, Succ->getLabel());
          if (Chained[Succ->getBlockID()])
            Stack.emplace_back(Succ, std::move(Edge));
          else if (!Recording &&
                   In[Succ->getBlockID()].join(std::move(Edge), Vars.size(),
                                                Limit))
            Work.insert(Rank.lookup(Succ));
        }
        // The first successor runs first: the branch of an `if (!p) goto
        // fail;` reaches its label and frees its state before the ladder
        // runs on, so a ladder holds one state at a time, not one per rung.
        std::reverse(Stack.begin() + Pushed, Stack.end());
      }
    };
    while (!Work.empty()) {
      if (Steps > Budget)
        return false;
      const CFGBlock *B = Order[*Work.begin()];
      Work.erase(Work.begin());
      Process(B, In[B->getBlockID()]);
    }
    if (Steps > Budget)
      return false;
    // One more pass over the fixpoint, recording what the checks ask about:
    // every join point once, and the blocks that run on from it.
    Recording = true;
    for (const CFGBlock *B : Order)
      if (!Chained[B->getBlockID()] && In[B->getBlockID()].reachable())
        Process(B, In[B->getBlockID()]);
    // Memory in an out-parameter that only ever carries memory on failure
    // (an error message) is what the failure hands out.
    // Memory in a field of the caller's object at a failing exit is
    // reported only when the function frees it through that field on
    // another path (`free(obj->f); obj->f = NULL;`: it cleans it up itself).
    if (!LeakSlot.empty() || !LeakField.empty()) {
      std::vector<LeakEvent> Kept;
      for (size_t I = 0; I < Leaks.size(); ++I) {
        auto It = LeakSlot.find(I);
        if (It != LeakSlot.end() && !SuccessOut.count(It->second))
          continue;
        if (LeakField.count(I) && !FreedFromField.count(Leaks[I].Leaked))
          continue;
        Kept.push_back(Leaks[I]);
      }
      Leaks = std::move(Kept);
    }
    return true;
  }
};

OwnershipAnalysis::OwnershipAnalysis(const FunctionDecl *FD, ASTContext &Ctx,
                                     CalleeResolver &Resolver,
                                     llvm::ArrayRef<unsigned> TrackedParams)
    : P(std::make_unique<Impl>(FD, Ctx, Resolver, TrackedParams)) {}
OwnershipAnalysis::~OwnershipAnalysis() = default;

bool OwnershipAnalysis::run() {
  if (!P->Ran) {
    P->Ran = true;
    P->Result = P->FD->hasBody() && P->run();
    P->dropWorkingState();
  }
  return P->Result;
}
bool OwnershipAnalysis::analysed() const { return P->Ran && P->Result; }
void OwnershipAnalysis::setBudget(uint64_t Steps) { P->Budget = Steps; }
OwnershipAnalysis::Degradation OwnershipAnalysis::degraded() const {
  return P->Degraded;
}
uint64_t OwnershipAnalysis::steps() const { return P->Steps; }
const std::vector<Allocation> &OwnershipAnalysis::allocations() const {
  return P->Allocs;
}
const std::vector<LeakEvent> &OwnershipAnalysis::leaks() const {
  return P->Leaks;
}
const std::vector<UseEvent> &OwnershipAnalysis::uses() const { return P->Uses; }
const std::vector<ReleaseEvent> &OwnershipAnalysis::releases() const {
  return P->Releases;
}
const std::vector<ExitState> &OwnershipAnalysis::exits() const {
  return P->Exits;
}
const std::vector<CopyEvent> &OwnershipAnalysis::copies() const {
  return P->Copies;
}
const std::vector<StoreEvent> &OwnershipAnalysis::stores() const {
  return P->Stores;
}
const std::vector<ReturnEvent> &OwnershipAnalysis::returns() const {
  return P->Returns;
}
const std::vector<PendingLend> &OwnershipAnalysis::pendingLends() const {
  return P->Pending;
}
std::vector<DanglingField> OwnershipAnalysis::danglingFields() const {
  std::vector<DanglingField> Out;
  for (const auto &[D, Holds] : P->Danglings)
    if (Holds)
      Out.push_back(D);
  return Out;
}
const std::vector<DanglingMember> &OwnershipAnalysis::danglingMembers() const {
  return P->DanglingMembers;
}
bool OwnershipAnalysis::memberFreeUndone(const CallExpr *Free) const {
  return P->MemberFreeSettled.count(Free) && !P->MemberFreeKept.count(Free);
}
unsigned char OwnershipAnalysis::goneAnywhere(AllocId A) const {
  unsigned char G = A < P->EverGone.size() ? P->EverGone[A] : 0;
  for (const ExitState &E : P->Exits)
    if (E.A == A)
      G |= E.Gone;
  return G;
}


} // namespace clang::tidy::alloc
