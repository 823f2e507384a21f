// The state of an enrollment: a left fold of evolve() over its events. evolve() only records what an
// accepted event did; whether an event may happen is decided beforehand by check() in guards.hpp.
// Projections for people (status, queues) do not belong here: see projections.hpp.
#pragma once

#include "shared/core/result.hpp"
#include "shared/workflow/events.hpp"

#include <boost/describe.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace onb::workflow {

struct EnrollmentState {
  bool exists = false;  // false until the `created` event
  std::string enrollment_id;
  std::string customer_id;
  std::uint64_t last_sequence = 0;
  std::string last_at;  // time of the last event; later events may not be earlier
  Stage stage = Stage::draft;
  std::string stage_entered_at;       // the stage's SLA clock starts here (also on resuming)
  std::optional<Stage> resume_stage;  // while info_requested: where the case goes back to
  std::optional<std::string> assignee;
  // Segregation of duties works on people (actor ids), whatever role they acted in.
  std::vector<std::string> contributors;              // created, edited, submitted or provided information
  std::vector<std::string> deciders;                  // took any decision on the case
  std::vector<std::string> compliance_people;         // decided documents or compliance
  std::vector<std::string> credit_people;             // decided or approved credit
  std::map<std::string, DocumentDecision> documents;  // latest decision per document type
  bool compliance_cleared = false;
  std::optional<CreditDecided> credit;  // the decision awaiting or holding approval
  std::optional<std::string> credit_decider;
  std::vector<std::string> approvers;  // distinct approvers of the current credit decision
  bool credit_approved = false;
  std::optional<std::string> customer_number;
  std::optional<BillingConfigured> billing;
  int escalations = 0;
};
BOOST_DESCRIBE_STRUCT(EnrollmentState, (),
                      (exists, enrollment_id, customer_id, last_sequence, last_at, stage, stage_entered_at,
                       resume_stage, assignee, contributors, deciders, compliance_people, credit_people, documents,
                       compliance_cleared, credit, credit_decider, approvers, credit_approved, customer_number, billing,
                       escalations))

// The stage `event` leads to from `state` (the same stage for events that do not move the case).
// Meaningful only for an event that check_transition() accepts.
Stage next_stage(const EnrollmentState& state, const Event& event);

// Applies an accepted event. Total: never fails, never throws.
EnrollmentState evolve(EnrollmentState state, const Event& event);

// Rebuilds the state from a stored log, checking only what evolve() relies on: shape, order
// (enrollment id, sequence, time) and that each event is a transition of its stage and role.
// Application-dependent guards are not re-run: they held when the event was accepted.
// Errors carry the log index in their path: "/3/kind".
[[nodiscard]] Result<EnrollmentState> fold(const std::vector<Event>& log);

}  // namespace onb::workflow
