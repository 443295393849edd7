# Data compiled into the binaries, so the plugin and the driver need no
# install path to find it:
#  * rules/*.yaml, named by stem in the BuiltinRules / RulesFiles options;
#  * docs/checks/*.md, the source of the driver's SARIF rule descriptions.
function(alloc_tidy_embed target output prefix)
  set(inputs ${ARGN})
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" "-DOUTPUT=${output}" "-DINPUTS=${inputs}"
            "-DPREFIX=${prefix}"
            -P "${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedFiles.cmake"
    DEPENDS ${inputs} "${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedFiles.cmake"
    COMMENT "Embedding ${prefix}/*"
    VERBATIM)
  add_custom_target(${target} DEPENDS "${output}")
endfunction()

file(GLOB ALLOC_TIDY_RULES_FILES CONFIGURE_DEPENDS
  "${CMAKE_CURRENT_SOURCE_DIR}/rules/*.yaml")
set(ALLOC_TIDY_RULES_INC "${CMAKE_CURRENT_BINARY_DIR}/generated/BuiltinRules.inc")
alloc_tidy_embed(alloc_tidy_rules "${ALLOC_TIDY_RULES_INC}" rules ${ALLOC_TIDY_RULES_FILES})

file(GLOB ALLOC_TIDY_DOC_FILES CONFIGURE_DEPENDS
  "${CMAKE_CURRENT_SOURCE_DIR}/docs/checks/alloc-*.md")
set(ALLOC_TIDY_DOCS_INC "${CMAKE_CURRENT_BINARY_DIR}/generated/CheckDocs.inc")
alloc_tidy_embed(alloc_tidy_docs "${ALLOC_TIDY_DOCS_INC}" docs/checks ${ALLOC_TIDY_DOC_FILES})
