/* bench/realworld shim for libyaml's generated config.h. */
#define YAML_VERSION_MAJOR 0
#define YAML_VERSION_MINOR 1
#define YAML_VERSION_PATCH 7
#define YAML_VERSION_STRING "0.1.7"
