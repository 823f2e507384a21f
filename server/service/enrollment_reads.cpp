// The read side of EnrollmentService: one enrollment, lists (a customer's own, a sales rep's, a
// reviewer's queue), the timeline and sync. Visibility decides what exists for the caller.
#include "server/service/clock.hpp"
#include "server/service/enrollments.hpp"
#include "server/service/visibility.hpp"
#include "shared/validation/application.hpp"
#include "shared/workflow/application_summary.hpp"
#include "shared/workflow/people.hpp"
#include "shared/workflow/roles.hpp"
#include "shared/workflow/sla.hpp"

#include <algorithm>

namespace onb::server::service {
namespace {

Answer not_found() { return failure(ErrorCategory::not_found, "enrollment.not_found", "", "no enrollment has this id"); }

std::uint64_t error_count(const validation::ValidationReport& report) {
  std::uint64_t n = 0;
  for (const auto& p : report.problems)
    if (p.severity == validation::Severity::error) ++n;
  return n;
}

// A list row: the record's facts, what the queue judged (actions, SLA) and the application's checks.
protocol::EnrollmentSummary summary_of(const storage::EnrollmentRecord& r, const workflow::CaseInput& c,
                                       std::uint64_t errors, const workflow::QueueItem& item) {
  protocol::EnrollmentSummary row;
  row.id = r.id;
  row.version = r.state.last_sequence;
  row.stage = r.state.stage;
  row.customer_id = r.customer_id;
  row.legal_name = r.application.entity.legal_name;
  row.actions = item.actions;
  row.assignee = r.state.assignee;
  row.updated_at = r.state.last_at;
  row.stage_entered_at = r.state.stage_entered_at;
  if (item.sla) {
    row.overdue = item.sla->overdue;
    row.due_at = item.sla->due_at;
  }
  row.errors = errors;
  row.pending = workflow::open_items(r.state, c.application);
  row.waiting_on = workflow::waiting_on(r.state.stage);
  return row;
}

}  // namespace

// A read first asks only who owns the enrollment and which write it is at: a reader allowed to see it
// whose answer for that write is cached gets it without the record being read at all.
void EnrollmentService::get(Principal who, std::string id, Done done) {
  store_.find_enrollment_stamp(std::move(id), [this, who, done](Result<std::optional<storage::EnrollmentStamp>> s) {
    if (!s) return done(failure(s.error()));
    if (!*s || !can_see(who, **s)) return done(not_found());
    const auto key = (*s)->id + "/" + who.account_id;
    const auto day = unix_now() / 86'400;
    if (auto body = views_.find(key, (*s)->cursor, day))
      return done(Answer{200, std::move(*body), "\"" + std::to_string((*s)->version) + "\"", false});
    store_.find_enrollment((*s)->id, [this, who, key, day, done](Result<std::optional<storage::EnrollmentRecord>> r) {
      if (!r) return done(failure(r.error()));
      if (!*r || !can_see(who, **r)) return done(not_found());
      auto answer = success(200, view_of(**r, who));
      answer.etag = "\"" + std::to_string((*r)->state.last_sequence) + "\"";
      views_.put(key, (*r)->cursor, day, answer.body);
      done(std::move(answer));
    });
  });
}

void EnrollmentService::list(Principal who, ListParams params, Done done) {
  storage::EnrollmentQuery q;
  q.limit = std::clamp<std::size_t>(params.limit, 1, max_page_size);
  q.offset = params.offset;
  restrict_to_visible(who, q);
  if (workflow::works_a_queue(who.actor.role)) q.stages = workflow::queue_stages(person_of(who));
  if (params.stage) {
    if (!q.stages.empty() && std::find(q.stages.begin(), q.stages.end(), *params.stage) == q.stages.end())
      return done(success(200, protocol::EnrollmentPage{}));
    q.stages = {*params.stage};
  }
  const auto limit = q.limit, offset = q.offset;
  store_.list_enrollments(q, [this, who, params, limit, offset, done](
                                 Result<std::vector<storage::EnrollmentRecord>> rows) {
    if (!rows) return done(failure(rows.error()));
    const auto now = unix_now();
    const auto today = date_of(now);
    std::vector<workflow::CaseInput> cases;
    std::vector<std::uint64_t> errors;
    for (const auto& r : *rows) {  // validated once, for the queue's judgement and for the row
      const auto report = validation::validate_application(r.application, policies_.documents, today);
      cases.push_back({r.state, workflow::summarize(r.application, report, today)});
      errors.push_back(error_count(report));
    }
    protocol::EnrollmentPage page;
    std::size_t i = 0;  // case_list keeps the cases' order: each item's case is at or after the last one's
    for (const auto& item : workflow::case_list(cases, person_of(who), policies_.workflow, now)) {
      while (cases[i].state.enrollment_id != item.enrollment_id) ++i;
      auto row = summary_of((*rows)[i], cases[i], errors[i], item);
      if (params.overdue_only && !row.overdue) continue;
      if (params.assigned_to_me && row.assignee != who.account_id) continue;
      page.items.push_back(std::move(row));
    }
    // Filters apply to the rows read, so a page may be short while more follow: next_offset says so.
    if (rows->size() == limit) page.next_offset = offset + limit;
    done(success(200, page));
  });
}

void EnrollmentService::timeline(Principal who, std::string id, Done done) {
  store_.find_enrollment(id, [this, who, id, done](Result<std::optional<storage::EnrollmentRecord>> r) {
    if (!r) return done(failure(r.error()));
    if (!*r || !can_see(who, **r)) return done(not_found());
    const auto app = (*r)->application;
    store_.load_events(id, [this, who, app, done](Result<std::vector<storage::StoredEvent>> events) {
      if (!events) return done(failure(events.error()));
      protocol::Timeline t;
      for (auto& e : *events) t.events.push_back(std::move(e.event));
      if (workflow::is_staff(who.actor.role)) return done(success(200, t));
      // Customers and sales reps see the status view: no internal notes or reviewers' reasons.
      const auto today = date_of(unix_now());
      auto report = validation::validate_application(app, policies_.documents, today);
      auto status = workflow::customer_status(t.events, workflow::summarize(app, report, today));
      if (!status) return done(failure(status.error()));
      done(success(200, protocol::Timeline{{}, std::move(*status)}));
    });
  });
}

void EnrollmentService::sync(Principal who, std::uint64_t since, Done done) {
  storage::EnrollmentQuery q;
  q.changed_after = since;
  q.limit = sync_page_size;
  restrict_to_visible(who, q);
  store_.list_enrollments(q, [since, done](Result<std::vector<storage::EnrollmentRecord>> rows) {
    if (!rows) return done(failure(rows.error()));
    protocol::SyncPage page;
    std::uint64_t cursor = since;
    for (const auto& r : *rows) {
      page.changes.push_back({r.id, r.state.last_sequence, r.state.stage});
      cursor = std::max(cursor, r.cursor);
    }
    page.cursor = std::to_string(cursor);
    done(success(200, page));
  });
}

}  // namespace onb::server::service
