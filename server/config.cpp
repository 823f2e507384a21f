#include "server/config.hpp"

#include <array>
#include <charconv>

namespace onb::server {
namespace {

struct Flag {
  std::string_view name;
  const char* env;
  std::string_view help;
  std::string ServerConfig::*text;  // null for --port, which is numeric
};

const std::array<Flag, 5> flags{{
    {"--host", "ONB_HOST", "IP address to listen on (default 127.0.0.1)", &ServerConfig::host},
    {"--port", "ONB_PORT", "TCP port, 0 = any free port (default 8080)", nullptr},
    {"--data", "ONB_DATA", "database: a SQLite file (or sqlite://FILE), created if missing (default onboard.db)",
     &ServerConfig::data},
    {"--site", "ONB_SITE", "directory of the portal's static files (default build/wasm/site)", &ServerConfig::site},
    {"--policy-dir", "ONB_POLICY_DIR", "directory of the policy files (default assets/policy)", &ServerConfig::policy_dir},
}};

Result<void> assign(ServerConfig& c, const Flag& flag, std::string_view value) {
  if (flag.text) {
    c.*flag.text = std::string(value);
    return {};
  }
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), port);
  if (ec != std::errc() || end != value.data() + value.size() || port > 65535)
    return make_error(ErrorCategory::invalid, "config.port", std::string(flag.name), "'" + std::string(value) + "' is not a port (0-65535)");
  c.port = static_cast<std::uint16_t>(port);
  return {};
}

const Flag* find_flag(std::string_view name) {
  for (const auto& f : flags)
    if (f.name == name) return &f;
  return nullptr;
}

}  // namespace

Result<CommandLine> parse_command_line(std::span<const std::string_view> args, const Getenv& getenv) {
  CommandLine out;
  for (const auto& f : flags)
    if (const char* v = getenv(f.env); v && *v)
      if (auto r = assign(out.config, f, v); !r) return make_error(r.error().category, r.error().code, f.env, r.error().message);
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      out.help = true;
      continue;
    }
    const auto eq = arg.find('=');
    const std::string_view name = arg.substr(0, eq);
    const Flag* flag = find_flag(name);
    if (!flag && name != "--tier")
      return make_error(ErrorCategory::invalid, "config.unknown_flag", std::string(arg), "unknown argument '" + std::string(arg) + "'");
    std::string_view value;  // --flag=value or --flag value
    if (eq != std::string_view::npos)
      value = arg.substr(eq + 1);
    else if (i + 1 < args.size())
      value = args[++i];
    else
      return make_error(ErrorCategory::invalid, "config.missing_value", std::string(name), std::string(name) + " needs a value");
    if (flag) {
      if (auto r = assign(out.config, *flag, value); !r) return r.error();
      continue;
    }
    int tier = 0;  // --tier: user add's, not a server setting (no environment variable)
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), tier);
    if (ec != std::errc() || end != value.data() + value.size())
      return make_error(ErrorCategory::invalid, "config.tier", "--tier", "'" + std::string(value) + "' is not a tier number");
    out.tier = tier;
  }
  return out;
}

std::string usage() {
  std::string text =
      "usage: onboard-server [flags]\n"
      "       onboard-server user add EMAIL ROLE[,ROLE...] [--tier N] [flags]   (password on stdin;\n"
      "           several roles for staff only, e.g. credit_analyst,credit_approver --tier 1)\n"
      "       onboard-server verify-audit [flags]   (exit 0 intact, 3 broken chain)\n\nEach flag can also be set by its environment variable; "
      "a flag wins.\n\n";
  for (const auto& f : flags) {
    const std::string name(f.name);
    text += "  " + name + std::string(name.size() < 8 ? 8 - name.size() : 1, ' ') + " VALUE  " + std::string(f.help) +
            "  [" + f.env + "]\n";
  }
  text +=
      "  --help          this text\n\nLogs JSON lines to stdout; SIGTERM or SIGINT stops it cleanly (exit 0).\n"
      "Exit codes: 0 stopped by signal, 1 startup failure (database, address), 2 bad arguments.\n";
  return text;
}

}  // namespace onb::server
