/* bench/realworld shim for c-ares's generated ares_build.h (Linux, LP64). */
#ifndef __CARES_BUILD_H
#define __CARES_BUILD_H
#define CARES_TYPEOF_ARES_SOCKLEN_T socklen_t
#define CARES_SIZEOF_ARES_SOCKLEN_T 4
#define CARES_TYPEOF_ARES_SSIZE_T ssize_t
#define CARES_SIZEOF_LONG 8
#define CARES_HAVE_SYS_TYPES_H
#define CARES_HAVE_SYS_SOCKET_H
#define CARES_HAVE_SYS_SELECT_H
#define CARES_HAVE_ARPA_NAMESER_H
#define CARES_HAVE_ARPA_NAMESER_COMPAT_H
#include <sys/types.h>
#include <sys/socket.h>
#include <sys/select.h>
typedef CARES_TYPEOF_ARES_SOCKLEN_T ares_socklen_t;
typedef CARES_TYPEOF_ARES_SSIZE_T ares_ssize_t;
#endif
