/* Minimal hermetic <stdlib.h> for the alloc-tidy tests. */
#ifndef TEST_STDLIB_H
#define TEST_STDLIB_H
#include <stddef.h>
void *malloc(size_t size);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t size);
void *reallocarray(void *p, size_t n, size_t size);
void *aligned_alloc(size_t align, size_t size);
int posix_memalign(void **p, size_t align, size_t size);
void *memalign(size_t align, size_t size);
void *valloc(size_t size);
void *pvalloc(size_t size);
void free(void *p);
char *getenv(const char *name);
int putenv(char *string);
int setenv(const char *name, const char *value, int overwrite);
char *realpath(const char *path, char *resolved);
char *canonicalize_file_name(const char *path);
void abort(void) __attribute__((noreturn));
void exit(int status) __attribute__((noreturn));

/* A system-header helper that allocates: never reported, wherever used. */
static inline void *sys_helper_alloc(size_t n) { return malloc(n); }
/* A system-header macro that allocates: reported where it is expanded. */
#define SYS_NEW(T) ((T *)malloc(sizeof(T)))
#endif
