#ifndef TEST_NETDB_H
#define TEST_NETDB_H
struct addrinfo { int ai_flags; struct addrinfo *ai_next; };
int getaddrinfo(const char *node, const char *service,
                const struct addrinfo *hints, struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);
#endif
