#ifndef TEST_IFADDRS_H
#define TEST_IFADDRS_H
struct ifaddrs { struct ifaddrs *ifa_next; char *ifa_name; };
int getifaddrs(struct ifaddrs **ifap);
void freeifaddrs(struct ifaddrs *ifa);
#endif
