// Approval tiers: who may approve a credit decision, and how many distinct people must. The tier a
// decision needs is fixed in the decision itself (CreditDecided::tier), checked against the policy
// when the decision is taken (payload.cpp), so approvals are judged against what was proposed.
#include "shared/validation/messages_refusals.hpp"
#include "shared/workflow/guards.hpp"

#include <algorithm>

namespace onb::workflow {

Result<void> check_tier(const EnrollmentState& state, EventKind kind, const Actor& actor) {
  const bool approving = kind == EventKind::approval_granted || kind == EventKind::approval_denied;
  if (!approving || !state.credit) return {};
  const int needed = state.credit->tier;
  if (actor.approval_tier.value_or(0) < needed)
    return make_error(ErrorCategory::forbidden, "tier.insufficient", "/actor/approval_tier",
                      validation::refusal_text("tier.insufficient", {{"tier", std::to_string(needed)}}));
  const bool already = std::find(state.approvers.begin(), state.approvers.end(), actor.id) != state.approvers.end();
  if (kind == EventKind::approval_granted && already)
    return make_error(ErrorCategory::forbidden, "tier.second_approver_required", "/actor/id",
                      validation::refusal_text("tier.second_approver_required",
                                               {{"tier", std::to_string(needed)},
                                                {"approvers", std::to_string(state.credit->approvers_required)}}));
  return {};
}

// The part of the payload check that concerns tiers: the proposed decision must carry the tier the
// policy requires, and an approval must be given at the decision's tier.
Result<void> check_tier_payload(const EnrollmentState& state, const Event& e, const WorkflowPolicy& policy) {
  if (e.credit_decided) {
    auto required = required_approval(policy, e.credit_decided->limit, e.credit_decided->currency);
    if (!required) return required.error();
    if (required->tier != e.credit_decided->tier || required->approvers != e.credit_decided->approvers_required)
      return make_error(ErrorCategory::forbidden, "tier.mismatch", "/credit_decided/tier",
                        validation::refusal_text("tier.mismatch", {{"policy", policy.version},
                                                                   {"tier", std::to_string(required->tier)},
                                                                   {"approvers", std::to_string(required->approvers)}}));
  }
  const auto& approval = e.approval_granted ? e.approval_granted : e.approval_denied;
  if (approval && state.credit && approval->tier != state.credit->tier)
    return make_error(ErrorCategory::forbidden, "tier.mismatch", e.approval_granted ? "/approval_granted/tier" : "/approval_denied/tier",
                      validation::refusal_text("tier.mismatch#approval", {{"tier", std::to_string(state.credit->tier)}}));
  return {};
}

}  // namespace onb::workflow
