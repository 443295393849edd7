/* Case hiredis-read-integer-io-error (redisReadIntegerReply, hiredis.c, 2009).
 * Cause (exit): the failure is reported by returning a NEW error object,
 * 'return redisIOError();' (createReplyObject(REDIS_REPLY_ERROR, ...), an
 * allocation), not NULL: neither a NULL, false nor a negative constant, so
 * the exit is an ordinary one and r (malloc, still owned) is reported only
 * with ReportAllExits. The test guarding it, 'buf == NULL', is on
 * redisReadLine's result, which is not an allocator either: its sds comes
 * from sdsnewlen, which returns the interior pointer 'sh->buf' (the summaries
 * list sdsnewlen as 'copies: [0]'; cf. paho-async-send-alloc-failure.c), so
 * it is no "failed allocation" (with redisReadLine declared, it is found).
 * Evidence inside the function: r is what the success exit returns (line
 * 36), so at an exit returning something else it must be released.
 * Expected: line 32 "'r' leaks ... free it before returning". */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
typedef struct reply { int type; long long integer; char *str; } reply;
char *read_line(int fd);              /* redisReadLine: NULL on I/O error */
static reply *create_reply(int type, char *str)
{
  reply *r = malloc(sizeof(*r));
  if (!r) { fprintf(stderr, "OOM\n"); exit(1); }
  r->type = type; r->str = str;
  return r;
}
static reply *io_error(void) { return create_reply(6, strdup("I/O error")); }
reply *read_integer(int fd)
{
  char *buf = read_line(fd);
  reply *r = malloc(sizeof(*r));
  if (r == NULL) { fprintf(stderr, "OOM\n"); exit(1); }
  if (buf == NULL) return io_error();   /* fix: free(r) first */
  r->type = 3;
  r->integer = strtoll(buf, NULL, 10);
  free(buf);
  return r;
}
