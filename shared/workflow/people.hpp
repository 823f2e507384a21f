// People with several roles, and who a case waits on. A staff member may hold more than one role
// (say credit analyst and approver); these rules say in which role they act for an event and what
// they may do next over all their roles. Segregation of duties works on the person (Actor::id), so
// holding two roles never lets anyone decide twice on one case. The server and the portal both use
// these: the server to act, the portal to show a multi-role person's actions.
#pragma once

#include "shared/workflow/projections.hpp"

#include <boost/describe.hpp>

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

}  // namespace onb::workflow
