/* Does not parse: the server must answer and go on. */
void *malloc(unsigned long n);

char *half(void) {
  char *p = malloc(8)
  return p
