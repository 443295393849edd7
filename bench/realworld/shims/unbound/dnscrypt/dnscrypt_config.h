/* Our own stand-in for the generated dnscrypt/dnscrypt_config.h: dnscrypt is
 * not enabled (USE_DNSCRYPT stays undefined). */
#ifndef UNBOUND_DNSCRYPT_CONFIG_H
#define UNBOUND_DNSCRYPT_CONFIG_H
#endif
