/* bench/realworld shim for libevent's generated evconfig-private.h. */
#ifndef EVCONFIG_PRIVATE_H_INCLUDED_
#define EVCONFIG_PRIVATE_H_INCLUDED_
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#endif
