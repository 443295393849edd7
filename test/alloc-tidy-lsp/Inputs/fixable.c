/* An unjustified allocation and a scoped buffer that a fix-it moves to the
   stack.  Declares what it uses: the tests run it with and without flags. */
typedef unsigned long size_t;
void *malloc(size_t n);
void free(void *p);
int fill(char *buf, int n);
char *keep(void) __attribute__((malloc));

char *keep(void) {
  return malloc(32);
}

int format_id(void) {
  char *buf = malloc(64); /* alloc: scoped -- formatted id */
  int n = fill(buf, 64);
  free(buf);
  return n;
}
