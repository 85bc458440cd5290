# Compiler settings shared by every target of the project. Targets link
# imagross::build_options instead of setting flags of their own.
add_library(imagross_build_options INTERFACE)
add_library(imagross::build_options ALIAS imagross_build_options)

target_compile_options(imagross_build_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Woverloaded-virtual -Wimplicit-fallthrough)

if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  # GCC 12 reports -Wrestrict on ordinary std::string code at -O2 and -O3 (GCC bug 105651), and
  # -Wmaybe-uninitialized on std::string members copied out of inlined aggregates at -O3.
  target_compile_options(imagross_build_options INTERFACE -Wno-restrict -Wno-maybe-uninitialized)
endif()

if(IMAGROSS_WERROR)
  target_compile_options(imagross_build_options INTERFACE -Werror)
endif()

if(IMAGROSS_SANITIZE)
  target_compile_options(imagross_build_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(imagross_build_options INTERFACE -fsanitize=address,undefined)
endif()

# Adds a GoogleTest executable built from SOURCES, linked to LIBRARIES, and registers its tests
# with CTest. Test sources sit beside the code they test.
function(imagross_add_test name)
  if(NOT IMAGROSS_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_LIBRARIES} GTest::gtest GTest::gmock GTest::gtest_main
                                        imagross::build_options)
  target_compile_definitions(${name} PRIVATE
    IMAGROSS_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "IMAGROSS_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
