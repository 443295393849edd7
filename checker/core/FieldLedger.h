//===--- FieldLedger.h - fields allocated somewhere and freed nowhere -*- C++
//-*-===//
//
// A destroy function that forgets one field leaks it once per object, and
// no call site shows it: the field is filled in one file (a configuration
// parser's `s->prefix = nng_strdup(v)`) and the structure torn down in
// another (`conf_bridge_node_destroy` frees `remote_topic` and
// `local_topic`, never `prefix`).  The project's code says which fields
// those are: a field some code stores new memory into, and whose value no
// code lets go anywhere (freed, handed to a function that may keep or free
// it, copied into a variable, returned), holds memory nothing frees.
//
// Each unit's code gives facts about the fields it touches, keyed by
// `record.field`; those that depend on a function of another unit
// (`x->f = nng_strdup(..)` or `log_str(x->f)` while the units are
// summarised one by one) wait for the linked summaries.  The summaries file
// keeps each unit's facts and, linked, the fields found allocated and
// never released.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_FIELDLEDGER_H
#define ALLOC_TIDY_CORE_FIELDLEDGER_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/PointerIntPair.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FieldDecl;
class RecordDecl;
} // namespace clang

namespace clang::tidy::alloc {

class CalleeResolver;
struct FunctionRule;

/// The name of a struct, or of the typedef naming an anonymous one; or "".
llvm::StringRef recordName(const RecordDecl *RD);

/// `record.field` for a pointer field of a named structure (or of an
/// anonymous one a typedef names), or "" for any other field.
std::string fieldKey(const FieldDecl *F);

/// `record.field[]` for the elements of a field that holds pointers by
/// index (`char **filter`, `char *as[8]`), or "".
std::string elementKey(const FieldDecl *F);

/// `record.member{}` for a struct held by value in another (`conf` holds
/// `http_server`), whose fields a destroy function must reach, or "".
std::string memberKey(const FieldDecl *F);

/// A field, or the elements of a field's array (`x->filter[i]`): the
/// ledger keeps the two apart (freeing `x->filter` frees none of
/// `x->filter[i]`).
using FieldSlot = llvm::PointerIntPair<const FieldDecl *, 1, bool>;

/// Where a field is first stored new memory.
struct FieldStore {
  SourceLocation Loc; ///< the store
  std::string Origin; ///< "file.c:line"
  std::string Via;    ///< the allocating function
};

class FieldLedger {
public:
  /// Reads every function body of the unit once, with \p Resolver's rules
  /// (its pending rules too, while the units are summarised one by one).
  void compute(ASTContext &Ctx, CalleeResolver &Resolver);

  /// The first store of new memory into \p F (into an element of it, with
  /// \p Elements) the unit makes, or null.
  const FieldStore *allocation(const FieldDecl *F, bool Elements = false) const;
  /// True when the unit lets \p F's value (an element's, with \p Elements)
  /// go somewhere it may be freed or kept, or stores into it something
  /// else than new memory or NULL.
  bool escapes(const FieldDecl *F, bool Elements = false) const;
  /// The first store of new memory into a field of the member \p M, a
  /// struct held by value (`c->http.user = strdup(..)`), or null.
  const FieldStore *memberFill(const FieldDecl *M) const;
  /// True when the unit hands `&x->m` of member \p M to anything but a
  /// function that only reads or fills it.
  bool memberEscapes(const FieldDecl *M) const;

  /// This unit's facts for a summaries file, those waiting for another
  /// unit's summary included.
  const std::vector<std::string> &facts() const { return Facts; }

private:
  bool Computed = false;
  llvm::DenseMap<FieldSlot, FieldStore> Allocated;
  llvm::DenseSet<FieldSlot> Escaping;
  llvm::DenseMap<const FieldDecl *, FieldStore> MemberFills;
  llvm::DenseSet<const FieldDecl *> MemberEscaping;
  std::vector<std::string> Facts;
  friend class LedgerScan;
};

/// The fields the units' \p Facts show allocated and never released, once
/// the functions they wait for are known (\p Lookup: the linked summaries
/// and the declared rules by name), each as "record.field origin via".
std::vector<std::string> unreleasedFields(
    llvm::ArrayRef<std::string> Facts,
    llvm::function_ref<const FunctionRule *(llvm::StringRef)> Lookup);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_CORE_FIELDLEDGER_H
