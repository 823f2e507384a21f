// update(AppState, Action): each action goes to the update of the slice that declares it (the slices'
// headers list their actions), and that slice's update has one small handler per action, by overload:
// update_session.cpp, update_form.cpp (+ update_policy.cpp), update_submit.cpp (the outbox and the
// customer's status), update_confirmation.cpp, update_upload.cpp, update_queue.cpp, update_review.cpp.
// A reply to a request is an action of the slice that sent it (SendHttp::on_reply), so it is routed
// like any other. Here: the shared helpers, the shell (start-up and platform reports) and the routing.
#include "src/app/update_internal.hpp"

#include <boost/mp11/algorithm.hpp>

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

Error error_of(const HttpReply& a) {
  if (a.status == 0) return make_error(ErrorCategory::invalid, "portal.unreachable", "", "The server could not be reached: " + a.body);
  auto json = parse_json(a.body);
  if (json && json->is_object()) {
    // Failure bodies may carry more (current_version, problems): read the common part only.
    Json common = Json::object();
    for (const char* k : {"code", "path", "message"})
      if (json->contains(k)) common[k] = (*json)[k];
    // The portal reacts to the HTTP status; the category of a server's error is not on the wire.
    if (auto e = decode<ErrorReply>(common)) return make_error(ErrorCategory::invalid, e->code, e->path, e->message);
  }
  return make_error(ErrorCategory::invalid, "http." + std::to_string(a.status), "", "The server answered HTTP " + std::to_string(a.status) + ".");
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

Step update_shell(AppState s, const ShellAction& a) { return apply(std::move(s), a); }

namespace {

template <class A, class SliceAction>
constexpr bool in = boost::mp11::mp_contains<SliceAction, A>::value;

// The one place that knows the slices: a new slice is one line here and its list in actions.hpp.
template <class A>
Step route(AppState s, const A& a) {
  if constexpr (in<A, ShellAction>) return update_shell(std::move(s), a);
  else if constexpr (in<A, SessionAction>) return update_session(std::move(s), a);
  else if constexpr (in<A, FormAction>) return update_form(std::move(s), a);
  else if constexpr (in<A, OutboxAction>) return update_outbox(std::move(s), a);
  else if constexpr (in<A, StatusAction>) return update_status(std::move(s), a);
  else if constexpr (in<A, UploadsAction>) return update_uploads(std::move(s), a);
  else if constexpr (in<A, QueueAction>) return update_queue(std::move(s), a);
  else if constexpr (in<A, ReviewAction>) return update_review(std::move(s), a);
  else static_assert(sizeof(A) == 0, "an action of no slice: add it to its slice's list");
}

}  // namespace

}  // namespace detail

Step update(AppState state, const Action& action) {
  // Uploads move on whatever happened (an enrollment created, the network back, a chunk answered).
  Step step = detail::pump_uploads(std::visit([&](const auto& a) { return detail::route(std::move(state), a); }, action));
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
