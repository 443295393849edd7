#ifndef TEST_UNISTD_H
#define TEST_UNISTD_H
#include <stddef.h>
char *getcwd(char *buf, size_t size);
char *get_current_dir_name(void);
ssize_t read(int fd, void *buf, size_t n);
#endif
