// doctest's runner for the shared tests; the same binary is built natively and as wasm for node.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
