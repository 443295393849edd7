/* Our own stand-in for unbound's configure-generated config.h (bench/realworld):
 * the feature macros configure finds on Debian 12 (glibc, OpenSSL 3; run with
 * --without-libevent --enable-subnet --enable-cachedb), then the few macros and
 * includes unbound's sources expect from the generated file's tail. */
#ifndef ALLOC_TIDY_UNBOUND_CONFIG_H
#define ALLOC_TIDY_UNBOUND_CONFIG_H
#define ATTR_FALLTHROUGH __attribute__((fallthrough));
#define ATTR_NORETURN __attribute__((__noreturn__))
#define ATTR_WEAK __attribute__((weak))
#define CHROOT_DIR "/usr/local/etc/unbound"
#define CLIENT_SUBNET 1
#define CONFCMDLINE "--without-libevent --with-libexpat=/usr --enable-subnet --enable-cachedb"
#define CONFIGFILE "/usr/local/etc/unbound/unbound.conf"
#define HAVE_ACCEPT4 1
#define HAVE_ARC4RANDOM 1
#define HAVE_ARC4RANDOM_UNIFORM 1
#define HAVE_ARPA_INET_H 1
#define HAVE_ASN1_STRING_GET0_DATA 1
#define HAVE_ATTR_FALLTHROUGH 1
#define HAVE_ATTR_FORMAT 1
#define HAVE_ATTR_NONSTRING 1
#define HAVE_ATTR_NORETURN 1
#define HAVE_ATTR_UNUSED 1
#define HAVE_ATTR_WEAK 1
#define HAVE_BE64TOH 1
#define HAVE_BIO_SET_CALLBACK_EX 1
#define HAVE_CHOWN 1
#define HAVE_CHROOT 1
#define HAVE_CTIME_R 1
#define HAVE_DAEMON 1
#define HAVE_DECL_INET_NTOP 1
#define HAVE_DECL_INET_PTON 1
#define HAVE_DECL_NID_ED25519 1
#define HAVE_DECL_NID_ED448 1
#define HAVE_DECL_NID_SECP384R1 1
#define HAVE_DECL_NID_X9_62_PRIME256V1 1
#define HAVE_DECL_REALLOCARRAY 1
#define HAVE_DECL_SK_SSL_COMP_POP_FREE 1
#define HAVE_DECL_SSL_COMP_GET_COMPRESSION_METHODS 1
#define HAVE_DECL_SSL_CTX_SET_ECDH_AUTO 1
#define HAVE_DECL_SSL_CTX_SET_TMP_ECDH 1
#define HAVE_DECL_XML_STOPPARSER 1
#define HAVE_DLFCN_H 1
#define HAVE_DSA_SIG_SET0 1
#define HAVE_ENDIAN_H 1
#define HAVE_ENDPROTOENT 1
#define HAVE_ENDPWENT 1
#define HAVE_ENDSERVENT 1
#define HAVE_EVP_AES_256_CBC 1
#define HAVE_EVP_DEFAULT_PROPERTIES_IS_FIPS_ENABLED 1
#define HAVE_EVP_DIGESTVERIFY 1
#define HAVE_EVP_ENCRYPTINIT_EX 1
#define HAVE_EVP_MAC_CTX_SET_PARAMS 1
#define HAVE_EVP_MD_CTX_NEW 1
#define HAVE_EVP_SHA1 1
#define HAVE_EVP_SHA256 1
#define HAVE_EVP_SHA512 1
#define HAVE_EXPAT_H 1
#define HAVE_EXPLICIT_BZERO 1
#define HAVE_FCNTL 1
#define HAVE_FNMATCH 1
#define HAVE_FNMATCH_H 1
#define HAVE_FORK 1
#define HAVE_FSEEKO 1
#define HAVE_FSYNC 1
#define HAVE_GETADDRINFO 1
#define HAVE_GETIFADDRS 1
#define HAVE_GETOPT_H 1
#define HAVE_GETPWNAM 1
#define HAVE_GETRLIMIT 1
#define HAVE_GETTID 1
#define HAVE_GLOB 1
#define HAVE_GLOB_H 1
#define HAVE_GMTIME_R 1
#define HAVE_GRP_H 1
#define HAVE_HMAC_INIT_EX 1
#define HAVE_HTOBE64 1
#define HAVE_IFADDRS_H 1
#define HAVE_IF_NAMETOINDEX 1
#define HAVE_INET_ATON 1
#define HAVE_INET_NTOP 1
#define HAVE_INET_PTON 1
#define HAVE_INITGROUPS 1
#define HAVE_INTTYPES_H 1
#define HAVE_ISBLANK 1
#define HAVE_KILL 1
#define HAVE_LINK_ATOMIC_STORE 1
#define HAVE_LINUX_NET_TSTAMP_H 1
#define HAVE_LOCALTIME_R 1
#define HAVE_MALLOC 1
#define HAVE_MEMMOVE 1
#define HAVE_NETDB_H 1
#define HAVE_NETINET_IN_H 1
#define HAVE_NETINET_TCP_H 1
#define HAVE_NET_IF_H 1
#define HAVE_OPENSSL_BN_H 1
#define HAVE_OPENSSL_CLEANUP 1
#define HAVE_OPENSSL_CONFIG 1
#define HAVE_OPENSSL_CONF_H 1
#define HAVE_OPENSSL_CORE_NAMES_H 1
#define HAVE_OPENSSL_DH_H 1
#define HAVE_OPENSSL_DSA_H 1
#define HAVE_OPENSSL_ENGINE_H 1
#define HAVE_OPENSSL_ERR_H 1
#define HAVE_OPENSSL_INIT_CRYPTO 1
#define HAVE_OPENSSL_INIT_SSL 1
#define HAVE_OPENSSL_PARAM_BUILD_H 1
#define HAVE_OPENSSL_RAND_H 1
#define HAVE_OPENSSL_RSA_H 1
#define HAVE_OPENSSL_SSL_H 1
#define HAVE_OSSL_PARAM_BLD_NEW 1
#define HAVE_POLL 1
#define HAVE_POLL_H 1
#define HAVE_PTHREAD 1
#define HAVE_PTHREAD_PRIO_INHERIT 1
#define HAVE_PTHREAD_RWLOCK_T 1
#define HAVE_PTHREAD_SETNAME_NP 1
#define HAVE_PTHREAD_SPINLOCK_T 1
#define HAVE_PWD_H 1
#define HAVE_RANDOM 1
#define HAVE_REALLOCARRAY 1
#define HAVE_RECVMSG 1
#define HAVE_SENDMSG 1
#define HAVE_SETRESGID 1
#define HAVE_SETRESUID 1
#define HAVE_SETRLIMIT 1
#define HAVE_SETSID 1
#define HAVE_SHMGET 1
#define HAVE_SIGPROCMASK 1
#define HAVE_SLEEP 1
#define HAVE_SNPRINTF 1
#define HAVE_SOCKETPAIR 1
#define HAVE_SRANDOM 1
#define HAVE_SSL /**/
#define HAVE_SSL_CTX_SET_ALPN_PROTOS 1
#define HAVE_SSL_CTX_SET_ALPN_SELECT_CB 1
#define HAVE_SSL_CTX_SET_CIPHERSUITES 1
#define HAVE_SSL_CTX_SET_SECURITY_LEVEL 1
#define HAVE_SSL_CTX_SET_TLSEXT_TICKET_KEY_EVP_CB 1
#define HAVE_SSL_GET0_ALPN_SELECTED 1
#define HAVE_SSL_GET0_PEERNAME 1
#define HAVE_SSL_GET1_PEER_CERTIFICATE 1
#define HAVE_SSL_SET1_HOST 1
#define HAVE_STDARG_H 1
#define HAVE_STDATOMIC_H 1
#define HAVE_STDBOOL_H 1
#define HAVE_STDINT_H 1
#define HAVE_STDIO_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRFTIME 1
#define HAVE_STRINGS_H 1
#define HAVE_STRING_H 1
#define HAVE_STRPTIME 1
#define HAVE_STRSEP 1
#define HAVE_STRUCT_IN_PKTINFO_IPI_SPEC_DST 1
#define HAVE_STRUCT_STAT_ST_MTIM_TV_NSEC 1
#define HAVE_SYSLOG_H 1
#define HAVE_SYS_IPC_H 1
#define HAVE_SYS_PARAM_H 1
#define HAVE_SYS_RESOURCE_H 1
#define HAVE_SYS_SELECT_H 1
#define HAVE_SYS_SHM_H 1
#define HAVE_SYS_SOCKET_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_SYS_UIO_H 1
#define HAVE_SYS_UN_H 1
#define HAVE_SYS_WAIT_H 1
#define HAVE_TIME_H 1
#define HAVE_TZSET 1
#define HAVE_UNISTD_H 1
#define HAVE_USLEEP 1
#define HAVE_VFORK 1
#define HAVE_WCHAR_H 1
#define HAVE_WORKING_FORK 1
#define HAVE_WORKING_VFORK 1
#define HAVE_WRITEV 1
#define HAVE_X509_GET_KEY_USAGE 1
#define HAVE_X509_NAME_GET_TEXT_BY_NID 1
#define HAVE_X509_VERIFY_PARAM_SET1_HOST 1
#define MAXSYSLOGMSGLEN 10240
#define PACKAGE_BUGREPORT "unbound-bugs@nlnetlabs.nl or https://github.com/NLnetLabs/unbound/issues"
#define PACKAGE_NAME "unbound"
#define PACKAGE_STRING "unbound 1.26.1"
#define PACKAGE_TARNAME "unbound"
#define PACKAGE_URL ""
#define PACKAGE_VERSION "1.26.1"
#define PIDFILE "/usr/local/etc/unbound/unbound.pid"
#define RETSIGTYPE void
#define ROOT_ANCHOR_FILE "/usr/local/etc/unbound/root.key"
#define ROOT_CERT_FILE "/usr/local/etc/unbound/icannbundle.pem"
#define RUN_DIR "/usr/local/etc/unbound"
#define SHARE_DIR "/usr/local/etc/unbound"
#define UB_USERNAME "unbound"
#define SIZEOF_PTHREAD_T 8
#define SIZEOF_SIZE_T 8
#define SIZEOF_TIME_T 8
#define SIZEOF_UNSIGNED_LONG 8
#define STDC_HEADERS 1
#define USE_CACHEDB 1
#define USE_ECDSA 1
#define USE_ED25519 1
#define USE_ED448 1
#define USE_SHA1 1
#define USE_SHA2 1
#define WINVER 0x0502
#define USE_MINI_EVENT 1
#define _GNU_SOURCE 1
#define _DEFAULT_SOURCE 1

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <assert.h>
#include <stdlib.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdint.h>
#include <errno.h>
#include <sys/param.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>

#define ARG_LL "%ll"
#define ATTR_FORMAT(archetype, string_index, first_to_check) \
	__attribute__ ((format (archetype, string_index, first_to_check)))
#define ATTR_UNUSED(x) x __attribute__((unused))
#define ATTR_NONSTRING __attribute__((__nonstring__))
#ifndef AF_LOCAL
#define AF_LOCAL AF_UNIX
#endif
#define FD_SET_T
#define IPV6_MIN_MTU 1280
#define INET6
#define CHECKED_INET6
#define UNBOUND_DNS_PORT 53
#define UNBOUND_DNS_OVER_TLS_PORT 853
#define UNBOUND_DNS_OVER_HTTPS_PORT 443
#define UNBOUND_DNS_OVER_QUIC_PORT 853
#define UNBOUND_CONTROL_PORT 8953
#define UNBOUND_CONTROL_VERSION 1
#define MAXSYSLOGMSGLEN 10240
uint32_t arc4random(void);
void arc4random_buf(void* buf, size_t n);
uint32_t arc4random_uniform(uint32_t upper_bound);
size_t strlcpy(char *dst, const char *src, size_t siz);
size_t strlcat(char *dst, const char *src, size_t siz);
#endif
