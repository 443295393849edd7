/* Our own stand-in for the generated dnstap/dnstap_config.h: dnstap is not
 * enabled (USE_DNSTAP stays undefined unless a case defines it). */
#ifndef UNBOUND_DNSTAP_CONFIG_H
#define UNBOUND_DNSTAP_CONFIG_H
#endif
