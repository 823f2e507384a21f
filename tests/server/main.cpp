// doctest runner for the server tests. Takes --server-binary=PATH (the onboard-server to spawn; CMake
// passes it) out of the arguments before doctest sees them.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "server_process.hpp"

#include <cstdlib>
#include <cstring>
#include <vector>

int main(int argc, char** argv) {
  constexpr const char* flag = "--server-binary=";
  std::vector<char*> rest;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], flag, std::strlen(flag)) == 0)
      onb::test::server_binary() = argv[i] + std::strlen(flag);
    else
      rest.push_back(argv[i]);
  }
  // Every spawned server (and `user add`) reads the repository's policies unless a test says otherwise.
  setenv("ONB_POLICY_DIR", ONB_SOURCE_DIR "/assets/policy", 0);
  doctest::Context context(static_cast<int>(rest.size()), rest.data());
  return context.run();
}
