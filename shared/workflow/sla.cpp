#include "shared/workflow/sla.hpp"

#include <algorithm>

namespace onb::workflow {
namespace {

constexpr std::int64_t k_day = 86400;

std::int64_t day_number(UnixSeconds t) { return t >= 0 ? t / k_day : (t - (k_day - 1)) / k_day; }

}  // namespace

bool is_business_day(Date day, const WorkflowPolicy& policy) {
  const auto wd = static_cast<Weekday>(weekday(day));  // both count from Monday = 0
  if (std::find(policy.weekend.begin(), policy.weekend.end(), wd) != policy.weekend.end()) return false;
  return std::find(policy.holidays.begin(), policy.holidays.end(), format_date(day)) == policy.holidays.end();
}

std::int64_t business_seconds_between(UnixSeconds from, UnixSeconds to, const WorkflowPolicy& policy) {
  if (to <= from) return 0;
  const std::int64_t first = day_number(from);
  const std::int64_t last = std::min(day_number(to - 1), first + max_sla_span_days);
  std::int64_t total = 0;
  for (std::int64_t d = first; d <= last; ++d) {
    if (!is_business_day(civil_from_days(d), policy)) continue;
    total += std::min(to, (d + 1) * k_day) - std::max(from, d * k_day);
  }
  return total;
}

UnixSeconds add_business_seconds(UnixSeconds from, std::int64_t seconds, const WorkflowPolicy& policy) {
  if (seconds <= 0) return from;
  UnixSeconds t = from;
  for (std::int64_t i = 0; i <= max_sla_span_days; ++i) {
    const std::int64_t d = day_number(t);
    const UnixSeconds day_end = (d + 1) * k_day;
    if (is_business_day(civil_from_days(d), policy)) {
      if (seconds <= day_end - t) return t + seconds;
      seconds -= day_end - t;
    }
    t = day_end;
  }
  return t;
}

BusinessDuration to_business_duration(std::int64_t s) {
  if (s < 0) s = 0;
  return {s / k_day, s % k_day / 3600, s % 3600 / 60};
}

std::optional<SlaStatus> sla_status(const EnrollmentState& state, UnixSeconds now, const WorkflowPolicy& policy) {
  const SlaTarget* target = sla_target(policy, state.stage);
  const auto entered = parse_instant(state.stage_entered_at);
  if (!target || !entered) return std::nullopt;
  SlaStatus out;
  out.enrollment_id = state.enrollment_id;
  out.stage = state.stage;
  out.entered_at = state.stage_entered_at;
  out.target_business_hours = target->target_business_hours;
  const std::int64_t target_seconds = target->target_business_hours * 3600;
  out.due_at = format_instant(add_business_seconds(*entered, target_seconds, policy));
  out.elapsed_business_seconds = business_seconds_between(*entered, now, policy);
  out.overdue = out.elapsed_business_seconds > target_seconds;
  out.overdue_business_seconds = out.overdue ? out.elapsed_business_seconds - target_seconds : 0;
  out.overdue_by = to_business_duration(out.overdue_business_seconds);
  out.escalate_to = target->escalate_to;
  out.assignee = state.assignee;
  return out;
}

std::vector<SlaStatus> overdue_enrollments(const std::vector<EnrollmentState>& cases, UnixSeconds now,
                                           const WorkflowPolicy& policy) {
  std::vector<SlaStatus> out;
  for (const auto& c : cases)
    if (auto s = sla_status(c, now, policy); s && s->overdue) out.push_back(std::move(*s));
  std::sort(out.begin(), out.end(), [](const SlaStatus& a, const SlaStatus& b) {
    if (a.overdue_business_seconds != b.overdue_business_seconds)
      return a.overdue_business_seconds > b.overdue_business_seconds;
    return a.enrollment_id < b.enrollment_id;
  });
  return out;
}

}  // namespace onb::workflow
