/* Minimal hermetic <stddef.h> for the alloc-tidy tests. */
#ifndef TEST_STDDEF_H
#define TEST_STDDEF_H
typedef unsigned long size_t;
typedef long ssize_t;
typedef int wchar_t;
#define NULL ((void *)0)
#endif
