// The `onboard` command line: each subcommand lives in its own file and registers itself here, so
// adding one never touches main.cpp. Subcommands read stdin/files and write JSON lines to stdout.
#pragma once

#include <functional>
#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

namespace onb::cli {

struct Io {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// args excludes the program and subcommand names. Returns the process exit code.
using CommandFn = std::function<int(std::span<const std::string> args, Io io)>;

struct Command {
  std::string_view name;
  std::string_view usage;    // "validate FILE... (- reads stdin)"
  std::string_view summary;  // one line for `onboard --help`
  CommandFn run;
};

// Called from a static initialiser in each subcommand's file.
bool register_command(Command c);

}  // namespace onb::cli
