// doctest's runner for the shared tests; the same binary is built natively and as wasm for node.
// Colours are off by default because output is usually read through ctest and CI logs
// (pass --no-colors=false to get them back).
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

int main(int argc, char** argv) {
  doctest::Context context;
  context.setOption("no-colors", true);
  context.applyCommandLine(argc, argv);
  return context.run();
}
