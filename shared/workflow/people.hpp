// People with several roles, and who a case waits on. A staff member may hold more than one role
// (say credit analyst and approver); these rules say in which role they act for an event and what
// they may do next over all their roles. Segregation of duties works on the person (Actor::id), so
// holding two roles never lets anyone decide twice on one case. The server and the portal both use
// these: the server to act and to list a reviewer's queue, the portal to show a multi-role person's
// actions and the stages a queue can be filtered by.
#pragma once

#include "shared/workflow/projections.hpp"
#include "shared/workflow/sla.hpp"

#include <boost/describe.hpp>

#include <optional>
#include <string>
#include <vector>

namespace onb::workflow {

struct Person {
  Actor actor;                    // acting in the main role
  std::vector<Role> other_roles;  // further staff roles; empty for most people
};
BOOST_DESCRIBE_STRUCT(Person, (), (actor, other_roles))

// Every role of the person, the main one first.
std::vector<Role> roles_of(const Person& person);

// The same person acting in `role`. The approval tier goes with the credit approver role only.
Actor acting_as(const Person& person, Role role);

// The role the person acts in for `kind` now: the first of their roles the transition table admits
// (the main role when none does, so the refusal names it).
Actor actor_for(const Person& person, const EnrollmentState& state, EventKind kind);

// What the person may do next over all their roles: an action is allowed when one role allows it.
// Otherwise the refusal shown is from a role that may take the action at all (say, segregation of
// duties), not the bare "your role may not" of another role.
std::vector<ActionOption> allowed_actions(const EnrollmentState& state, const Person& person, const Context& ctx);

// The stages in which `role` takes any action other than a comment (a reviewer's queue).
std::vector<Stage> stages_worked_by(Role role);

// Whom a case in `stage` waits on: the stage's reviewer, the customer while it is with them, nobody
// once it has ended or is active.
std::vector<Role> waiting_on(Stage stage);

// [SECTION] A reviewer's queue

struct CaseInput {
  EnrollmentState state;
  ApplicationSummary application;
};

struct QueueItem {
  std::string enrollment_id;
  Stage stage = Stage::draft;
  std::optional<std::string> assignee;
  std::vector<EventKind> actions;  // allowed for the person now; comments are not work and are left out
  std::optional<SlaStatus> sla;
};
BOOST_DESCRIBE_STRUCT(QueueItem, (), (enrollment_id, stage, assignee, actions, sla))

// The stages a person's queue lists: every stage one of their roles works (stages_worked_by), once,
// main role first. A store can select these before the cases are judged one by one.
std::vector<Stage> queue_stages(const Person& person);

// The stages a queue can be filtered by, in workflow order: those in which reviewers act on a new case.
std::vector<Stage> review_stages();

// One case as `person` sees it in a list: what they may do on it now, over all their roles, and its SLA.
QueueItem queue_item(const CaseInput& c, const Person& person, const WorkflowPolicy& policy, UnixSeconds now);

// The cases on which `person` can act now, in the order given. The order is the caller's because a list
// is read page by page in the store's order (GET /v1/enrollments follows next_offset): sorting one page
// would not sort the queue, and would move rows between what the pages show.
std::vector<QueueItem> reviewer_queue(const std::vector<CaseInput>& cases, const Person& person,
                                      const WorkflowPolicy& policy, UnixSeconds now);

// The list `person` gets of `cases`: their queue when they work one (works_a_queue in roles.hpp), else
// every case, in the order given.
std::vector<QueueItem> case_list(const std::vector<CaseInput>& cases, const Person& person,
                                 const WorkflowPolicy& policy, UnixSeconds now);

}  // namespace onb::workflow
