/* Minimal hermetic <string.h> for the alloc-tidy tests. */
#ifndef TEST_STRING_H
#define TEST_STRING_H
#include <stddef.h>
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
char *strcpy(char *d, const char *s);
char *strncpy(char *d, const char *s, size_t n);
char *strcat(char *d, const char *s);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);
#endif
