/* Case libevent-sigfd-add-sigprocmask (sigfd_add, signalfd.c). Besides the
 * allocator (mm_malloc, see libevent-uriencode-bad-length.c), two causes:
 * (1) the block is stored into sig->sh_old[signo], an array element of a field
 *     reached through the parameter: that store ends ownership, so no later
 *     return is checked, even with ReportAllExits (and sigaction, without
 *     rules, "may keep" it). The sibling exit at line 22 frees and clears the
 *     slot before the same 'return -1': evidence that the slot is still ours.
 * (2) the body ends with an error tail 'unblock: ...; return -1;', so -1 is
 *     taken as the success value and 'return 0' as the failure: the failure
 *     class is inverted (alone in save_local: line 36; ReportAllExits shows it).
 * Expected: lines 25 and 30 "'sig->sh_old[signo]' leaks when 'sigfd_add'
 * fails here", line 36 "'p' leaks when 'save_local' fails here". */
#include <stdlib.h>
struct evsig_info { void *sh_old[65]; };
int sys_sigaction(int signo, void *old), sys_block(int signo); /* libc stand-ins */
int sigfd_add(struct evsig_info *sig, int signo)
{
  sig->sh_old[signo] = malloc(64);
  if (sig->sh_old[signo] == NULL)
    return -1;
  if (sys_sigaction(signo, sig->sh_old[signo]) == -1) {
    free(sig->sh_old[signo]); sig->sh_old[signo] = NULL; return -1;
  }
  if (sys_block(signo))
    return -1;                 /* fix: goto free_mem */
  if (sys_block(0))           /* stands for signalfd() failing */
    goto unblock;
  return 0;
unblock: sys_block(-signo);
  return -1;
}
int save_local(int signo)
{
  char *p = malloc(64);
  if (p == NULL) return -1;
  if (sys_block(signo)) return -1;           /* not reported */
  if (sys_sigaction(signo, p) == -1) goto unblock;
  free(p); return 0;
unblock: free(p); return -1;
}
