// The transition table: for each event kind, the stages it may happen in, the roles that may take it
// and where it leads. It is the one place that says "who may do what when"; guards.hpp adds the
// conditions (documents, segregation of duties, tiers) on top.
#pragma once

#include "shared/workflow/events.hpp"

#include <optional>
#include <span>
#include <vector>

namespace onb::workflow {

// Where a transition leads. Most go to a fixed stage; some depend on the case.
BOOST_DEFINE_ENUM_CLASS(Next, stay, to_stage, resume, approval_progress)

struct Transition {
  EventKind kind = EventKind::comment;
  std::vector<Stage> from;
  std::vector<Role> roles;
  Next next = Next::stay;
  Stage to = Stage::draft;  // for Next::to_stage
};

std::span<const Transition> transitions();

// The transition of `kind` out of `stage`, or nullptr when the kind cannot happen there.
const Transition* find_transition(Stage stage, EventKind kind);

// The role that works a stage (and may be assigned to it); nullopt for stages nobody reviews.
std::optional<Role> stage_owner(Stage stage);

// Decisions on the application (segregation of duties applies) and contributions to it.
bool is_decision(EventKind kind);
bool is_contribution(EventKind kind);

}  // namespace onb::workflow
