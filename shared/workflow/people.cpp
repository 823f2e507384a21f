#include "shared/workflow/people.hpp"

#include "shared/workflow/roles.hpp"
#include "shared/workflow/transitions.hpp"

#include <algorithm>

namespace onb::workflow {
namespace {

// allowed > refused by a rule of a role that may take the action > refused for the role itself.
int rank(const ActionOption& o) { return o.allowed ? 2 : refused_for_role(o) ? 0 : 1; }

template <class T>
void add_unique(std::vector<T>& out, T value) {
  if (std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
}

}  // namespace

std::vector<Role> roles_of(const Person& person) {
  std::vector<Role> out{person.actor.role};
  for (const auto role : person.other_roles) add_unique(out, role);
  return out;
}

Actor acting_as(const Person& person, Role role) {
  Actor a = person.actor;
  a.role = role;
  if (role != Role::credit_approver) a.approval_tier.reset();
  return a;
}

Actor actor_for(const Person& person, const EnrollmentState& state, EventKind kind) {
  for (const auto role : roles_of(person))
    if (check_transition(state, kind, acting_as(person, role))) return acting_as(person, role);
  return person.actor;
}

std::vector<ActionOption> allowed_actions(const EnrollmentState& state, const Person& person, const Context& ctx) {
  auto options = allowed_actions(state, person.actor, ctx);
  for (const auto role : person.other_roles) {
    const auto more = allowed_actions(state, acting_as(person, role), ctx);
    // Both lists follow EventKind order over the same stage, so they line up item by item.
    for (std::size_t i = 0; i < options.size() && i < more.size(); ++i)
      if (more[i].kind == options[i].kind && rank(more[i]) > rank(options[i])) options[i] = more[i];
  }
  return options;
}

std::vector<Stage> stages_worked_by(Role role) {
  std::vector<Stage> out;
  for (const auto& t : transitions()) {
    if (t.kind == EventKind::comment) continue;
    if (std::find(t.roles.begin(), t.roles.end(), role) == t.roles.end()) continue;
    for (const auto stage : t.from) add_unique(out, stage);
  }
  return out;
}

std::vector<Role> waiting_on(Stage stage) {
  if (stage == Stage::draft || stage == Stage::info_requested) return {Role::customer};
  if (auto owner = stage_owner(stage)) return {*owner};
  return {};
}

std::vector<Stage> queue_stages(const Person& person) {
  std::vector<Stage> out;
  for (const auto role : roles_of(person))
    for (const auto stage : stages_worked_by(role)) add_unique(out, stage);
  return out;
}

std::vector<Stage> review_stages() {
  using enum Stage;
  return {submitted, compliance_review, credit_review, approval, master_data, billing_setup};
}

QueueItem queue_item(const CaseInput& c, const Person& person, const WorkflowPolicy& policy, UnixSeconds now) {
  QueueItem item{c.state.enrollment_id, c.state.stage, c.state.assignee};
  for (const auto& option : allowed_actions(c.state, person, Context{policy, c.application}))
    if (option.allowed && option.kind != EventKind::comment) item.actions.push_back(option.kind);
  item.sla = sla_status(c.state, now, policy);
  return item;
}

std::vector<QueueItem> reviewer_queue(const std::vector<CaseInput>& cases, const Person& person,
                                      const WorkflowPolicy& policy, UnixSeconds now) {
  std::vector<QueueItem> out;
  for (const auto& c : cases)
    if (auto item = queue_item(c, person, policy, now); !item.actions.empty()) out.push_back(std::move(item));
  return out;
}

std::vector<QueueItem> case_list(const std::vector<CaseInput>& cases, const Person& person,
                                 const WorkflowPolicy& policy, UnixSeconds now) {
  if (works_a_queue(person.actor.role)) return reviewer_queue(cases, person, policy, now);
  std::vector<QueueItem> out;
  for (const auto& c : cases) out.push_back(queue_item(c, person, policy, now));
  return out;
}

}  // namespace onb::workflow
