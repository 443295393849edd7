#include <stddef.h>
void *zmalloc(size_t n);
void zfree(void *p);
struct client;
void replace_argv(struct client *c, char **argv);
void show_argv(struct client *c, char **argv);
int rewrite(struct client *c, int keep) {
  char **argv = zmalloc(2 * sizeof(char *));
  if (argv == NULL)
    return -1;
  if (keep) {
    replace_argv(c, argv);
    return 0;
  }
  zfree(argv);
  return 1;
}
int display(struct client *c, int keep) {
  char **argv = zmalloc(2 * sizeof(char *));
  if (argv == NULL)
    return -1;
  if (keep) {
    show_argv(c, argv);
    return 0;
  }
  zfree(argv);
  return 1;
}
