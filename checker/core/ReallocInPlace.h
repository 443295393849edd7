//===--- ReallocInPlace.h - `x->buf = realloc(x->buf, n)` -------*- C++ -*-===//
//
// A reallocator that leaves its block alone when it fails returns NULL; an
// assignment of its result to the very place its argument came from
// (`obj->names = realloc(obj->names, n)`) then overwrites the only pointer
// to the old block, which is lost whatever the caller does next (parson
// json_object_add before ee9be98).  The ownership dataflow reports this for
// a block the function allocated itself; a field of an object, a `*out`
// slot or a global holds a block it did not, and nothing else keeps it.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_CORE_REALLOCINPLACE_H
#define ALLOC_TIDY_CORE_REALLOCINPLACE_H

#include <vector>

namespace clang {
class ASTContext;
class BinaryOperator;
class CallExpr;
class FunctionDecl;
} // namespace clang

namespace clang::tidy::alloc {

class CalleeResolver;
struct FunctionRule;

/// One `place = realloc(place, n)` over a field, a dereference, an array
/// element or a global.
struct InPlaceRealloc {
  const BinaryOperator *Assign = nullptr;
  const CallExpr *Call = nullptr;
  const FunctionRule *Rule = nullptr;
};

/// The in-place reallocations of \p FD's body, in source order.
std::vector<InPlaceRealloc> inPlaceReallocs(const FunctionDecl *FD,
                                            CalleeResolver &Resolver,
                                            ASTContext &Ctx);

} // namespace clang::tidy::alloc

#endif
