// RUN: %check_alloc_tidy %s alloc-group-unwind,alloc-unchecked-result %t

// getifaddrs returns 0 or -1 and nothing else ('status: minus-one'): a
// truth test, '< 0' and '== -1' all test its failure, and the other branch
// its success (siproxd get_ip_by_ifname: 'if (getifaddrs(&ifa_list))').
#include <ifaddrs.h>
#include <string.h>

int find(const char *name);

int by_truth(const char *name) {
  struct ifaddrs *list;
  if (getifaddrs(&list))
    return -1; // nothing was allocated
  for (struct ifaddrs *i = list; i; i = i->ifa_next)
    if (strcmp(i->ifa_name, name) == 0) {
      freeifaddrs(list);
      return 0;
    }
  freeifaddrs(list);
  return 1;
}

int by_sign(const char *name) {
  struct ifaddrs *list;
  if (getifaddrs(&list) < 0)
    return -1;
  int found = strcmp(list->ifa_name, name) == 0;
  freeifaddrs(list);
  return found;
}

int by_value(const char *name) {
  struct ifaddrs *list;
  int rc = getifaddrs(&list);
  if (rc == -1)
    return -1;
  if (find(name) < 0)
    return -1; // but here it leaks
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'list' leaks {{.*}} [alloc-group-unwind]
  freeifaddrs(list);
  return 0;
}

// Near miss: a success test leaves the failure on the other branch.
int by_success(const char *name) {
  struct ifaddrs *list;
  if (getifaddrs(&list) == 0) {
    int found = strcmp(list->ifa_name, name) == 0;
    freeifaddrs(list);
    return found;
  }
  return -1;
}
