// onboard-server: reads its configuration, opens the database, serves HTTP until SIGTERM/SIGINT, then
// closes the database and exits 0. Wiring only; what a request means lives in http/router.cpp.
#include "server/config.hpp"
#include "server/http/http_server.hpp"
#include "server/http/router.hpp"
#include "server/http/static_files.hpp"
#include "server/log.hpp"
#include "server/service/drafts.hpp"
#include "server/storage/sqlite_store.hpp"

#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_startup_failure = 1;
constexpr int exit_bad_arguments = 2;

int serve(const onb::server::ServerConfig& config) {
  using namespace onb::server;
  auto store = storage::SqliteStore::open(config.data);
  if (!store) {
    log_event("startup_failed", {{"code", store.error().code}, {"message", store.error().message}});
    return exit_startup_failure;
  }
  http::StaticSite site(config.site);
  if (!site.available()) log_event("site_missing", {{"site", config.site}});  // API still works
  service::DraftService drafts(**store);
  http::Router router(site, drafts);
  http::HttpServer server(router);
  auto port = server.listen(config.host, config.port);
  if (!port) {
    log_event("startup_failed", {{"code", port.error().code}, {"message", port.error().message}});
    return exit_startup_failure;
  }
  log_event("listening", {{"host", config.host},
                          {"port", *port},
                          {"version", server_version()},
                          {"data", config.data},
                          {"site", site.available() ? site.root().string() : config.site},
                          {"schema_version", (*store)->schema_version()}});
  const int signal = server.run_until_signal();
  log_event("stopping", {{"signal", signal}});
  (*store)->close();  // completes storage work still queued, then closes the database file
  log_event("stopped");
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  auto command = onb::server::parse_command_line(args, [](const char* name) { return std::getenv(name); });
  if (!command) {
    std::fprintf(stderr, "onboard-server: %s\n\n%s", command.error().message.c_str(), onb::server::usage().c_str());
    return exit_bad_arguments;
  }
  if (command->help) {
    std::fputs(onb::server::usage().c_str(), stdout);
    return exit_ok;
  }
  return serve(command->config);
}
