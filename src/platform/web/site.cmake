# The portal's static site beside portal.js/portal.wasm: web/index.html and the manifest copied,
# the UI font subset from Debian's Noto Sans, and web/sw.js stamped with a version derived from the
# content of the whole shell, so any change to the app retires the old service-worker cache.

set(ONB_FONT_SOURCE "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf" CACHE FILEPATH
    "TTF the portal's UI font is subset from (Debian: fonts-noto-core)")
set(ONB_FONT_FILE "NotoSans-portal.ttf")
# Latin, Latin-1, Latin Extended-A/B, Greek, Cyrillic (+ supplement), general punctuation, currency
# symbols, U+FFFD. Must cover the glyph ranges the atlas asks for in src/platform/web/fonts.cpp.
set(ONB_FONT_UNICODES "U+0020-007E,U+00A0-024F,U+0370-03FF,U+0400-052F,U+2000-206F,U+20A0-20CF,U+FFFD")

if(NOT EXISTS "${ONB_FONT_SOURCE}")
  message(FATAL_ERROR "${ONB_FONT_SOURCE} is missing: apt-get install fonts-noto-core (or set ONB_FONT_SOURCE)")
endif()
# Debian's fontTools; the python3 first on PATH may be another install that cannot import it.
set(ONB_PYTHON3 "/usr/bin/python3" CACHE FILEPATH "a python3 that can import fontTools (python3-fonttools)")
execute_process(COMMAND ${ONB_PYTHON3} -c "import fontTools.subset" RESULT_VARIABLE _onb_ft_rc
                OUTPUT_QUIET ERROR_QUIET)
if(NOT _onb_ft_rc EQUAL 0)
  message(FATAL_ERROR "${ONB_PYTHON3} cannot import fontTools.subset: apt-get install python3-fonttools")
endif()

function(onb_portal_site app site_dir)
  set(_web ${PROJECT_SOURCE_DIR}/web)
  set(_font ${site_dir}/fonts/${ONB_FONT_FILE})
  # No hinting (ImGui's rasteriser ignores it) and no layout tables (1.86 does no shaping or kerning);
  # names kept whole because the copyright and OFL notice live there.
  add_custom_command(OUTPUT ${_font}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${site_dir}/fonts
    COMMAND ${ONB_PYTHON3} -m fontTools.subset ${ONB_FONT_SOURCE} --unicodes=${ONB_FONT_UNICODES}
            --layout-features= --no-hinting --name-IDs=* --output-file=${_font}
    DEPENDS ${ONB_FONT_SOURCE}
    COMMENT "Subsetting Noto Sans for the portal"
    VERBATIM)

  set(_copied)
  foreach(_name index.html manifest.webmanifest)
    add_custom_command(OUTPUT ${site_dir}/${_name}
      COMMAND ${CMAKE_COMMAND} -E copy_if_different ${_web}/${_name} ${site_dir}/${_name}
      DEPENDS ${_web}/${_name} VERBATIM)
    list(APPEND _copied ${site_dir}/${_name})
  endforeach()

  # Depends on the app target, so it reruns after every relink of portal.js/portal.wasm.
  add_custom_command(OUTPUT ${site_dir}/sw.js
    COMMAND ${CMAKE_COMMAND} -DSITE=${site_dir} -DTEMPLATE=${_web}/sw.js -DFONT=fonts/${ONB_FONT_FILE}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/stamp_service_worker.cmake
    DEPENDS ${app} ${_web}/sw.js ${_font} ${_copied} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/stamp_service_worker.cmake
    COMMENT "Stamping the service worker with the shell's content hash"
    VERBATIM)

  add_custom_target(${app}_site ALL DEPENDS ${_font} ${_copied} ${site_dir}/sw.js)
endfunction()
