// The library's replaceable allocator (c-ares ares_library_init.c): global
// function pointers, initialised here, declared `extern` elsewhere.
#include <stdlib.h>

void *(*lib_malloc)(size_t size) = malloc;
void (*lib_free)(void *ptr) = free;
