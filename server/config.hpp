// The server's command line: flags, their environment variables and defaults, and the --help text.
// Parsing is pure (the environment is passed in) so it can be tested; acting on the result is main's job.
#pragma once

#include "shared/core/result.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace onb::server {

struct ServerConfig {
  std::string host = "127.0.0.1";  // loopback by default: exposing the server is a deliberate choice
  std::uint16_t port = 8080;       // 0 = any free port (tests read the real one from the log)
  std::string data = "onboard.db";
  std::string site = "build/wasm/site";
  std::string policy_dir = "assets/policy";  // workflow-v1.json and documents-v1.json
};

struct CommandLine {
  ServerConfig config;
  bool help = false;
  std::optional<int> tier;  // `user add … --tier N`, anywhere among the flags
};

using Getenv = std::function<const char*(const char*)>;

// Flags win over environment variables, which win over defaults. Accepts "--flag value" and
// "--flag=value". Errors ("config.unknown_flag", "config.missing_value", "config.port") name the flag
// in Error::path.
[[nodiscard]] Result<CommandLine> parse_command_line(std::span<const std::string_view> args, const Getenv& getenv);

std::string usage();

}  // namespace onb::server
