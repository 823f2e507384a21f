#include "shared/workflow/policy.hpp"

#include "shared/core/calendar.hpp"
#include "shared/core/json_codec.hpp"
#include "shared/validation/messages_refusals.hpp"

#include <algorithm>
#include <set>

namespace onb::workflow {
namespace {

Result<void> check_tiers(const std::vector<ApprovalTier>& tiers) {
  if (tiers.empty()) return make_error(ErrorCategory::invalid, "policy.tiers_required", "/approval_tiers", "at least one approval tier");
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    const std::string path = "/approval_tiers/" + std::to_string(i);
    const bool last = i + 1 == tiers.size();
    if (tiers[i].tier != static_cast<int>(i) + 1)
      return make_error(ErrorCategory::invalid, "policy.tier_order", path + "/tier", "tiers are numbered 1, 2, 3 … in order");
    if (last != tiers[i].up_to.empty())
      return make_error(ErrorCategory::invalid, "policy.tier_unbounded", path + "/up_to", "only the last tier is unbounded, and it must be");
    if (tiers[i].approvers < 1) return make_error(ErrorCategory::invalid, "policy.approvers", path + "/approvers", "at least one approver");
    if (i == 0 || last) continue;
    for (const auto& [currency, bound] : tiers[i].up_to) {
      const auto prev = tiers[i - 1].up_to.find(currency);
      if (prev == tiers[i - 1].up_to.end() || prev->second >= bound)
        return make_error(ErrorCategory::invalid, "policy.tier_order", path + "/up_to/" + currency,
                          "each tier's bound must exceed the previous tier's in the same currency");
    }
  }
  return {};
}

Result<void> check_calendar(const WorkflowPolicy& p) {
  if (std::set<Weekday>(p.weekend.begin(), p.weekend.end()).size() >= 7)
    return make_error(ErrorCategory::invalid, "policy.no_business_days", "/weekend", "at least one weekday must be a business day");
  for (std::size_t i = 0; i < p.holidays.size(); ++i)
    if (!parse_date(p.holidays[i]))
      return make_error(ErrorCategory::invalid, "policy.holiday_format", "/holidays/" + std::to_string(i), "holidays are YYYY-MM-DD dates");
  return {};
}

Result<void> check_sla(const std::vector<SlaTarget>& sla) {
  for (std::size_t i = 0; i < sla.size(); ++i) {
    const std::string path = "/sla/" + std::to_string(i);
    if (sla[i].target_business_hours <= 0)
      return make_error(ErrorCategory::invalid, "policy.sla_target", path + "/target_business_hours", "a target must be positive");
    for (std::size_t j = 0; j < i; ++j)
      if (sla[j].stage == sla[i].stage)
        return make_error(ErrorCategory::invalid, "policy.sla_duplicate", path + "/stage", "one SLA target per stage");
  }
  return {};
}

}  // namespace

Result<void> check_policy(const WorkflowPolicy& policy) {
  if (policy.version.empty()) return make_error(ErrorCategory::invalid, "policy.version_required", "/version", "the policy needs a version");
  if (auto r = check_tiers(policy.approval_tiers); !r) return r;
  if (auto r = check_sla(policy.sla); !r) return r;
  return check_calendar(policy);
}

Result<WorkflowPolicy> parse_policy(std::string_view json_text) {
  auto policy = decode_text<WorkflowPolicy>(json_text);
  if (!policy) return policy.error();
  if (auto r = check_policy(*policy); !r) return r.error();
  return policy;
}

Result<RequiredApproval> required_approval(const WorkflowPolicy& policy, std::int64_t limit,
                                           const std::string& currency) {
  if (limit < 0)
    return make_error(ErrorCategory::invalid, "credit.limit_negative", "/credit_decided/limit", validation::refusal_text("credit.limit_negative"));
  for (const auto& t : policy.approval_tiers) {
    if (t.up_to.empty()) return RequiredApproval{t.tier, t.approvers};
    const auto bound = t.up_to.find(currency);
    if (bound == t.up_to.end())
      return make_error(ErrorCategory::forbidden, "tier.currency_not_covered", "/credit_decided/currency",
                        validation::refusal_text("tier.currency_not_covered", {{"currency", currency}}));
    if (limit <= bound->second) return RequiredApproval{t.tier, t.approvers};
  }
  return make_error(ErrorCategory::forbidden, "tier.currency_not_covered", "/credit_decided/currency", validation::refusal_text("tier.currency_not_covered#no_tiers"));
}

const SlaTarget* sla_target(const WorkflowPolicy& policy, Stage stage) {
  const auto it =
      std::find_if(policy.sla.begin(), policy.sla.end(), [&](const SlaTarget& t) { return t.stage == stage; });
  return it == policy.sla.end() ? nullptr : &*it;
}

}  // namespace onb::workflow
