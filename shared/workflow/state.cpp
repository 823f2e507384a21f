// The fold: how each accepted event changes an enrollment. No rule is checked here except in fold(),
// which re-checks the order and the transition table of a stored log before trusting it.
#include "shared/workflow/state.hpp"

#include "shared/core/json_pointer.hpp"
#include "shared/workflow/guards.hpp"
#include "shared/workflow/transitions.hpp"

#include <algorithm>

namespace onb::workflow {
namespace {

void remember(std::vector<std::string>& people, const std::string& id) {
  if (std::find(people.begin(), people.end(), id) == people.end()) people.push_back(id);
}

void record_people(EnrollmentState& s, const Event& e) {
  if (is_contribution(e.kind)) remember(s.contributors, e.actor.id);
  if (is_decision(e.kind)) remember(s.deciders, e.actor.id);
  switch (e.kind) {
    case EventKind::document_decided:
    case EventKind::compliance_cleared:
    case EventKind::compliance_failed:
      remember(s.compliance_people, e.actor.id);
      break;
    case EventKind::credit_decided:
    case EventKind::approval_granted:
    case EventKind::approval_denied:
      remember(s.credit_people, e.actor.id);
      break;
    default:
      break;
  }
}

void record_credit(EnrollmentState& s, const Event& e) {
  switch (e.kind) {
    case EventKind::credit_decided:
      s.credit = e.credit_decided;
      s.credit_decider = e.actor.id;
      s.approvers.clear();
      s.credit_approved = false;
      break;
    case EventKind::approval_granted:
      remember(s.approvers, e.actor.id);
      s.credit_approved = s.credit && static_cast<int>(s.approvers.size()) >= s.credit->approvers_required;
      break;
    case EventKind::approval_denied:
      s.approvers.clear();
      s.credit_approved = false;
      break;
    default:
      break;
  }
}

void record_facts(EnrollmentState& s, const Event& e) {
  if (e.created) s.customer_id = e.created->customer_id;
  if (e.assigned) s.assignee = e.assigned->assignee_id;
  if (e.document_decided) s.documents[e.document_decided->document_type] = e.document_decided->decision;
  if (e.kind == EventKind::compliance_cleared) s.compliance_cleared = true;
  if (e.master_data_created) s.customer_number = e.master_data_created->customer_number;
  if (e.billing_configured) s.billing = e.billing_configured;
  if (e.escalated) ++s.escalations;
  // A renewal re-runs compliance: the earlier clearance no longer stands for the new period.
  if (e.kind == EventKind::reopened && s.stage == Stage::active) s.compliance_cleared = false;
}

}  // namespace

Stage next_stage(const EnrollmentState& state, const Event& event) {
  const Transition* t = find_transition(state.stage, event.kind);
  if (!t) return state.stage;
  switch (t->next) {
    case Next::stay:
      return state.stage;
    case Next::to_stage:
      return t->to;
    case Next::resume:
      return state.resume_stage.value_or(Stage::compliance_review);
    case Next::approval_progress: {
      const auto approvers = state.approvers.size() + (std::find(state.approvers.begin(), state.approvers.end(),
                                                                 event.actor.id) == state.approvers.end());
      const int required = state.credit ? state.credit->approvers_required : 1;
      return static_cast<int>(approvers) >= required ? Stage::master_data : Stage::approval;
    }
  }
  return state.stage;
}

EnrollmentState evolve(EnrollmentState s, const Event& e) {
  const Stage before = s.stage;
  const Stage after = s.exists ? next_stage(s, e) : Stage::draft;
  if (!s.exists) {
    s.exists = true;
    s.enrollment_id = e.enrollment_id;
  }
  // A new stage is worked by someone new, but a question to the applicant does not take the case away
  // from its reviewer.
  const bool round_trip = before == Stage::info_requested || after == Stage::info_requested;
  if (after != before && !round_trip) s.assignee.reset();
  record_people(s, e);
  record_credit(s, e);
  record_facts(s, e);
  if (e.kind == EventKind::info_requested) s.resume_stage = before;
  if (e.kind == EventKind::info_provided) s.resume_stage.reset();
  // A stage's clock restarts whenever the case (re)enters it, including on return from the applicant.
  if (after != before || e.kind == EventKind::created) s.stage_entered_at = e.at;
  s.stage = after;
  s.last_sequence = e.sequence;
  s.last_at = e.at;
  return s;
}

Result<EnrollmentState> fold(const std::vector<Event>& log) {
  EnrollmentState s;
  for (std::size_t i = 0; i < log.size(); ++i) {
    const Event& e = log[i];
    Result<void> ok = check_event_shape(e);
    if (ok) ok = check_order(s, e);
    if (ok) ok = check_transition(s, e.kind, e.actor);
    if (!ok) {
      Error err = ok.error();
      err.path = pointer_append("", i) + err.path;
      return err;
    }
    s = evolve(std::move(s), e);
  }
  return s;
}

}  // namespace onb::workflow
