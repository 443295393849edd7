#ifndef TEST_WCHAR_H
#define TEST_WCHAR_H
#include <stddef.h>
wchar_t *wcsdup(const wchar_t *s);
#endif
