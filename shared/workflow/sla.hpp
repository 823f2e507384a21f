// SLA clocks: how long a case has been in its stage in business time, when it is due, whether it is
// overdue and by how much, and whom to escalate to. "now" is always passed in; nothing reads a clock.
// Business time runs around the clock (UTC) on every day that is neither a weekend day nor a holiday
// of the policy, so "2 business days" from Friday 15:00 is due Tuesday 15:00. Office hours and time
// zones are not modelled (v1): say so in the policy's targets rather than adding them here.
#pragma once

#include "shared/core/calendar.hpp"
#include "shared/workflow/policy.hpp"
#include "shared/workflow/state.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onb::workflow {

// Limit of every day-by-day walk: a clock longer than this is a data error, not a late case.
inline constexpr std::int64_t max_sla_span_days = 366 * 20;

bool is_business_day(Date day, const WorkflowPolicy& policy);

// Business seconds in [from, to); 0 when to <= from.
std::int64_t business_seconds_between(UnixSeconds from, UnixSeconds to, const WorkflowPolicy& policy);

// The instant at which `seconds` of business time have passed since `from` (from itself when 0; a start
// outside business time counts from the next business day's midnight).
UnixSeconds add_business_seconds(UnixSeconds from, std::int64_t seconds, const WorkflowPolicy& policy);

// A duration in business time, for people: a business day is 24 business hours.
struct BusinessDuration {
  std::int64_t days = 0;
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
};
BOOST_DESCRIBE_STRUCT(BusinessDuration, (), (days, hours, minutes))

BusinessDuration to_business_duration(std::int64_t business_seconds);

struct SlaStatus {
  std::string enrollment_id;
  Stage stage = Stage::draft;
  std::string entered_at;
  std::string due_at;
  std::int64_t target_business_hours = 0;
  std::int64_t elapsed_business_seconds = 0;
  bool overdue = false;
  std::int64_t overdue_business_seconds = 0;  // 0 unless overdue
  BusinessDuration overdue_by;
  Role escalate_to = Role::admin;       // from the policy; who hears about it when overdue
  std::optional<std::string> assignee;  // who is working it now, if anyone
};
BOOST_DESCRIBE_STRUCT(SlaStatus, (),
                      (enrollment_id, stage, entered_at, due_at, target_business_hours, elapsed_business_seconds,
                       overdue, overdue_business_seconds, overdue_by, escalate_to, assignee))

// The clock of the case's current stage; nullopt when the stage has no SLA target or the state has no
// valid entry time.
std::optional<SlaStatus> sla_status(const EnrollmentState& state, UnixSeconds now, const WorkflowPolicy& policy);

// Every overdue case, most overdue first (ties: enrollment id), for the escalation job and dashboards.
std::vector<SlaStatus> overdue_enrollments(const std::vector<EnrollmentState>& cases, UnixSeconds now,
                                           const WorkflowPolicy& policy);

}  // namespace onb::workflow
