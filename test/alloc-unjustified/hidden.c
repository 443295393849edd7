// RUN: %check_alloc_tidy %s alloc-unjustified %t

// Every allocator of rules/hidden.yaml: functions that allocate without
// saying "malloc".  Unjustified (flagged), justified (silent), and the
// non-allocating forms of the conditional ones (silent).
#include <dirent.h>
#include <execinfo.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

void unjustified(const char *s, const wchar_t *w, FILE *in, void **frames) {
  char *a = strdup(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'strdup' allocates heap memory without a justification; {{.*}} [alloc-unjustified]{{$}}
  char *b = strndup(s, 8);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'strndup' allocates {{.*}} [alloc-unjustified]{{$}}
  wchar_t *c = wcsdup(w);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'wcsdup' allocates {{.*}} [alloc-unjustified]{{$}}
  char *d;
  asprintf(&d, "%s", s);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'asprintf' allocates {{.*}} [alloc-unjustified]{{$}}
  char *line = NULL;
  size_t cap = 0;
  getline(&line, &cap, in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getline' allocates {{.*}} [alloc-unjustified]{{$}}
  getdelim(&line, &cap, ';', in);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getdelim' allocates {{.*}} [alloc-unjustified]{{$}}
  char *e = realpath(s, NULL);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'realpath' allocates {{.*}} [alloc-unjustified]{{$}}
  char *f = getcwd(NULL, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'getcwd' allocates {{.*}} [alloc-unjustified]{{$}}
  char *g = get_current_dir_name();
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'get_current_dir_name' allocates {{.*}} [alloc-unjustified]{{$}}
  char *h = canonicalize_file_name(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'canonicalize_file_name' allocates {{.*}} [alloc-unjustified]{{$}}
  char *buf;
  size_t len;
  FILE *m = open_memstream(&buf, &len);
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'open_memstream' allocates {{.*}} [alloc-unjustified]{{$}}
  struct dirent **names;
  scandir(s, &names, 0, 0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'scandir' allocates {{.*}} [alloc-unjustified]{{$}}
  char **syms = backtrace_symbols(frames, 4);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'backtrace_symbols' allocates {{.*}} [alloc-unjustified]{{$}}
  char *t = tempnam("/tmp", "x");
  // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'tempnam' allocates {{.*}} [alloc-unjustified]{{$}}
  struct addrinfo *ai;
  getaddrinfo(s, "80", 0, &ai);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getaddrinfo' allocates {{.*}} [alloc-unjustified]{{$}}
  struct ifaddrs *ifa;
  getifaddrs(&ifa);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'getifaddrs' allocates {{.*}} [alloc-unjustified]{{$}}
  (void)a; (void)b; (void)c; (void)e; (void)f; (void)g; (void)h; (void)m;
  (void)syms; (void)t;
}

void justified(const char *s, const wchar_t *w, FILE *in, void **frames) {
  char *a = strdup(s); // alloc: scoped -- freed at the end of the request
  char *b = strndup(s, 8); // alloc: scoped -- freed below
  wchar_t *c = wcsdup(w); // alloc: scoped -- freed below
  char *d;
  asprintf(&d, "%s", s); // alloc: returned -- the caller frees the message
  char *line = NULL;
  size_t cap = 0;
  getline(&line, &cap, in); // alloc: scoped -- one line buffer reused per call
  getdelim(&line, &cap, ';', in); // alloc: scoped -- grows the same buffer
  char *e = realpath(s, NULL); // alloc: scoped -- path of unknown length
  char *f = getcwd(NULL, 0); // alloc: scoped -- freed below
  char *g = get_current_dir_name(); // alloc: scoped -- freed below
  char *h = canonicalize_file_name(s); // alloc: scoped -- freed below
  char *buf;
  size_t len;
  FILE *m = open_memstream(&buf, &len); // alloc: scoped -- report text
  struct dirent **names;
  scandir(s, &names, 0, 0); // alloc: scoped -- directory listing
  char **syms = backtrace_symbols(frames, 4); // alloc: scoped -- crash report
  char *t = tempnam("/tmp", "x"); // alloc: scoped -- freed below
  struct addrinfo *ai;
  getaddrinfo(s, "80", 0, &ai); // alloc: scoped -- freed with freeaddrinfo
  struct ifaddrs *ifa;
  getifaddrs(&ifa); // alloc: scoped -- freed with freeifaddrs
  (void)a; (void)b; (void)c; (void)e; (void)f; (void)g; (void)h; (void)m;
  (void)syms; (void)t;
}

// Near misses: these forms write into the caller's buffer and allocate
// nothing, so they must stay silent.
void no_allocation(const char *s, char *dst) {
  char resolved[4096];
  char cwd[256];
  realpath(s, resolved);
  realpath(s, dst);
  getcwd(cwd, sizeof cwd);
  getcwd(dst, 64);
  // Deallocators are not allocation sites.
  freeaddrinfo(0);
  freeifaddrs(0);
}
