#include <stddef.h>
struct buf { char *data; size_t len; };
struct hooks { void *(*alloc)(size_t); void (*release)(void *); };
extern struct hooks lib_hooks;
struct buf *buf_new(size_t n);
void buf_free(struct buf *b);
int buf_fill(struct buf *b, const char *s);
