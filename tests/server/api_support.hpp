// Fixtures for the API tests: a server with a cast of accounts (customers registered over HTTP, staff
// added with `onboard-server user add` on the same data file), authenticated requests, and the
// complete application from tests/data/applications. Assertions stay in the tests.
#pragma once

#include "support.hpp"

#include <map>
#include <string>

namespace onb::test {

inline constexpr const char* test_password = "correct horse battery";

struct ApiFixture : ServerFixture {
  std::map<std::string, std::string> tokens;  // by name in the cast
  std::map<std::string, std::string> ids;     // account ids by name

  // Runs `onboard-server user add EMAIL ROLE [--tier N] --data <db>` with the password on stdin.
  void add_staff(const std::string& name, const std::string& role, std::optional<int> tier = std::nullopt);
  void register_customer(const std::string& name);
  // Logs `name` in (email name@example.com) and remembers the token.
  void login(const std::string& name);

  HttpResponse call(const std::string& who, const std::string& method, const std::string& target,
                    const std::string& body = "", HeaderList extra = {});
};

Json complete_application();
std::string read_source(const std::string& relative);

// The body of a workflow action with its version.
Json action(const std::string& kind, std::uint64_t base_version, Json payload = Json::object());

}  // namespace onb::test
