/* Minimal hermetic <stdio.h> for the alloc-tidy tests. */
#ifndef TEST_STDIO_H
#define TEST_STDIO_H
#include <stddef.h>
#include <stdarg.h>
typedef struct FILE FILE;
extern FILE *stderr;
int printf(const char *fmt, ...);
int fprintf(FILE *f, const char *fmt, ...);
int snprintf(char *buf, size_t n, const char *fmt, ...);
int asprintf(char **strp, const char *fmt, ...);
int vasprintf(char **strp, const char *fmt, va_list ap);
ssize_t getline(char **lineptr, size_t *n, FILE *stream);
ssize_t getdelim(char **lineptr, size_t *n, int delim, FILE *stream);
FILE *open_memstream(char **ptr, size_t *sizeloc);
char *tempnam(const char *dir, const char *pfx);
FILE *fopen(const char *path, const char *mode) __attribute__((malloc));
int fclose(FILE *f);
#endif
