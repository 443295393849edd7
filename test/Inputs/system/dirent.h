#ifndef TEST_DIRENT_H
#define TEST_DIRENT_H
struct dirent { char d_name[256]; };
int scandir(const char *dir, struct dirent ***namelist,
            int (*filter)(const struct dirent *),
            int (*compar)(const struct dirent **, const struct dirent **));
#endif
