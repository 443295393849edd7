// RUN: %check_alloc_tidy %s alloc-group-unwind %t

// Memory stored into a slot of the caller's object and also shown through
// an out-parameter (`*pp = p->apRegion[i]`) is that object's memory: the
// out-parameter only views it.  SQLite unixShmMap maps regions into
// pShmNode->apRegion[] and returns one through *pp; a later mapping that
// fails leaks nothing (the node's close frees them).
#include <stdlib.h>
#include <string.h>

struct node { int hShm; int nRegion; char **apRegion; };
void *(*os_map)(long size, int fd);

int shm_map(struct node *p, int iRegion, int nReq, void **pp) {
  int rc = 0;
  while (p->nRegion < nReq) {
    void *pMem;
    if (p->hShm >= 0) {
      pMem = os_map(4096, p->hShm);
      if (pMem == (void *)-1) {
        rc = 10;
        goto out;
      }
    } else {
      pMem = malloc(4096); /* alloc: stored -- the node's regions */
      if (pMem == 0) {
        rc = 7;
        goto out;
      }
      memset(pMem, 0, 4096);
    }
    p->apRegion[p->nRegion] = pMem;
    p->nRegion++;
  }
out:
  if (p->nRegion > iRegion)
    *pp = p->apRegion[iRegion];
  else
    *pp = 0;
  return rc;
}

// The same out-parameter given memory nobody else holds: a failing exit
// that leaves it set leaks it.
int map_one(int fd, void **pp) {
  void *pMem = malloc(4096); /* alloc: returned -- through *pp */
  if (pMem == 0)
    return 7;
  *pp = pMem;
  if (os_map(4096, fd) == (void *)-1)
    return 10;
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'pMem' leaks when 'map_one' fails here; free it before returning [alloc-group-unwind]{{$}}
  return 0;
}
