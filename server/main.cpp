// onboard-server: reads its configuration, opens the database, serves HTTP until SIGTERM/SIGINT, then
// closes the database and exits 0. Two maintenance commands share the flags: `user add EMAIL ROLE`
// (password on stdin) and `verify-audit`. Wiring only; what a request means lives in http/.
#include "server/config.hpp"
#include "server/http/api_routes.hpp"
#include "server/http/http_server.hpp"
#include "server/http/router.hpp"
#include "server/http/static_files.hpp"
#include "server/log.hpp"
#include "server/service/drafts.hpp"
#include "server/storage/store.hpp"
#include "shared/core/json_codec.hpp"

#include <cstdio>
#include <cstdlib>
#include <future>
#include <iostream>
#include <string_view>
#include <vector>

namespace {

using namespace onb::server;

constexpr int exit_ok = 0;
constexpr int exit_startup_failure = 1;
constexpr int exit_bad_arguments = 2;
constexpr int exit_audit_broken = 3;

// Runs an asynchronous store/service call to completion (command-line tools only).
template <class T, class F>
onb::Result<T> wait_for(F&& start) {
  std::promise<onb::Result<T>> promise;
  start([&promise](onb::Result<T> r) { promise.set_value(std::move(r)); });
  return promise.get_future().get();
}

int fail(std::string_view event, const onb::Error& e) {
  log_event(event, {{"code", e.code}, {"path", e.path}, {"message", e.message}});
  return exit_startup_failure;
}

int serve(const ServerConfig& config) {
  auto policies = service::load_policies(config.policy_dir);
  if (!policies) return fail("startup_failed", policies.error());
  auto store = storage::open(config.data);
  if (!store) return fail("startup_failed", store.error());
  http::StaticSite site(config.site);
  if (!site.available()) log_event("site_missing", {{"site", config.site}});  // API still works
  auth::PasswordPool passwords;
  storage::Store& db = **store;
  service::DraftService drafts(db);
  service::AccountService accounts(db, passwords);
  service::EnrollmentService enrollments(db, db, *policies);
  service::DocumentService documents(db, db, db);
  http::DocumentRoutes document_routes(documents);
  http::ApiRoutes api(accounts, enrollments, *policies, document_routes);
  http::Router router(site, drafts, api);
  http::HttpServer server(router);
  server.metrics().add_gauge("onboard_group_commit_queued_writes", "Writes waiting for the next group commit.",
                             [&store] { return static_cast<double>((*store)->queued_writes()); });
  server.metrics().add_gauge("onboard_password_pool_queued_jobs", "Password hashes and checks waiting for a thread.",
                             [&passwords] { return static_cast<double>(passwords.queued()); });
  auto port = server.listen(config.host, config.port);
  if (!port) return fail("startup_failed", port.error());
  log_event("listening", {{"host", config.host},
                          {"port", *port},
                          {"version", server_version()},
                          {"data", config.data},
                          {"site", site.available() ? site.root().string() : config.site},
                          {"policy", policies->workflow.version},
                          {"schema_version", (*store)->schema_version()}});
  const int signal = server.run_until_signal();
  log_event("stopping", {{"signal", signal}});
  (*store)->close();  // completes storage work still queued (every acknowledged write is committed)
  log_event("stopped");
  return exit_ok;
}

// ROLE is one role or several staff roles separated by commas ("credit_analyst,credit_approver").
onb::Result<std::vector<onb::workflow::Role>> parse_roles(std::string_view text) {
  std::vector<onb::workflow::Role> roles;
  for (std::size_t start = 0; start <= text.size();) {
    const auto comma = std::min(text.find(',', start), text.size());
    auto role = onb::decode<onb::workflow::Role>(onb::Json(std::string(text.substr(start, comma - start))), "ROLE");
    if (!role) return role.error();
    roles.push_back(*role);
    start = comma + 1;
  }
  return roles;
}

int user_add(const ServerConfig& config, const std::string& email, const std::string& role_name,
             std::optional<int> tier) {
  auto roles = parse_roles(role_name);
  if (!roles) return std::fprintf(stderr, "onboard-server: %s\n", roles.error().message.c_str()), exit_bad_arguments;
  if (auto ok = service::check_roles(*roles, tier); !ok)
    return std::fprintf(stderr, "onboard-server: %s\n", ok.error().message.c_str()), exit_bad_arguments;
  std::string password;
  std::getline(std::cin, password);
  auto store = storage::open(config.data);
  if (!store) return fail("user_add_failed", store.error());
  auth::PasswordPool passwords;
  service::AccountService accounts(**store, passwords);
  auto id = wait_for<std::string>([&](auto done) { accounts.add_account(email, *roles, tier, password, done); });
  if (!id) return fail("user_add_failed", id.error());
  log_event("user_added", {{"id", *id}, {"email", email}, {"role", role_name}});
  return exit_ok;
}

int verify_audit(const ServerConfig& config) {
  auto store = storage::open(config.data);
  if (!store) return fail("verify_failed", store.error());
  auto report = wait_for<storage::AuditReport>([&](auto done) { (*store)->verify_audit(done); });
  if (!report) return fail("verify_failed", report.error());
  LogFields fields{{"enrollments", report->enrollments}, {"events", report->events}, {"intact", !report->first_break}};
  if (report->first_break)
    fields["first_break"] = {{"enrollment_id", report->first_break->enrollment_id},
                             {"sequence", report->first_break->sequence},
                             {"reason", report->first_break->reason}};
  log_event("audit_verified", fields);
  return report->first_break ? exit_audit_broken : exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  std::string command, email, role;
  if (!args.empty() && args[0] == "verify-audit") {
    command = "verify-audit";
    args.erase(args.begin());
  } else if (args.size() >= 4 && args[0] == "user" && args[1] == "add") {
    command = "user-add";
    email = args[2];
    role = args[3];
    args.erase(args.begin(), args.begin() + 4);
  }
  auto parsed = parse_command_line(args, [](const char* name) { return std::getenv(name); });
  if (!parsed) {
    std::fprintf(stderr, "onboard-server: %s\n\n%s", parsed.error().message.c_str(), usage().c_str());
    return exit_bad_arguments;
  }
  if (parsed->help) {
    std::fputs(usage().c_str(), stdout);
    return exit_ok;
  }
  if (parsed->tier && command != "user-add") {
    std::fprintf(stderr, "onboard-server: --tier belongs to 'user add'\n\n%s", usage().c_str());
    return exit_bad_arguments;
  }
  if (command == "verify-audit") return verify_audit(parsed->config);
  if (command == "user-add") return user_add(parsed->config, email, role, parsed->tier);
  return serve(parsed->config);
}
