/* bench/realworld shim for json-c's generated json_config.h. */
#define JSON_C_HAVE_INTTYPES_H 1
