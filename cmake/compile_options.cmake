# Flags for every target of ours. Third-party sources (ImGui) get their own, quieter set.

if(EMSCRIPTEN)
  # Exceptions are compiled in (JS-based EH) on compile AND link lines so that a stray throw is
  # caught at the JS boundary instead of ending the page; expected failures never throw anyway.
  add_compile_options(-fexceptions)
  add_link_options(-fexceptions)
  # Size matters more than speed for the portal download; the shared tests use the same flag.
  add_compile_options(-Oz)
endif()

function(onb_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()

# Links a doctest/other executable so that it runs under node with the real file system
# (NODERAWFS: tests read golden files from the source tree) and propagates its exit code.
function(onb_node_executable target)
  target_link_options(${target} PRIVATE -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1
                      -sALLOW_MEMORY_GROWTH=1 -sWASM_ASYNC_COMPILATION=0)
endfunction()

# A test that runs natively, or under node for the wasm build. emcmake 3.1.6 injects a node flag
# (--experimental-wasm-threads) that node 20 rejects, so node is called explicitly.
function(onb_add_test name target)
  if(EMSCRIPTEN)
    add_test(NAME ${name} COMMAND ${NODE_EXE} $<TARGET_FILE:${target}> ${ARGN})
  else()
    add_test(NAME ${name} COMMAND ${target} ${ARGN})
  endif()
endfunction()
