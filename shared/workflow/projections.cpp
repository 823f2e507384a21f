// [SECTION] index: allowed_actions, reviewer_queue. The customer's view is in customer_status.cpp.
#include "shared/workflow/projections.hpp"

#include "shared/workflow/transitions.hpp"

#include <algorithm>

namespace onb::workflow {
namespace {

// Kinds the state admits for someone, whoever it is.
std::vector<EventKind> possible_kinds(const EnrollmentState& state) {
  std::vector<EventKind> out;
  if (!state.exists) return {EventKind::created};
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<EventKind>>([&](auto d) {
    if (find_transition(state.stage, d.value)) out.push_back(d.value);
  });
  return out;
}

Result<void> judge(const EnrollmentState& state, EventKind kind, const Actor& actor, const Context& ctx) {
  if (auto r = check_transition(state, kind, actor); !r) return r;
  if (auto r = check_segregation(state, kind, actor); !r) return r;
  if (auto r = check_tier(state, kind, actor); !r) return r;
  return check_preconditions(state, kind, ctx);
}

}  // namespace

std::vector<ActionOption> allowed_actions(const EnrollmentState& state, const Actor& actor, const Context& ctx) {
  std::vector<ActionOption> out;
  for (EventKind kind : possible_kinds(state)) {
    ActionOption option{kind};
    Event probe;
    probe.kind = kind;
    probe.actor = actor;
    option.leads_to = state.exists ? next_stage(state, probe) : Stage::draft;
    if (auto verdict = judge(state, kind, actor, ctx); verdict) {
      option.allowed = true;
    } else {
      option.code = verdict.error().code;
      option.reason = verdict.error().message;
    }
    out.push_back(std::move(option));
  }
  return out;
}

std::vector<QueueItem> reviewer_queue(const std::vector<CaseInput>& cases, const Actor& actor,
                                      const WorkflowPolicy& policy, UnixSeconds now) {
  std::vector<QueueItem> out;
  for (const auto& c : cases) {
    QueueItem item{c.state.enrollment_id, c.state.stage, c.state.assignee};
    for (const auto& option : allowed_actions(c.state, actor, Context{policy, c.application}))
      if (option.allowed && option.kind != EventKind::comment) item.actions.push_back(option.kind);
    if (item.actions.empty()) continue;
    item.sla = sla_status(c.state, now, policy);
    out.push_back(std::move(item));
  }
  const auto overdue_seconds = [](const QueueItem& i) { return i.sla ? i.sla->overdue_business_seconds : 0; };
  const auto entered = [](const QueueItem& i) { return i.sla ? i.sla->entered_at : std::string(); };
  std::stable_sort(out.begin(), out.end(), [&](const QueueItem& a, const QueueItem& b) {
    if (overdue_seconds(a) != overdue_seconds(b)) return overdue_seconds(a) > overdue_seconds(b);
    if (entered(a) != entered(b)) return entered(a) < entered(b);
    return a.enrollment_id < b.enrollment_id;
  });
  return out;
}

}  // namespace onb::workflow
