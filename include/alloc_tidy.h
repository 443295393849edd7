/*
 * alloc_tidy.h - annotations read by alloc-tidy (https://example.invalid/alloc-tidy).
 *
 * ALLOC_JUSTIFIED(lifetime, "reason", expr) expands to (expr).  alloc-tidy
 * takes the lifetime and the reason as the justification of the allocation
 * written in expr, exactly as it takes a comment
 *
 *     / * alloc: <lifetime> -- <reason> * /
 *
 * on the allocation's line.  Use the macro where a comment would be lost,
 * for example inside another macro's definition.
 *
 * lifetime is one of:
 *   permanent    allocated at start-up, never freed
 *   scoped       freed before the allocating function returns
 *   transaction  freed when the unit of work that owns it ends
 *   returned     ownership goes to the caller
 *   stored       kept in a longer-lived object
 *
 * Example:
 *   conn->buf = ALLOC_JUSTIFIED(stored, "one receive buffer per connection",
 *                               malloc(CONN_BUF_SIZE));
 */
#ifndef ALLOC_TIDY_H
#define ALLOC_TIDY_H

#define ALLOC_JUSTIFIED(lifetime, reason, expr) (expr)

#endif /* ALLOC_TIDY_H */
