// `onboard`: offline tools for sales reps and integrators (validate applications, check identifiers,
// print the schema). Dispatch only; every subcommand is in its own file (see command.hpp).
#include "cli/command.hpp"

#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace onb::cli {
namespace {
std::map<std::string_view, Command>& registry() {
  static std::map<std::string_view, Command> commands;
  return commands;
}

void print_help(std::ostream& os) {
  os << "usage: onboard COMMAND [ARGS...]\n\ncommands:\n";
  for (const auto& [name, c] : registry()) os << "  " << c.usage << "\n      " << c.summary << "\n";
}
}  // namespace

bool register_command(Command c) {
  registry().emplace(c.name, std::move(c));
  return true;
}

}  // namespace onb::cli

int main(int argc, char** argv) {
  using namespace onb::cli;
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + std::min(argc, 2), argv + argc);
  const std::string name = argc > 1 ? argv[1] : "";
  if (name.empty() || name == "--help" || name == "-h" || name == "help") {
    print_help(name.empty() ? std::cerr : std::cout);
    return name.empty() ? 2 : 0;
  }
  const auto it = registry().find(name);
  if (it == registry().end()) {
    std::cerr << "onboard: unknown command '" << name << "'\n";
    print_help(std::cerr);
    return 2;
  }
  return it->second.run(args, Io{std::cin, std::cout, std::cerr});
}
