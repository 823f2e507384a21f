# Dear ImGui 1.86 for the wasm build: sources from Debian's source package, fetched into the build
# tree by scripts/fetch-imgui.sh (never committed), compiled as onb_imgui with the GLFW and
# OpenGL3 (WebGL2, "#version 300 es") backends. Third-party code: no project warnings on it.

set(ONB_IMGUI_DIR "${PROJECT_SOURCE_DIR}/build/_deps/imgui/imgui-1.86" CACHE PATH
    "Dear ImGui 1.86 sources (imgui.cpp, backends/); fetched by scripts/fetch-imgui.sh when missing")

if(NOT EXISTS "${ONB_IMGUI_DIR}/imgui.cpp")
  get_filename_component(_onb_imgui_dest "${ONB_IMGUI_DIR}" DIRECTORY)
  message(STATUS "Dear ImGui not found in ${ONB_IMGUI_DIR}: running scripts/fetch-imgui.sh ${_onb_imgui_dest}")
  execute_process(COMMAND "${PROJECT_SOURCE_DIR}/scripts/fetch-imgui.sh" "${_onb_imgui_dest}"
                  RESULT_VARIABLE _onb_fetch_rc TIMEOUT 600)
  if(NOT _onb_fetch_rc EQUAL 0 OR NOT EXISTS "${ONB_IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui 1.86 is missing from ${ONB_IMGUI_DIR} and scripts/fetch-imgui.sh failed "
                        "(${_onb_fetch_rc}). Run it by hand to see why, or point -DONB_IMGUI_DIR=<dir> at an "
                        "unpacked imgui-1.86 (the folder holding imgui.cpp).")
  endif()
endif()

add_library(onb_imgui STATIC
  ${ONB_IMGUI_DIR}/imgui.cpp ${ONB_IMGUI_DIR}/imgui_draw.cpp ${ONB_IMGUI_DIR}/imgui_tables.cpp
  ${ONB_IMGUI_DIR}/imgui_widgets.cpp ${ONB_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp
  ${ONB_IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${ONB_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(onb_imgui SYSTEM PUBLIC ${ONB_IMGUI_DIR} ${ONB_IMGUI_DIR}/backends
                                                   ${ONB_IMGUI_DIR}/misc/cpp)
# No demo, no metrics window: they are never shown and cost ≈100 KB of wasm.
target_compile_definitions(onb_imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_METRICS_WINDOW
                                            IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
if(ONB_TEST_HOOKS)
  # The item hooks imgui_test_engine uses; src/platform/web/test_hooks.cpp implements them.
  target_compile_definitions(onb_imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE)
endif()
target_compile_options(onb_imgui PRIVATE -w)
