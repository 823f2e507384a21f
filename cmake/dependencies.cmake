# Third-party headers and libraries, all from Debian packages (see scripts/install-deps.sh).
# onb_deps carries Boost (>= 1.81 for Describe), nlohmann/json and doctest to every target.

set(ONB_INCLUDEDIR "/usr/include" CACHE PATH "where boost/, nlohmann/ and doctest/ live")

file(STRINGS "${ONB_INCLUDEDIR}/boost/version.hpp" _onb_bv REGEX "^#define BOOST_VERSION [0-9]+")
string(REGEX REPLACE ".* ([0-9]+)$" "\\1" _onb_bv "${_onb_bv}")
if(NOT _onb_bv OR _onb_bv LESS 108100)
  message(FATAL_ERROR "Boost headers in ${ONB_INCLUDEDIR} are '${_onb_bv}'; onboard needs >= 108100 for "
                      "Boost.Describe. Install libboost1.81-dev (it conflicts with libboost1.74-dev): "
                      "scripts/install-deps.sh does it.")
endif()

add_library(onb_deps INTERFACE)
if(EMSCRIPTEN)
  # Never -I/usr/include in the wasm build: glibc's headers would shadow the Emscripten sysroot.
  # Expose only the three header-only trees through a folder of symlinks.
  set(_onb_inc "${CMAKE_BINARY_DIR}/wasm-include")
  file(MAKE_DIRECTORY "${_onb_inc}")
  foreach(_name boost nlohmann doctest)
    if(NOT EXISTS "${_onb_inc}/${_name}")
      file(CREATE_LINK "${ONB_INCLUDEDIR}/${_name}" "${_onb_inc}/${_name}" SYMBOLIC)
    endif()
  endforeach()
  target_include_directories(onb_deps SYSTEM INTERFACE "${_onb_inc}")
  find_program(NODE_EXE NAMES node nodejs REQUIRED)
else()
  # The version range refuses Boost 1.74's config even if it is found first.
  find_package(Boost 1.81...<1.82 REQUIRED CONFIG)
  find_package(nlohmann_json 3.10 REQUIRED CONFIG)
  find_package(doctest REQUIRED CONFIG)
  find_package(Threads REQUIRED)
  target_link_libraries(onb_deps INTERFACE Boost::headers nlohmann_json::nlohmann_json)
endif()
