# The shipped rules/*.yaml are data; the core embeds them at build time so the
# plugin and the driver need no install path to find them.  Users name them in
# the BuiltinRules / RulesFiles options by their stem ("libc", "glib", ...).
file(GLOB ALLOC_TIDY_RULES_FILES CONFIGURE_DEPENDS
  "${CMAKE_CURRENT_SOURCE_DIR}/rules/*.yaml")
set(ALLOC_TIDY_RULES_INC "${CMAKE_CURRENT_BINARY_DIR}/generated/BuiltinRules.inc")
add_custom_command(
  OUTPUT "${ALLOC_TIDY_RULES_INC}"
  COMMAND "${CMAKE_COMMAND}" -DOUTPUT=${ALLOC_TIDY_RULES_INC}
          "-DINPUTS=${ALLOC_TIDY_RULES_FILES}"
          -P "${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedRules.cmake"
  DEPENDS ${ALLOC_TIDY_RULES_FILES} "${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedRules.cmake"
  COMMENT "Embedding rules/*.yaml"
  VERBATIM)
add_custom_target(alloc_tidy_rules DEPENDS "${ALLOC_TIDY_RULES_INC}")
