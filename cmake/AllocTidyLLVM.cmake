# Finds Clang/LLVM through their CMake packages and exposes their build
# settings as the interface target alloc_tidy_llvm.
#
# ALLOC_TIDY_LLVM picks the LLVM major version (14, 16, 19 or 22; default
# 19).  Debian installs each under /usr/lib/llvm-<N>/lib/cmake; other installs
# are found with -DClang_DIR=... (and -DLLVM_DIR=...) or
# -DCMAKE_PREFIX_PATH=<llvm prefix>.  Whatever is found must be that major
# version: a mismatch is a configure error, never a silent fallback to
# another LLVM on the system.
set(ALLOC_TIDY_LLVM "19" CACHE STRING
    "LLVM/Clang major version to build against (14, 16, 19 or 22)")
set(ALLOC_TIDY_SUPPORTED_LLVM 14 16 19 22)
if(NOT ALLOC_TIDY_LLVM MATCHES "^[0-9]+$")
  message(FATAL_ERROR "alloc-tidy: ALLOC_TIDY_LLVM must be a major version "
                      "number such as 19, not '${ALLOC_TIDY_LLVM}'")
endif()
if(NOT ALLOC_TIDY_LLVM IN_LIST ALLOC_TIDY_SUPPORTED_LLVM)
  message(WARNING "alloc-tidy: LLVM ${ALLOC_TIDY_LLVM} is untested; tested: "
                  "${ALLOC_TIDY_SUPPORTED_LLVM}")
endif()
set(ALLOC_TIDY_LLVM_PREFIX "/usr/lib/llvm-${ALLOC_TIDY_LLVM}" CACHE PATH
    "Prefix searched for ClangConfig.cmake when Clang_DIR is not given")
if(NOT Clang_DIR)
  # Only this version's prefix: no other LLVM on the system may be found
  # (Debian also has /usr/lib/cmake/clang-<N> for each one installed).
  if(NOT EXISTS "${ALLOC_TIDY_LLVM_PREFIX}/lib/cmake/clang/ClangConfig.cmake")
    message(FATAL_ERROR "alloc-tidy: no Clang ${ALLOC_TIDY_LLVM} in "
      "${ALLOC_TIDY_LLVM_PREFIX} (lib/cmake/clang/ClangConfig.cmake is missing)."
      "\nOn Debian: apt-get install libclang-${ALLOC_TIDY_LLVM}-dev "
      "llvm-${ALLOC_TIDY_LLVM}-dev llvm-${ALLOC_TIDY_LLVM}-tools "
      "clang-tidy-${ALLOC_TIDY_LLVM} clang-${ALLOC_TIDY_LLVM}; elsewhere pass "
      "-DClang_DIR=<prefix>/lib/cmake/clang")
  endif()
  set(Clang_DIR "${ALLOC_TIDY_LLVM_PREFIX}/lib/cmake/clang" CACHE PATH
      "Directory holding ClangConfig.cmake" FORCE)
  if(NOT LLVM_DIR)
    set(LLVM_DIR "${ALLOC_TIDY_LLVM_PREFIX}/lib/cmake/llvm" CACHE PATH
        "Directory holding LLVMConfig.cmake" FORCE)
  endif()
endif()

# No version in find_package: ClangConfigVersion.cmake compares full versions
# and would make CMake search on for another one.  The major is checked below.
find_package(Clang REQUIRED CONFIG)
if(NOT LLVM_VERSION_MAJOR STREQUAL ALLOC_TIDY_LLVM)
  message(FATAL_ERROR "alloc-tidy: ALLOC_TIDY_LLVM is ${ALLOC_TIDY_LLVM} but "
    "the LLVM found is ${LLVM_PACKAGE_VERSION} (Clang_DIR=${Clang_DIR}, "
    "LLVM_DIR=${LLVM_DIR}).\nPass -DALLOC_TIDY_LLVM=${LLVM_VERSION_MAJOR} to "
    "build against it, or point Clang_DIR at LLVM ${ALLOC_TIDY_LLVM}; in an "
    "existing build directory, start from a fresh one")
endif()
# Clang's package must belong to the same LLVM (Clang_DIR and LLVM_DIR can be
# given separately).
foreach(_dir ${CLANG_INCLUDE_DIRS})
  if(EXISTS "${_dir}/clang/Basic/Version.inc")
    file(STRINGS "${_dir}/clang/Basic/Version.inc" _clang_major
         REGEX "define CLANG_VERSION_MAJOR ")
    string(REGEX REPLACE ".*CLANG_VERSION_MAJOR ([0-9]+).*" "\\1"
           _clang_major "${_clang_major}")
    if(_clang_major AND NOT _clang_major STREQUAL ALLOC_TIDY_LLVM)
      message(FATAL_ERROR "alloc-tidy: Clang ${_clang_major} (in ${_dir}) "
        "with LLVM ${LLVM_PACKAGE_VERSION}: point Clang_DIR and LLVM_DIR at "
        "the same LLVM ${ALLOC_TIDY_LLVM}")
    endif()
  endif()
endforeach()
message(STATUS "alloc-tidy: Clang ${LLVM_PACKAGE_VERSION} from ${Clang_DIR}")

add_library(alloc_tidy_llvm INTERFACE)
target_include_directories(alloc_tidy_llvm SYSTEM INTERFACE
  ${LLVM_INCLUDE_DIRS} ${CLANG_INCLUDE_DIRS})
separate_arguments(_alloc_tidy_llvm_defs NATIVE_COMMAND "${LLVM_DEFINITIONS}")
target_compile_options(alloc_tidy_llvm INTERFACE ${_alloc_tidy_llvm_defs})
# Code that derives from LLVM classes must match how LLVM itself was built.
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(alloc_tidy_llvm INTERFACE -fno-rtti)
endif()
if(NOT LLVM_ENABLE_EH)
  target_compile_options(alloc_tidy_llvm INTERFACE -fno-exceptions)
endif()

# Tools the test suite and the set-up script use, from the same LLVM.
find_program(ALLOC_TIDY_CLANG_TIDY NAMES clang-tidy-${ALLOC_TIDY_LLVM} clang-tidy
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
find_program(ALLOC_TIDY_CLANG_TIDY NAMES clang-tidy-${ALLOC_TIDY_LLVM})
find_program(ALLOC_TIDY_FILECHECK NAMES FileCheck
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
find_program(ALLOC_TIDY_CLANG NAMES clang-${ALLOC_TIDY_LLVM} clang
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
find_program(ALLOC_TIDY_LIT NAMES lit.py lit
  HINTS "${LLVM_TOOLS_BINARY_DIR}/../build/utils/lit" "${LLVM_TOOLS_BINARY_DIR}"
  NO_DEFAULT_PATH)
find_program(ALLOC_TIDY_LIT NAMES lit llvm-lit)
