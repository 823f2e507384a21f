// What can happen next (allowed_actions). The customer's view is in customer_status.cpp; a reviewer's
// queue in people.cpp.
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

}  // namespace onb::workflow
