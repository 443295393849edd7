/* bench/realworld shim for paho.mqtt.c's generated VersionInfo.h. */
#ifndef VERSIONINFO_H
#define VERSIONINFO_H
#define BUILD_TIMESTAMP "bench-realworld"
#define CLIENT_VERSION "0.0.0"
#endif
