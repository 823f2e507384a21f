// Whether an event may happen now, and if not, which rule says no: a stable code and a reason for
// people. The server calls check() before appending; the portal calls the same checks (through
// allowed_actions() in projections.hpp) to show what can happen next. How state changes: state.hpp.
#pragma once

#include "shared/core/result.hpp"
#include "shared/workflow/events.hpp"
#include "shared/workflow/policy.hpp"
#include "shared/workflow/state.hpp"

#include <boost/describe.hpp>

#include <string>
#include <vector>

namespace onb::workflow {

// What the workflow needs to know about the application, filled in by the caller from the application
// model and its validation. Review decisions on documents are NOT here: they are workflow events.
BOOST_DEFINE_ENUM_CLASS(DocumentStatus, missing, uploaded, expired)

struct RequiredDocument {
  std::string type;
  DocumentStatus status = DocumentStatus::missing;
};
BOOST_DESCRIBE_STRUCT(RequiredDocument, (), (type, status))

struct OwnerSummary {
  std::string name;
  double ownership_percent = 0;
  bool verified = false;
};
BOOST_DESCRIBE_STRUCT(OwnerSummary, (), (name, ownership_percent, verified))

struct ApplicationSummary {
  bool has_blocking_errors = false;  // validation::has_errors(problems) of the whole application
  std::vector<RequiredDocument> required_documents;
  std::vector<OwnerSummary> owners;
};
BOOST_DESCRIBE_STRUCT(ApplicationSummary, (), (has_blocking_errors, required_documents, owners))

struct Context {
  const WorkflowPolicy& policy;
  const ApplicationSummary& application;
};

// [SECTION] The whole check: everything below, in this order; the first failure wins.
// Codes, by family:
//   event.*      shape and order: before_created, enrollment_mismatch, sequence, time_order (+ check_event_shape)
//   stage.event_not_allowed, role.not_permitted                    (the transition table)
//   sod.creator_decides, sod.decider_edits, sod.same_person_compliance_and_credit,
//   sod.approves_own_credit_decision                                (segregation.cpp)
//   tier.insufficient, tier.second_approver_required, tier.mismatch, tier.currency_not_covered  (tiers.cpp)
//   submit.validation_errors, compliance.documents_incomplete, compliance.owner_unverified,
//   activation.incomplete                                          (preconditions)
//   decision.reason_required and per-payload codes (assign.*, info.*, document.*, compliance.*,
//   credit.*, master_data.*, billing.*, comment.*)                  (payload content)
[[nodiscard]] Result<void> check(const EnrollmentState& state, const Event& event, const Context& ctx);

// [SECTION] The parts, for callers that have no event yet (allowed_actions) and for fold().
[[nodiscard]] Result<void> check_order(const EnrollmentState& state, const Event& event);
[[nodiscard]] Result<void> check_transition(const EnrollmentState& state, EventKind kind, const Actor& actor);
[[nodiscard]] Result<void> check_segregation(const EnrollmentState& state, EventKind kind, const Actor& actor);
// Needs no payload: whether this actor can approve the pending credit decision at all.
[[nodiscard]] Result<void> check_tier(const EnrollmentState& state, EventKind kind, const Actor& actor);
[[nodiscard]] Result<void> check_preconditions(const EnrollmentState& state, EventKind kind, const Context& ctx);
[[nodiscard]] Result<void> check_payload(const EnrollmentState& state, const Event& event, const Context& ctx);
// Part of check_payload: a credit decision carries the tier the policy requires; approvals match it.
[[nodiscard]] Result<void> check_tier_payload(const EnrollmentState& state, const Event& event,
                                              const WorkflowPolicy& policy);

// The effective review state of each required document: the last decision, but an accepted document
// that is now missing or expired no longer counts. True when every required document is accepted or waived.
bool documents_complete(const EnrollmentState& state, const ApplicationSummary& app);

}  // namespace onb::workflow
