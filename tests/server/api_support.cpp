#include "api_support.hpp"

#include <cstdio>
#include <sys/wait.h>

namespace onb::test {

std::string read_source(const std::string& relative) { return read_file(std::string(ONB_SOURCE_DIR) + "/" + relative); }

Json complete_application() { return Json::parse(read_source("tests/data/applications/complete.json")); }

Json action(const std::string& kind, std::uint64_t base_version, Json payload) {
  Json body = std::move(payload);
  body["kind"] = kind;
  body["base_version"] = base_version;
  return body;
}

void ApiFixture::add_staff(const std::string& name, const std::string& role, std::optional<int> tier) {
  std::string cmd = server_binary().string() + " user add " + name + "@example.com " + role;
  if (tier) cmd += " --tier " + std::to_string(*tier);
  cmd += " --data " + (dir.path() / "onboard.db").string() + " > " + (dir.path() / "user_add.log").string() + " 2>&1";
  FILE* p = popen(cmd.c_str(), "w");
  REQUIRE(p != nullptr);
  std::fputs((std::string(test_password) + "\n").c_str(), p);
  const int status = pclose(p);
  REQUIRE_MESSAGE(WIFEXITED(status), cmd);
  REQUIRE_MESSAGE(WEXITSTATUS(status) == 0, read_file(dir.path() / "user_add.log"));
  login(name);
}

void ApiFixture::register_customer(const std::string& name) {
  const auto r = post_json("/v1/accounts", Json{{"email", name + "@example.com"}, {"password", test_password}}.dump());
  REQUIRE_MESSAGE(r.status == 201, r.body);
  login(name);
}

void ApiFixture::login(const std::string& name) {
  const auto r = post_json("/v1/sessions", Json{{"email", name + "@example.com"}, {"password", test_password}}.dump());
  REQUIRE_MESSAGE(r.status == 201, r.body);
  tokens[name] = r.json()["token"].get<std::string>();
  ids[name] = r.json()["account"]["id"].get<std::string>();
}

HttpResponse ApiFixture::call(const std::string& who, const std::string& method, const std::string& target,
                              const std::string& body, HeaderList extra) {
  HeaderList headers = std::move(extra);
  if (tokens.count(who)) headers.emplace_back("Authorization", "Bearer " + tokens[who]);
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  return must(fetch(server.port, HttpRequest{method, target, std::move(headers), body}));
}

}  // namespace onb::test
