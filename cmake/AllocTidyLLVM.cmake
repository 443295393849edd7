# Finds Clang/LLVM 19 through their CMake packages and exposes their build
# settings as the interface target alloc_tidy_llvm.
#
# Debian installs the packages under /usr/lib/llvm-19/lib/cmake; other
# installs are found with -DClang_DIR=... (and -DLLVM_DIR=...) or
# -DCMAKE_PREFIX_PATH=<llvm prefix>.
set(ALLOC_TIDY_LLVM_PREFIX "/usr/lib/llvm-19" CACHE PATH
    "Prefix searched for ClangConfig.cmake when Clang_DIR is not given")
if(NOT Clang_DIR)
  list(APPEND CMAKE_PREFIX_PATH "${ALLOC_TIDY_LLVM_PREFIX}")
endif()

# "19.1" rather than "19": ClangConfigVersion.cmake compares full versions.
find_package(Clang 19.1 REQUIRED CONFIG)
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
find_program(ALLOC_TIDY_CLANG_TIDY NAMES clang-tidy-19 clang-tidy
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
find_program(ALLOC_TIDY_CLANG_TIDY NAMES clang-tidy-19)
find_program(ALLOC_TIDY_FILECHECK NAMES FileCheck
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
find_program(ALLOC_TIDY_CLANG NAMES clang-19 clang
  HINTS "${LLVM_TOOLS_BINARY_DIR}" NO_DEFAULT_PATH)
find_program(ALLOC_TIDY_LIT NAMES lit.py lit
  HINTS "${LLVM_TOOLS_BINARY_DIR}/../build/utils/lit" "${LLVM_TOOLS_BINARY_DIR}"
  NO_DEFAULT_PATH)
find_program(ALLOC_TIDY_LIT NAMES lit llvm-lit)
