# cmake -P script: writes SITE/sw.js from TEMPLATE, replacing @ONB_SHELL_VERSION@ with a hash of
# every file the worker caches and @ONB_FONT@ with the font's path. Same content, same version: a
# rebuild that changes nothing does not make browsers download the shell again.

foreach(_var SITE TEMPLATE FONT)
  if(NOT DEFINED ${_var})
    message(FATAL_ERROR "stamp_service_worker.cmake needs -D${_var}=...")
  endif()
endforeach()

set(_hashes "")
foreach(_file index.html manifest.webmanifest portal.js portal.wasm ${FONT})
  if(NOT EXISTS "${SITE}/${_file}")
    message(FATAL_ERROR "stamp_service_worker: ${SITE}/${_file} is missing; build the portal first")
  endif()
  file(SHA256 "${SITE}/${_file}" _h)
  string(APPEND _hashes "${_h}")
endforeach()
file(READ "${TEMPLATE}" _h)  # the worker's own code is part of the version too
string(APPEND _hashes "${_h}")
string(SHA256 _version "${_hashes}")
string(SUBSTRING "${_version}" 0 16 ONB_SHELL_VERSION)
set(ONB_FONT "${FONT}")
configure_file("${TEMPLATE}" "${SITE}/sw.js" @ONLY)
