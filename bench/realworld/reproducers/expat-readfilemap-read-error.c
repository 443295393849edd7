/* Case expat-readfilemap-read-error (filemap, expat/xmlwf/readfilemap.c).
 * Cause: the buffer is handed to read(2), a libc/POSIX function with no
 * rules: its 'void *buf' parameter is not const, so mayTake() lends the
 * block ("may have been kept") and nothing is reported at the later
 * failing returns. The same code with fread(p, 1, n, f) (which has a rule:
 * "dereferences: [0, 3]") is reported, and so is the real tree with
 * oracle/expat.yaml's "read: borrows: [1]". The exits are recognised:
 * "return 0" against the final "return 1".
 * Needed: rules for the POSIX I/O calls that only fill or read a buffer
 * (read, pread, write, recv, send, readlink, getcwd...) as borrows, or
 * "functions declared in system headers borrow unless listed".
 * Expected: lines 24 and 27 "'p' leaks when 'filemap' fails here". */
#include <stdio.h>
#include <stdlib.h>
long read(int fd, void *buf, unsigned long count); /* <unistd.h> */
int filemap(int fd, unsigned long nbytes,
            void (*processor)(const void *, unsigned long)) {
  void *p = malloc(nbytes);
  if (!p)
    return 0;
  long n = read(fd, p, nbytes);
  if (n < 0) {
    perror("read");
    return 0;
  }
  if ((unsigned long)n != nbytes)
    return 0;
  processor(p, nbytes);
  free(p);
  return 1;
}
