/* bench/realworld shim for OpenSC's generated config.h: a Linux build with
 * OpenSSL, secure messaging and zlib, PC/SC through pcsc-lite (not needed to
 * parse the card drivers). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif
#define PACKAGE "opensc"
#define PACKAGE_NAME "OpenSC"
#define PACKAGE_VERSION "0.0.0"
#define PACKAGE_STRING "OpenSC 0.0.0"
#define PACKAGE_BUGREPORT ""
#define PACKAGE_URL ""
#define VERSION "0.0.0"
#define OPENSC_VERSION_MAJOR 0
#define OPENSC_VERSION_MINOR 0
#define OPENSC_VERSION_FIX 0
#define OPENSC_VERSION_REVISION 0
#define OPENSC_SCM_REVISION "bench-realworld"
#define OPENSC_VS_FF_COMPANY_NAME "OpenSC Project"
#define OPENSC_VS_FF_PRODUCT_NAME "OpenSC smartcard framework"
#define OPENSC_VS_FF_COMPANY_URL "https://github.com/OpenSC"
#define OPENSC_VS_FF_PRODUCT_URL "https://github.com/OpenSC/OpenSC"
#define OPENSC_VS_FF_PRODUCT_UPDATES "https://github.com/OpenSC/OpenSC/releases"
#define OPENSC_ARCH_SUFFIX ""
#define OPENSC_CONF_PATH "/etc/opensc.conf"
#define OPENSC_FEATURES "bench"
#define SC_PKCS15_PROFILE_DIRECTORY "/usr/share/opensc"
#define CVCDIR "/etc/eac/cvc"
#define X509DIR "/etc/eac/x509"
#define DEFAULT_PCSC_PROVIDER "libpcsclite.so.1"
#define DEFAULT_SM_MODULE "libsmm-local.so"
#define DEFAULT_SM_MODULE_PATH "/usr/lib"
#define DEFAULT_ONEPIN_PROVIDER "opensc-pkcs11.so"
#define DEFAULT_PKCS11_PROVIDER "opensc-pkcs11.so"
#define DEFAULT_MODULE_PATH "/usr/lib"
#define LIBDIR "/usr/lib"
#define ENABLE_OPENSSL 1
#define ENABLE_SM 1
#define ENABLE_ZLIB 1
#define ENABLE_PCSC 1
#define ENABLE_SHARED 1
#define HAVE_BUILTIN_OVERFLOW 1
#define HAVE_DLFCN_H 1
#define HAVE_ERRNO_H 1
#define HAVE_FCNTL_H 1
#define HAVE_GETOPT_H 1
#define HAVE_GETPASS 1
#define HAVE_GETTIMEOFDAY 1
#define HAVE_INTTYPES_H 1
#define HAVE_LIMITS_H 1
#define HAVE_MALLOC_H 1
#define HAVE_MEMSET_S 0
#undef HAVE_MEMSET_S
#define HAVE_EXPLICIT_BZERO 1
#define HAVE_PTHREAD 1
#define HAVE_STDINT_H 1
#define HAVE_STDLIB_H 1
#define HAVE_STRINGS_H 1
#define HAVE_STRING_H 1
#define HAVE_STRLCAT 0
#undef HAVE_STRLCAT
#define HAVE_STRNLEN 1
#define HAVE_SYS_MMAN_H 1
#define HAVE_SYS_STAT_H 1
#define HAVE_SYS_TIME_H 1
#define HAVE_SYS_TYPES_H 1
#define HAVE_UNISTD_H 1
#define HAVE_LTDL_H 0
#undef HAVE_LTDL_H
#define HAVE_ZLIB_H 1
#define STDC_HEADERS 1
