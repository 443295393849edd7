# Installation and the Debian package: `cpack` in a build directory makes
# alloc-tidy-llvm<N>_<version>_amd64.deb for the LLVM it was built against
# (ALLOC_TIDY_LLVM), so packages for several clang-tidy versions install side
# by side:
#   /usr/lib/alloc-tidy/llvm-<N>/alloc-tidy-plugin.so   clang-tidy-<N> --load=
#   /usr/bin/alloc-tidy-<N>                             the driver (and the
#                                                       alloc-tidy alternative)
#   /usr/share/alloc-tidy-llvm<N>/{rules,include}       rules files, header
#   /usr/share/doc/alloc-tidy-llvm<N>/                  README and docs
set(_v "${ALLOC_TIDY_LLVM}")
set(_pkg "alloc-tidy-llvm${_v}")

install(TARGETS AllocTidyPlugin
        LIBRARY DESTINATION "lib/alloc-tidy/llvm-${_v}" COMPONENT alloc-tidy)
if(TARGET alloc-tidy)
  install(PROGRAMS "$<TARGET_FILE:alloc-tidy>" DESTINATION bin
          RENAME "alloc-tidy-${_v}" COMPONENT alloc-tidy)
endif()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/rules/"
        DESTINATION "share/${_pkg}/rules" COMPONENT alloc-tidy
        FILES_MATCHING PATTERN "*.yaml")
install(FILES "${PROJECT_SOURCE_DIR}/include/alloc_tidy.h"
        DESTINATION "share/${_pkg}/include" COMPONENT alloc-tidy)
install(FILES "${PROJECT_SOURCE_DIR}/README.md"
        DESTINATION "share/doc/${_pkg}" COMPONENT alloc-tidy)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/"
        DESTINATION "share/doc/${_pkg}/docs" COMPONENT alloc-tidy)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/examples/"
        DESTINATION "share/doc/${_pkg}/examples" COMPONENT alloc-tidy)

# Maintainer scripts: the alloc-tidy alternative, highest LLVM first.
foreach(_script postinst prerm)
  configure_file("${PROJECT_SOURCE_DIR}/cmake/debian/${_script}.in"
                 "${CMAKE_BINARY_DIR}/debian/${_script}" @ONLY
                 FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
                                  GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "${_pkg}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "alloc-tidy developers <alloc-tidy@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "heap allocation checks for C, for clang-tidy ${_v} (plugin and driver)")
set(CPACK_PACKAGE_DESCRIPTION "alloc-tidy finds every heap allocation in C code and flags the ones nobody justified, with checks for leaks, badly unwound allocation failures and ownership mistakes.  This package is built for LLVM/Clang ${_v}: the plugin loads into clang-tidy-${_v}; the driver alloc-tidy-${_v} adds SARIF and JSON reports, baselines, and a language server (alloc-tidy-${_v} --lsp).")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT") # <name>_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/alloc-tidy/alloc-tidy")
# clang-tidy-N brings the libraries the driver links (libclang-cpp, libLLVM)
# and the compiler's builtin headers it parses with.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "clang-tidy-${_v}, libc6, libstdc++6, libgcc-s1")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CMAKE_BINARY_DIR}/debian/postinst;${CMAKE_BINARY_DIR}/debian/prerm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_STRIP_FILES TRUE)
include(CPack)
