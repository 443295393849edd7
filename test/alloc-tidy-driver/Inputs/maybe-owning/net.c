#include <stddef.h>
void zfree(void *p); /* zm.c */
struct client { char **argv; char **view; };
static void free_argv(struct client *c) {
  zfree(c->argv);
  c->argv = NULL;
}
/* Takes argv: the client's argv field is freed (through zfree, another
   file's function). */
void replace_argv(struct client *c, char **argv) {
  free_argv(c);
  c->argv = argv;
}
/* Only borrows: nothing frees the view field. */
void show_argv(struct client *c, char **argv) { c->view = argv; }
