// update(AppState, Action): one small handler per action, dispatched by overload. The handlers live
// by feature: update_form.cpp (the application, its draft and documents), update_session.cpp (signing
// in and out, preferences), update_submit.cpp (the outbox and submission). Here: the shared helpers,
// start-up and platform reports, and routing of HTTP replies.
#include "src/app/update_internal.hpp"

namespace onb::portal {
namespace detail {

void revalidate(AppState& s) {
  const Date today = parse_date(s.today).value_or(Date{});
  s.report = validation::validate_application(s.application, s.policy, today);
}

bool storage_ready(const AppState& s) {
  return s.draft != DraftStatus::opening_storage && s.draft != DraftStatus::storage_unavailable;
}

std::string new_key(AppState& s) { return (s.seed.empty() ? "k" : s.seed) + "-" + std::to_string(s.next_key++); }

bool erase_list_item(Json& root, const std::string& item_path) {
  const auto slash = item_path.rfind('/');
  if (slash == std::string::npos) return false;
  Json& list = root[Json::json_pointer(item_path.substr(0, slash))];
  const std::string index = item_path.substr(slash + 1);
  if (!list.is_array() || index.empty() || index.find_first_not_of("0123456789") != std::string::npos) return false;
  const auto i = std::stoul(index);
  if (i >= list.size()) return false;
  list.erase(i);
  return true;
}

namespace {

struct ErrorReply {  // the {code, path, message} every failure body starts with
  std::string code;
  std::string path;
  std::string message;
};
BOOST_DESCRIBE_STRUCT(ErrorReply, (), (code, path, message))

}  // namespace

Error error_of(const HttpResponded& a) {
  if (a.status == 0) return make_error("portal.unreachable", "", "The server could not be reached: " + a.body);
  auto json = parse_json(a.body);
  if (json && json->is_object()) {
    // Failure bodies may carry more (current_version, problems): read the common part only.
    Json common = Json::object();
    for (const char* k : {"code", "path", "message"})
      if (json->contains(k)) common[k] = (*json)[k];
    if (auto e = decode<ErrorReply>(common)) return make_error(e->code, e->path, e->message);
  }
  return make_error("http." + std::to_string(a.status), "", "The server answered HTTP " + std::to_string(a.status) + ".");
}

Step on(AppState s, const Booted& a) {
  s.today = a.today;
  s.now = a.now;
  s.seed = a.seed;
  s.online = a.online;
  if (!a.invite.empty()) s.invite = a.invite;
  s.origin = a.origin;
  revalidate(s);
  return {std::move(s), fetch_policy()};  // the server's rules replace the compiled-in ones when they arrive
}

Step on(AppState s, const FontLoaded& a) {
  s.font = a.ok ? FontStatus::ready : FontStatus::failed;
  return {std::move(s), {}};
}

Step on(AppState s, const ViewportChanged& a) {
  s.viewport = a.viewport;
  return {std::move(s), {}};
}

Step on(AppState s, const HttpResponded& a) {
  switch (a.call) {
    case HttpCall::sign_up:
    case HttpCall::sign_in:
    case HttpCall::sign_out: return on_session_reply(std::move(s), a);
    case HttpCall::create_enrollment:
    case HttpCall::update_application:
    case HttpCall::submit_enrollment: return on_submit_reply(std::move(s), a);
    case HttpCall::list_enrollments: return on_list_reply(std::move(s), a);
    case HttpCall::server_copy: return on_server_copy_reply(std::move(s), a);
    case HttpCall::claim_invite: return on_claim_reply(std::move(s), a);
    case HttpCall::timeline:
    case HttpCall::provide_info: return on_status_reply(std::move(s), a);
    case HttpCall::queue_page: return on_queue_reply(std::move(s), a);
    case HttpCall::case_view:
    case HttpCall::case_timeline:
    case HttpCall::case_action: return on_case_reply(std::move(s), a);
    case HttpCall::policy: return on_policy_reply(std::move(s), a);
    case HttpCall::replacement_base:
    case HttpCall::replacement_saved: return on_replacement_reply(std::move(s), a);
  }
  return {std::move(s), {}};
}

}  // namespace detail

Step update(AppState state, const Action& action) {
  // Uploads move on whatever happened (an enrollment created, the network back, a chunk answered).
  Step step = detail::pump_uploads(std::visit([&](const auto& a) { return detail::on(std::move(state), a); }, action));
  for (const auto& e : step.effects)
    if (const auto* w = std::get_if<WriteStoredText>(&e)) ++step.state.writes_in_flight[w->key];
  return step;
}

AppState initial_state() {
  AppState s;
  s.policy = embedded_document_policy();
  detail::revalidate(s);
  return s;
}

}  // namespace onb::portal
