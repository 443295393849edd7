//===--- Lsp.h - alloc-tidy as a language server ----------------*- C++ -*-===//
//
// `alloc-tidy --lsp` speaks the Language Server Protocol over standard input
// and output, beside clangd (which cannot load clang-tidy plugins): the
// alloc-* findings of a file appear as diagnostics when it is opened and
// saved, and their fix-its as code actions.
//
//===----------------------------------------------------------------------===//

#ifndef ALLOC_TIDY_DRIVER_LSP_H
#define ALLOC_TIDY_DRIVER_LSP_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::tidy::alloc {

/// Serves LSP on stdin/stdout until the client sends `exit` or disconnects.
/// Each analysis runs this executable (found from \p Argv0) as
/// `Self --format=json --fail-on=none --quiet [-p <db dir>] <Args> <file>`,
/// so a stale run can be cancelled by ending it and a crash costs one
/// result, not the server.  Returns the process exit status.
int runLanguageServer(const char *Argv0, llvm::ArrayRef<std::string> Args);

} // namespace clang::tidy::alloc

#endif // ALLOC_TIDY_DRIVER_LSP_H
