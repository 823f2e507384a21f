// Lists of enrollments for staff: a reviewer's queue (what their roles may act on, filtered by stage,
// overdue, assigned to me) and a sales rep's customers (their own enrollments). Both are GET
// /v1/enrollments, fetched page after page by following next_offset, so a long queue shows progress.
// Which rows a reviewer gets is the server's decision (shared/workflow/people.hpp); nothing is filtered here.
#include "src/app/update_internal.hpp"

#include "shared/workflow/roles.hpp"

namespace onb::portal::detail {
namespace {

// The server's largest page: fewer round trips for a queue of a thousand rows.
constexpr std::uint64_t queue_page_size = protocol::max_page_size;

// GET /v1/enrollments?limit=200&offset=N[&stage=S][&overdue=true][&assignee=me]; enumerator names need
// no escaping.
std::string list_path(const QueueFilter& f, std::uint64_t offset) {
  using Value = std::optional<std::string>;
  return protocol::path(RouteId::list_enrollments, {},
                        {{"limit", std::to_string(queue_page_size)},
                         {"offset", std::to_string(offset)},
                         {"stage", f.stage ? Value(boost::describe::enum_to_string(*f.stage, "")) : std::nullopt},
                         {"overdue", f.overdue ? Value("true") : std::nullopt},
                         {"assignee", f.mine ? Value("me") : std::nullopt}});
}

Effects fetch_page(AppState& s, std::uint64_t offset) {
  s.queue.in_flight = true;
  return {SendHttp{QueuePageAnswered{}, "GET", list_path(s.queue.filter, offset), "", s.session->token, ""}};
}

Step failed(AppState s, Error e) {
  s.queue.in_flight = false;
  s.queue.status = LoadStatus::failed;
  s.queue.error = std::move(e);
  return {std::move(s), {}};
}

}  // namespace

Step reload_queue(AppState s) {
  if (!s.session) return {std::move(s), {}};
  s.queue.status = LoadStatus::loading;
  s.queue.error.reset();
  if (s.queue.in_flight) {  // one page at a time: the late page is dropped when it arrives
    s.queue.restart = true;
    return {std::move(s), {}};
  }
  s.queue.items.clear();
  s.queue.pages = 0;
  Effects effects = fetch_page(s, 0);
  return {std::move(s), std::move(effects)};
}

Step staff_landed(AppState s) {
  if (!s.session || s.session->account.role == workflow::Role::customer) return {std::move(s), {}};
  s.screen = workflow::is_staff(s.session->account.role) ? Screen::queue : Screen::customers;
  return reload_queue(std::move(s));
}

Step on(AppState s, const QueueFilterChanged& a) {
  s.queue.filter = a.filter;
  return reload_queue(std::move(s));
}

Step on(AppState s, const QueueRefreshClicked&) { return reload_queue(std::move(s)); }

Step on(AppState s, const QueuePageAnswered& a) {
  if (!s.queue.in_flight || !s.session) return {std::move(s), {}};  // signed out meanwhile
  if (s.queue.restart) {
    s.queue.restart = false;
    s.queue.in_flight = false;
    return reload_queue(std::move(s));
  }
  if (a.status != 200) return failed(std::move(s), error_of(a));
  auto page = decode_text<protocol::EnrollmentPage>(a.body);
  if (!page) return failed(std::move(s), page.error());
  for (auto& item : page->items) s.queue.items.push_back(std::move(item));
  ++s.queue.pages;
  if (page->next_offset) {
    Effects effects = fetch_page(s, *page->next_offset);
    return {std::move(s), std::move(effects)};
  }
  s.queue.in_flight = false;
  s.queue.status = LoadStatus::loaded;
  return {std::move(s), {}};
}

// ------------------------------------------------------------------------- [SECTION] sales reps

// The application in progress, or an empty one once the last was sent with its invitation: its verdict
// and link are forgotten, and the rep's browser draft is replaced by the empty one on the first edit.
Step on(AppState s, const NewApplicationClicked&) {
  if (!s.session || s.session->account.role != workflow::Role::sales_rep) return {std::move(s), {}};
  s.screen = Screen::application;
  if (s.outbox || s.submission.status != SubmitStatus::invited) return {std::move(s), {}};
  s.application = model::Application{};
  s.touched.clear();
  s.show_all_problems = false;
  s.step = 0;
  s.enrollment.reset();
  s.submission = {};
  s.invite_token.reset();
  revalidate(s);
  return {std::move(s), {}};
}

Step on(AppState s, const CustomersClicked&) {
  if (!s.session || s.session->account.role != workflow::Role::sales_rep || s.outbox) return {std::move(s), {}};
  s.screen = Screen::customers;
  return reload_queue(std::move(s));
}

Step update_queue(AppState s, const QueueAction& a) { return apply(std::move(s), a); }

}  // namespace onb::portal::detail
