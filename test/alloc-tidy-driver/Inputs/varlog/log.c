#include <stdarg.h>
#include <stdio.h>

static char line[256];

/* A project's printf-like log function: it reads its extra arguments. */
void log_msg(int level, const char *fmt, ...) {
  va_list args;
  if (level < 1)
    return;
  va_start(args, fmt);
  vsnprintf(line, sizeof line, fmt, args);
  va_end(args);
  fputs(line, stderr);
}
