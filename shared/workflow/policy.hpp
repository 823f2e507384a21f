// The workflow policy: approval tiers, SLA targets, escalation and the business calendar, read from
// versioned data (assets/policy/workflow-v*.json) and passed into every function that needs it.
// No rule is decided here beyond the policy's own consistency; the rules live in guards/sla.
#pragma once

#include "shared/core/result.hpp"
#include "shared/workflow/events.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onb::workflow {

BOOST_DEFINE_ENUM_CLASS(Weekday, monday, tuesday, wednesday, thursday, friday, saturday, sunday)

// A credit limit up to and including up_to[currency] needs this tier. The last tier has no bounds
// (an empty map): everything above the previous tier. Bounds are per currency because tiers are
// set by the risk committee in each currency they trade in; no exchange rates are involved.
struct ApprovalTier {
  int tier = 1;
  std::map<std::string, std::int64_t> up_to;
  int approvers = 1;  // distinct approvers of this tier (or higher) needed
};
BOOST_DESCRIBE_STRUCT(ApprovalTier, (), (tier, up_to, approvers))

// A stage's clock: the case should leave `stage` within target_business_hours of entering it; after
// that it is overdue and escalated to escalate_to.
struct SlaTarget {
  Stage stage = Stage::compliance_review;
  std::int64_t target_business_hours = 48;
  Role escalate_to = Role::admin;
};
BOOST_DESCRIBE_STRUCT(SlaTarget, (), (stage, target_business_hours, escalate_to))

struct WorkflowPolicy {
  std::string version;                             // "workflow-v1"
  double beneficial_owner_threshold_percent = 25;  // owners at or above must be verified
  std::vector<ApprovalTier> approval_tiers;        // ascending tiers
  std::vector<SlaTarget> sla;                      // at most one per stage
  std::vector<Weekday> weekend;                    // days on which no SLA clock runs
  std::vector<std::string> holidays;               // "YYYY-MM-DD", also clock-free
};
BOOST_DESCRIBE_STRUCT(WorkflowPolicy, (),
                      (version, beneficial_owner_threshold_percent, approval_tiers, sla, weekend, holidays))

// The consistency every function here relies on. Codes: policy.version_required, policy.tiers_required,
// policy.tier_order, policy.tier_unbounded (only the last tier, and it must be), policy.approvers,
// policy.sla_duplicate, policy.sla_target, policy.no_business_days, policy.holiday_format.
[[nodiscard]] Result<void> check_policy(const WorkflowPolicy& policy);

// decode_text<WorkflowPolicy> + check_policy.
[[nodiscard]] Result<WorkflowPolicy> parse_policy(std::string_view json_text);

struct RequiredApproval {
  int tier = 1;
  int approvers = 1;
};
BOOST_DESCRIBE_STRUCT(RequiredApproval, (), (tier, approvers))

// The tier a credit limit needs. Fails with tier.currency_not_covered when a bounded tier has no
// bound in `currency`, and credit.limit_negative for a negative limit.
[[nodiscard]] Result<RequiredApproval> required_approval(const WorkflowPolicy& policy, std::int64_t limit,
                                                         const std::string& currency);

const SlaTarget* sla_target(const WorkflowPolicy& policy, Stage stage);  // nullptr: no clock in that stage

}  // namespace onb::workflow
