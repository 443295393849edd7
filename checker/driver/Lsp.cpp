//===--- Lsp.cpp - alloc-tidy as a language server ------------------------===//
//
// JSON-RPC 2.0 with LSP's Content-Length framing on stdin/stdout.  The main
// thread reads and answers requests; one worker thread runs the analyses,
// each in a child process (this executable with --format=json), debounced per
// file: a newer open or save of the same file ends the stale child.  Results
// are published as textDocument/publishDiagnostics with the fix-its kept for
// textDocument/codeAction.
//
//===----------------------------------------------------------------------===//

#include "Lsp.h"
#include "Compat.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <cerrno>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

using namespace llvm;
using clang::tidy::alloc::compat::valueOr;

namespace clang::tidy::alloc {
namespace {

using Clock = std::chrono::steady_clock;

// LSP error codes.
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;
constexpr int ServerNotInitialized = -32002;

/// A run longer than this is ended (a pathological input must not hold the
/// worker forever).
constexpr auto RunTimeLimit = std::chrono::seconds(120);

// --- transport ---------------------------------------------------------

/// Reads one framed message body; false at end of input or on a header the
/// framing cannot recover from.
bool readMessage(std::string &Body) {
  size_t Length = 0;
  bool HaveLength = false;
  char Line[1024];
  while (true) {
    if (!std::fgets(Line, sizeof Line, stdin))
      return false;
    StringRef L = StringRef(Line).rtrim("\r\n");
    if (L.empty()) {
      if (HaveLength)
        break;
      continue; // stray blank line between messages
    }
    if (L.size() > 15 && L.substr(0, 15).lower() == "content-length:") {
      L = L.drop_front(15);
      unsigned long long N = 0;
      if (L.trim().getAsInteger(10, N) || N > (1ull << 30))
        return false;
      Length = N;
      HaveLength = true;
    }
    // Other headers (Content-Type) are ignored.
  }
  Body.assign(Length, '\0');
  return std::fread(Body.data(), 1, Length, stdin) == Length;
}

/// Serialises writes from the reader and the worker.
class Output {
public:
  void send(json::Value Message) {
    std::string Body;
    raw_string_ostream(Body) << Message;
    std::lock_guard<std::mutex> Lock(Mutex);
    if (Broken)
      return;
    std::string Header = "Content-Length: " + std::to_string(Body.size()) +
                         "\r\n\r\n";
    if (std::fwrite(Header.data(), 1, Header.size(), stdout) != Header.size() ||
        std::fwrite(Body.data(), 1, Body.size(), stdout) != Body.size() ||
        std::fflush(stdout) != 0)
      Broken = true; // the client went away; reading stdin ends soon too
  }
  void reply(const json::Value &Id, json::Value Result) {
    send(json::Object{{"jsonrpc", "2.0"}, {"id", Id}, {"result", Result}});
  }
  void error(const json::Value &Id, int Code, StringRef Message) {
    send(json::Object{
        {"jsonrpc", "2.0"},
        {"id", Id},
        {"error", json::Object{{"code", Code}, {"message", Message}}}});
  }
  void notify(StringRef Method, json::Value Params) {
    send(json::Object{
        {"jsonrpc", "2.0"}, {"method", Method}, {"params", Params}});
  }
  /// window/logMessage (Type 3 info, 2 warning) or window/showMessage.
  void log(StringRef Text, int Type = 3, bool Show = false) {
    notify(Show ? "window/showMessage" : "window/logMessage",
           json::Object{{"type", Type}, {"message", ("alloc-tidy: " + Text).str()}});
  }

private:
  std::mutex Mutex;
  bool Broken = false;
};

// --- URIs and positions --------------------------------------------------

/// The path of a file:// URI, percent-decoded; std::nullopt otherwise.
std::optional<std::string> uriToPath(StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return std::nullopt;
  if (Uri.empty() || Uri.front() != '/') // file://host/... is elsewhere
    return std::nullopt;
  std::string Path;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] == '%' && I + 2 < Uri.size() && isHexDigit(Uri[I + 1]) &&
        isHexDigit(Uri[I + 2])) {
      Path += char(hexFromNibbles(Uri[I + 1], Uri[I + 2]));
      I += 2;
    } else {
      Path += Uri[I];
    }
  }
  return Path;
}

std::string pathToUri(StringRef Path) {
  std::string Uri = "file://";
  for (unsigned char C : Path) {
    if (isAlnum(C) || StringRef("/-_.~").contains(C))
      Uri += C;
    else
      Uri += "%" + utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Uri;
}

/// Maps the driver's 1-based line and byte column to LSP's 0-based line and
/// UTF-16 character offset, using the text the analysis read.
class LineIndex {
public:
  explicit LineIndex(std::string Text) : Text(std::move(Text)) {
    Starts.push_back(0);
    for (size_t I = 0; I < this->Text.size(); ++I)
      if (this->Text[I] == '\n')
        Starts.push_back(I + 1);
  }
  json::Object position(int64_t Line, int64_t Column) const {
    if (Line < 1)
      Line = 1;
    if (Column < 1)
      Column = 1;
    size_t L = std::min<size_t>(Line - 1, Starts.size() - 1);
    size_t Begin = Starts[L];
    size_t End = L + 1 < Starts.size() ? Starts[L + 1] : Text.size();
    size_t Bytes = std::min<size_t>(Column - 1, End - Begin);
    int64_t Units = 0;
    for (size_t I = Begin; I < Begin + Bytes; ++I) {
      unsigned char C = Text[I];
      if ((C & 0xC0) != 0x80)
        Units += C >= 0xF0 ? 2 : 1; // 4-byte sequences are surrogate pairs
    }
    return json::Object{{"line", int64_t(L)}, {"character", Units}};
  }

private:
  std::string Text;
  std::vector<size_t> Starts;
};

json::Object range(const LineIndex &Index, const json::Object &O,
                   StringRef LineKey, StringRef ColumnKey, StringRef EndLineKey,
                   StringRef EndColumnKey) {
  int64_t Line = valueOr(O.getInteger(LineKey), 1);
  int64_t Column = valueOr(O.getInteger(ColumnKey), 1);
  int64_t EndLine = valueOr(O.getInteger(EndLineKey), Line);
  int64_t EndColumn = valueOr(O.getInteger(EndColumnKey), Column);
  return json::Object{{"start", Index.position(Line, Column)},
                      {"end", Index.position(EndLine, EndColumn)}};
}

/// (line, character) of an LSP position, for comparisons.
std::pair<int64_t, int64_t> key(const json::Object *Position) {
  if (!Position)
    return {0, 0};
  return {valueOr(Position->getInteger("line"), 0),
          valueOr(Position->getInteger("character"), 0)};
}

// --- compilation databases -----------------------------------------------

/// The directory holding the compilation database for \p File, found as
/// clangd finds it: compile_commands.json or compile_flags.txt in the file's
/// directory or an ancestor, or in a build/ subdirectory of one of them.
std::optional<std::string> findDatabaseDir(StringRef File) {
  SmallString<256> Dir(sys::path::parent_path(File));
  while (!Dir.empty()) {
    for (StringRef Sub : {"", "build"}) {
      SmallString<256> Candidate(Dir);
      if (!Sub.empty())
        sys::path::append(Candidate, Sub);
      for (StringRef Name : {"compile_commands.json", "compile_flags.txt"}) {
        SmallString<256> P(Candidate);
        sys::path::append(P, Name);
        if (sys::fs::is_regular_file(P))
          return std::string(Candidate);
      }
    }
    size_t ParentSize = sys::path::parent_path(Dir).size();
    if (ParentSize == Dir.size())
      break;
    Dir.resize(ParentSize); // the parent is a prefix of Dir
  }
  return std::nullopt;
}

// --- one analysis in a child process -------------------------------------

struct RunResult {
  enum { Done, Cancelled, Failed } Status = Failed;
  int ExitCode = -1;
  std::string Stdout, Stderr;
};

std::string readAndRemove(StringRef Path) {
  std::string Text;
  if (auto Buf = MemoryBuffer::getFile(Path))
    Text = (*Buf)->getBuffer().str();
  sys::fs::remove(Path);
  return Text;
}

/// Runs \p Argv, ending it when \p Cancelled() becomes true or the time
/// limit passes.
RunResult runChild(const std::vector<std::string> &Argv,
                   const std::function<bool()> &Cancelled) {
  RunResult R;
  SmallString<128> OutPath, ErrPath;
  if (sys::fs::createTemporaryFile("alloc-tidy-lsp", "json", OutPath) ||
      sys::fs::createTemporaryFile("alloc-tidy-lsp", "err", ErrPath)) {
    R.Stderr = "cannot create a temporary file";
    return R;
  }
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_addopen(&Actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&Actions, 1, OutPath.c_str(),
                                   O_WRONLY | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&Actions, 2, ErrPath.c_str(),
                                   O_WRONLY | O_TRUNC, 0600);
  std::vector<char *> Args;
  for (const std::string &A : Argv)
    Args.push_back(const_cast<char *>(A.c_str()));
  Args.push_back(nullptr);
  pid_t Pid = 0;
  int SpawnError =
      posix_spawn(&Pid, Args[0], &Actions, nullptr, Args.data(), environ);
  posix_spawn_file_actions_destroy(&Actions);
  if (SpawnError) {
    R.Stderr = "cannot start " + Argv[0] + ": " + std::strerror(SpawnError);
    readAndRemove(OutPath);
    readAndRemove(ErrPath);
    return R;
  }
  Clock::time_point Deadline = Clock::now() + RunTimeLimit;
  int Status = 0;
  while (true) {
    pid_t W = waitpid(Pid, &Status, WNOHANG);
    if (W == Pid)
      break;
    if (W < 0 && errno != EINTR) {
      R.Stderr = "lost the analysis process";
      break;
    }
    bool Stale = Cancelled();
    if (Stale || Clock::now() > Deadline) {
      kill(Pid, SIGKILL);
      while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
      }
      R.Status = Stale ? RunResult::Cancelled : RunResult::Failed;
      if (!Stale)
        R.Stderr = "the analysis took longer than " +
                   std::to_string(RunTimeLimit.count()) + " s and was ended";
      readAndRemove(OutPath);
      readAndRemove(ErrPath);
      return R;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  R.Stdout = readAndRemove(OutPath);
  R.Stderr = readAndRemove(ErrPath);
  if (WIFEXITED(Status)) {
    R.ExitCode = WEXITSTATUS(Status);
    R.Status = RunResult::Done;
  } else {
    R.Stderr += "\nthe analysis process ended by signal " +
                std::to_string(WIFSIGNALED(Status) ? WTERMSIG(Status) : 0);
  }
  return R;
}

// --- the server ------------------------------------------------------------

/// A published diagnostic and the fix-it edits behind its code action.
/// (Kept past the analysis: every string in it is owned, never a StringRef
/// into the analysis's JSON, which json::Value would only borrow.)
struct StoredDiagnostic {
  json::Object Range;
  std::string Message;
  std::string Check;
  json::Value Diagnostic = nullptr;
  json::Array Edits;
};

class Server {
public:
  Server(StringRef Self, ArrayRef<std::string> Args)
      : Self(Self.str()), Args(Args.begin(), Args.end()) {}

  int run() {
    Worker = std::thread([this] { workLoop(); });
    std::string Body;
    bool Exit = false;
    while (!Exit && readMessage(Body))
      Exit = handle(Body);
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      Stop = true;
    }
    Wake.notify_all();
    Worker.join();
    return ShutdownRequested ? 0 : 1;
  }

private:
  /// Handles one message; true when the client asked the server to exit.
  bool handle(StringRef Body) {
    Expected<json::Value> Parsed = json::parse(Body);
    if (!Parsed) {
      Out.error(nullptr, ParseError, toString(Parsed.takeError()));
      return false;
    }
    const json::Object *Message = Parsed->getAsObject();
    if (!Message) {
      Out.error(nullptr, InvalidRequest, "a message must be a JSON object");
      return false;
    }
    auto Method = Message->getString("method");
    const json::Value *Id = Message->get("id");
    if (!Method) // a response to a request of ours: none are sent
      return false;
    const json::Object *Params = Message->getObject("params");
    static const json::Object NoParams;
    if (!Params)
      Params = &NoParams;
    StringRef M = *Method;
    if (M == "exit")
      return true;
    if (M == "initialize") {
      if (Id)
        initialize(*Id, *Params);
      return false;
    }
    if (!Initialized) {
      if (Id)
        Out.error(*Id, ServerNotInitialized, "initialize first");
      return false;
    }
    if (M == "shutdown") {
      ShutdownRequested = true;
      cancelAll();
      if (Id)
        Out.reply(*Id, nullptr);
    } else if (M == "textDocument/didOpen") {
      if (const json::Object *Doc = Params->getObject("textDocument"))
        if (auto Uri = Doc->getString("uri"))
          schedule(*Uri, /*Now=*/true); // a file just opened waits for nothing
    } else if (M == "textDocument/didSave") {
      if (const json::Object *Doc = Params->getObject("textDocument"))
        if (auto Uri = Doc->getString("uri"))
          schedule(*Uri);
    } else if (M == "textDocument/didClose") {
      if (const json::Object *Doc = Params->getObject("textDocument"))
        if (auto Uri = Doc->getString("uri"))
          close(*Uri);
    } else if (M == "textDocument/codeAction") {
      if (Id)
        codeAction(*Id, *Params);
    } else if (Id) {
      // didChange and other notifications need nothing: the analysis reads
      // the saved file, as the compilation database describes it.
      Out.error(*Id, MethodNotFound, ("unsupported method " + M).str());
    }
    return false;
  }

  void initialize(const json::Value &Id, const json::Object &Params) {
    if (const json::Object *Init = Params.getObject("initializationOptions")) {
      if (auto Ms = Init->getInteger("debounceMs"))
        Debounce = std::chrono::milliseconds(std::max<int64_t>(0, *Ms));
      if (const json::Array *Extra = Init->getArray("arguments"))
        for (const json::Value &A : *Extra)
          if (auto S = A.getAsString())
            Args.push_back(S->str());
    }
    Initialized = true;
    json::Object Capabilities{
        {"textDocumentSync",
         json::Object{{"openClose", true},
                      {"change", 1}, // full text; only used to stay in sync
                      {"save", json::Object{{"includeText", false}}}}},
        {"codeActionProvider",
         json::Object{{"codeActionKinds", json::Array{"quickfix"}}}}};
    Out.reply(Id, json::Object{{"capabilities", std::move(Capabilities)},
                               {"serverInfo", json::Object{
                                                  {"name", "alloc-tidy"},
                                                  {"version", ALLOC_TIDY_VERSION},
                                              }}});
  }

  // --- scheduling -------------------------------------------------------

  /// Queues an analysis of \p Uri after the debounce delay (at once when
  /// \p Now), superseding any queued or running one.
  void schedule(StringRef Uri, bool Now = false) {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      uint64_t Gen = ++Generation[Uri.str()];
      Queue[Uri.str()] = {Clock::now() + (Now ? Clock::duration(0) : Debounce),
                          Gen};
    }
    Wake.notify_all();
  }

  void close(StringRef Uri) {
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      ++Generation[Uri.str()];
      Queue.erase(Uri.str());
      Stored.erase(Uri.str());
    }
    publish(Uri, json::Array());
  }

  void cancelAll() {
    std::lock_guard<std::mutex> Lock(Mutex);
    for (auto &G : Generation)
      ++G.second;
    Queue.clear();
  }

  void workLoop() {
    std::unique_lock<std::mutex> Lock(Mutex);
    while (!Stop) {
      if (Queue.empty()) {
        Wake.wait(Lock);
        continue;
      }
      auto Next = Queue.begin();
      for (auto It = Queue.begin(); It != Queue.end(); ++It)
        if (It->second.first < Next->second.first)
          Next = It;
      if (Next->second.first > Clock::now()) {
        Wake.wait_until(Lock, Next->second.first);
        continue;
      }
      std::string Uri = Next->first;
      uint64_t Gen = Next->second.second;
      Queue.erase(Next);
      Lock.unlock();
      analyse(Uri, Gen);
      Lock.lock();
    }
  }

  // --- analysis ---------------------------------------------------------

  /// Whether the run of generation \p Gen of \p Uri is superseded; the
  /// caller holds Mutex.
  bool supersededLocked(const std::string &Uri, uint64_t Gen) {
    return Stop || Generation[Uri] != Gen;
  }

  void analyse(const std::string &Uri, uint64_t Gen) {
    auto Stale = [this, &Uri, Gen] {
      std::lock_guard<std::mutex> Lock(Mutex);
      return supersededLocked(Uri, Gen);
    };
    std::optional<std::string> Path = uriToPath(Uri);
    if (!Path) {
      Out.log("not a local file, not analysed: " + Uri);
      return;
    }
    if (!sys::fs::exists(*Path)) {
      Out.log("not saved yet, not analysed: " + *Path);
      return;
    }
    std::vector<std::string> Argv{Self, "--format=json", "--fail-on=none",
                                  "--quiet"};
    std::optional<std::string> Db = findDatabaseDir(*Path);
    if (Db) {
      Argv.push_back("-p");
      Argv.push_back(*Db);
    }
    Argv.insert(Argv.end(), Args.begin(), Args.end());
    Argv.push_back(*Path);
    if (!Db) {
      // As clangd: without a database, analyse with no flags, and say so.
      Argv.push_back("--");
      if (WarnedNoDatabase.insert(sys::path::parent_path(*Path).str()).second)
        Out.log("no compile_commands.json or compile_flags.txt for " + *Path +
                    " (in its directory, an ancestor or their build/); "
                    "analysing it without compiler flags",
                2);
    }
    Clock::time_point Start = Clock::now();
    RunResult R = runChild(Argv, Stale);
    if (R.Status == RunResult::Cancelled)
      return;
    auto Ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  Clock::now() - Start)
                  .count();
    std::optional<json::Value> Doc;
    if (R.Status == RunResult::Done && !R.Stdout.empty()) {
      Expected<json::Value> P = json::parse(R.Stdout);
      if (P)
        Doc = std::move(*P);
      else
        consumeError(P.takeError());
    }
    const json::Object *Top = Doc ? Doc->getAsObject() : nullptr;
    const json::Array *Findings = Top ? Top->getArray("findings") : nullptr;
    if (!Findings) {
      // No report: bad configuration or rules, or the run itself failed.
      StringRef Err = StringRef(R.Stderr).trim();
      std::string First = Err.split('\n').first.str();
      if (First.empty())
        First = "the analysis of " + *Path + " failed (exit status " +
                std::to_string(R.ExitCode) + ")";
      Out.log(First, 1, ShownErrors.insert(First).second);
      return;
    }
    std::string Text;
    if (auto Buf = MemoryBuffer::getFile(*Path))
      Text = (*Buf)->getBuffer().str();
    LineIndex Index(std::move(Text));
    SmallString<256> RealPath;
    if (sys::fs::real_path(*Path, RealPath))
      RealPath = *Path;

    std::vector<StoredDiagnostic> Diags;
    bool ParseErrors = false;
    for (const json::Value &FV : *Findings) {
      const json::Object *F = FV.getAsObject();
      if (!F)
        continue;
      StringRef Check = valueOr(F->getString("check"), "");
      StringRef Level = valueOr(F->getString("level"), "warning");
      if (Check.substr(0, 6) != "alloc-") {
        // Compiler diagnostics are clangd's to show.
        ParseErrors |= Level == "error";
        continue;
      }
      SmallString<256> File(valueOr(F->getString("file"), ""));
      sys::fs::make_absolute(File);
      SmallString<256> RealFile;
      if (sys::fs::real_path(File, RealFile))
        RealFile = File;
      if (RealFile != RealPath)
        continue; // a header's finding; it is published when that is open
      StoredDiagnostic D;
      D.Range = range(Index, *F, "line", "column", "endLine", "endColumn");
      D.Message = valueOr(F->getString("message"), "").str();
      D.Check = Check.str();
      json::Array Related;
      if (const json::Array *Notes = F->getArray("notes"))
        for (const json::Value &NV : *Notes) {
          const json::Object *N = NV.getAsObject();
          if (!N)
            continue;
          SmallString<256> NF(valueOr(N->getString("file"), ""));
          sys::fs::make_absolute(NF);
          json::Object NR =
              range(Index, *N, "line", "column", "line", "column");
          if (NF != File) { // another file: no line index for it
            int64_t L = valueOr(N->getInteger("line"), 1) - 1;
            int64_t C = valueOr(N->getInteger("column"), 1) - 1;
            json::Object P{{"line", L}, {"character", C}};
            NR = json::Object{{"start", json::Object(P)}, {"end", std::move(P)}};
          }
          Related.push_back(json::Object{
              {"location", json::Object{{"uri", pathToUri(NF)},
                                        {"range", std::move(NR)}}},
              {"message", valueOr(N->getString("message"), "").str()}});
        }
      if (const json::Array *Fixes = F->getArray("fixes"))
        for (const json::Value &XV : *Fixes)
          if (const json::Object *X = XV.getAsObject())
            D.Edits.push_back(json::Object{
                {"range",
                 range(Index, *X, "line", "column", "endLine", "endColumn")},
                {"newText", valueOr(X->getString("text"), "").str()}});
      json::Object Diag{{"range", json::Object(D.Range)},
                        {"severity", Level == "error" ? 1 : 2},
                        {"source", "alloc-tidy"},
                        {"code", D.Check},
                        {"message", D.Message}};
      if (!Related.empty())
        Diag["relatedInformation"] = std::move(Related);
      D.Diagnostic = std::move(Diag);
      Diags.push_back(std::move(D));
    }
    if (ParseErrors)
      Out.log(*Path + " has compile errors; the alloc-* findings may be "
                      "incomplete until it parses",
              2);
    json::Array Published;
    for (const StoredDiagnostic &D : Diags)
      Published.push_back(D.Diagnostic);
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      if (supersededLocked(Uri, Gen)) // while the results were read
        return;
      Stored[Uri] = std::move(Diags);
    }
    publish(Uri, std::move(Published));
    Out.log("analysed " + *Path + " in " + std::to_string(Ms) + " ms");
  }

  void publish(StringRef Uri, json::Array Diagnostics) {
    Out.notify("textDocument/publishDiagnostics",
               json::Object{{"uri", Uri}, {"diagnostics", std::move(Diagnostics)}});
  }

  // --- code actions -----------------------------------------------------

  void codeAction(const json::Value &Id, const json::Object &Params) {
    const json::Object *Doc = Params.getObject("textDocument");
    const json::Object *Range = Params.getObject("range");
    auto Uri = Doc ? Doc->getString("uri") : decltype(Doc->getString("")){};
    if (!Uri || !Range) {
      Out.error(Id, InvalidParams, "codeAction needs textDocument and range");
      return;
    }
    auto Begin = key(Range->getObject("start"));
    auto End = key(Range->getObject("end"));
    json::Array Actions;
    {
      std::lock_guard<std::mutex> Lock(Mutex);
      auto It = Stored.find(Uri->str());
      if (It != Stored.end())
        for (const StoredDiagnostic &D : It->second) {
          if (D.Edits.empty())
            continue;
          auto DBegin = key(D.Range.getObject("start"));
          auto DEnd = key(D.Range.getObject("end"));
          if (DEnd < Begin || End < DBegin)
            continue; // not in the requested range
          json::Object Changes;
          Changes[Uri->str()] = json::Array(D.Edits);
          Actions.push_back(json::Object{
              {"title", "apply fix-it: " + D.Message},
              {"kind", "quickfix"},
              {"isPreferred", true},
              {"diagnostics", json::Array{D.Diagnostic}},
              {"edit", json::Object{{"changes", std::move(Changes)}}}});
        }
    }
    Out.reply(Id, std::move(Actions));
  }

  std::string Self;
  std::vector<std::string> Args;
  Output Out;
  bool Initialized = false;
  bool ShutdownRequested = false;
  std::chrono::milliseconds Debounce{150};
  std::set<std::string> WarnedNoDatabase, ShownErrors; // worker thread only

  std::mutex Mutex; // guards everything below
  std::condition_variable Wake;
  bool Stop = false;
  std::map<std::string, uint64_t> Generation;
  /// Pending runs: when each is due and its generation.
  std::map<std::string, std::pair<Clock::time_point, uint64_t>> Queue;
  std::map<std::string, std::vector<StoredDiagnostic>> Stored;
  std::thread Worker;
};

} // namespace

int runLanguageServer(const char *Argv0, ArrayRef<std::string> Args) {
  std::string Self = sys::fs::getMainExecutable(
      Argv0, reinterpret_cast<void *>(&runLanguageServer));
  // A client that disconnects makes writes fail, not kill the server.
  std::signal(SIGPIPE, SIG_IGN);
  Server S(Self, Args);
  return S.run();
}

} // namespace clang::tidy::alloc
