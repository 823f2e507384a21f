// SLA clocks on a fixed calendar: March/April 2026, weekends Saturday and Sunday, Good Friday
// (2026-04-03) and Easter Monday (2026-04-06) are holidays in the v1 policy. 2026-03-06 is a Friday.
#include "fixture.hpp"

using namespace wf_test;

namespace {
EnrollmentState in_stage(const char* id, Stage stage, const char* entered_at) {
  EnrollmentState s;
  s.exists = true;
  s.enrollment_id = id;
  s.stage = stage;
  s.stage_entered_at = entered_at;
  s.assignee = "co-7";
  return s;
}
constexpr std::int64_t h = 3600;
}  // namespace

TEST_CASE("workflow SLA: business time skips weekends and holidays") {
  const auto& p = policy();
  SUBCASE("two business days from Friday afternoon are due Tuesday afternoon") {
    CHECK(onb::format_instant(add_business_seconds(at("2026-03-06T15:00:00Z"), 48 * h, p)) == "2026-03-10T15:00:00Z");
    CHECK(business_seconds_between(at("2026-03-06T15:00:00Z"), at("2026-03-09T15:00:00Z"), p) == 24 * h);
  }
  SUBCASE("a case that arrives on a weekend starts its clock on Monday") {
    CHECK(onb::format_instant(add_business_seconds(at("2026-03-07T10:00:00Z"), 48 * h, p)) == "2026-03-11T00:00:00Z");
    CHECK(business_seconds_between(at("2026-03-07T10:00:00Z"), at("2026-03-08T23:00:00Z"), p) == 0);
  }
  SUBCASE("Easter: Good Friday and Easter Monday do not count") {
    CHECK(onb::format_instant(add_business_seconds(at("2026-04-02T12:00:00Z"), 48 * h, p)) == "2026-04-08T12:00:00Z");
    CHECK(business_seconds_between(at("2026-04-02T12:00:00Z"), at("2026-04-07T12:00:00Z"), p) == 24 * h);
  }
  SUBCASE("the weekend comes from the policy") {
    WorkflowPolicy friday_saturday = p;
    friday_saturday.weekend = {Weekday::friday, Weekday::saturday};
    CHECK(onb::format_instant(add_business_seconds(at("2026-03-05T12:00:00Z"), 24 * h, friday_saturday)) ==
          "2026-03-08T12:00:00Z");
  }
  SUBCASE("degenerate spans") {
    CHECK(business_seconds_between(at("2026-03-10T00:00:00Z"), at("2026-03-09T00:00:00Z"), p) == 0);
    CHECK(add_business_seconds(at("2026-03-07T10:00:00Z"), 0, p) == at("2026-03-07T10:00:00Z"));
  }
}

TEST_CASE("workflow SLA: status, overdue and escalation of one case") {
  const auto& p = policy();
  const EnrollmentState s = in_stage("e-1", Stage::compliance_review, "2026-03-06T15:00:00Z");
  SUBCASE("within target") {
    auto st = sla_status(s, at("2026-03-09T15:00:00Z"), p);
    REQUIRE(st);
    CHECK(st->due_at == "2026-03-10T15:00:00Z");
    CHECK_FALSE(st->overdue);
    CHECK(st->elapsed_business_seconds == 24 * h);
  }
  SUBCASE("overdue by 18 business hours on Wednesday morning, escalated per policy") {
    auto st = sla_status(s, at("2026-03-11T09:00:00Z"), p);
    REQUIRE(st);
    CHECK(st->overdue);
    CHECK(st->overdue_business_seconds == 18 * h);
    CHECK(onb::encode(st->overdue_by) == onb::encode(BusinessDuration{0, 18, 0}));
    CHECK(st->escalate_to == Role::admin);
    CHECK(st->assignee == "co-7");
  }
  SUBCASE("the next weekend does not add to the delay") {
    auto sat = sla_status(s, at("2026-03-14T12:00:00Z"), p);
    auto sun = sla_status(s, at("2026-03-15T23:59:59Z"), p);
    CHECK(onb::encode(sat->overdue_by) == onb::encode(BusinessDuration{3, 9, 0}));  // Mon–Fri + 9 h − 48 h
    CHECK(sun->overdue_business_seconds == sat->overdue_business_seconds);
  }
  SUBCASE("stages without a target have no clock") {
    CHECK_FALSE(sla_status(in_stage("e-2", Stage::draft, "2026-03-06T15:00:00Z"), at("2026-04-01T00:00:00Z"), p));
    CHECK_FALSE(sla_status(in_stage("e-3", Stage::active, "2026-03-06T15:00:00Z"), at("2026-04-01T00:00:00Z"), p));
  }
}

TEST_CASE("workflow SLA: the overdue list, most overdue first, whom to escalate to") {
  const std::vector<EnrollmentState> cases = {
      in_stage("e-on-time", Stage::compliance_review, "2026-03-10T09:00:00Z"),
      in_stage("e-slightly", Stage::compliance_review, "2026-03-06T15:00:00Z"),  // 18 h over on Wed 09:00
      in_stage("e-credit", Stage::credit_review, "2026-03-05T09:00:00Z"),        // 48 h target, 48 h over
      in_stage("e-active", Stage::active, "2026-01-05T09:00:00Z"),
  };
  const auto overdue = overdue_enrollments(cases, at("2026-03-11T09:00:00Z"), policy());
  REQUIRE(overdue.size() == 2);
  CHECK(overdue[0].enrollment_id == "e-credit");
  CHECK(overdue[0].overdue_business_seconds == 48 * h);
  CHECK(overdue[0].escalate_to == Role::credit_approver);
  CHECK(overdue[1].enrollment_id == "e-slightly");
}

TEST_CASE("workflow SLA: the clock starts when the case enters its stage") {
  Case c = case_at(Stage::submitted);
  c.then(EventKind::assigned, officer());
  auto st = sla_status(c.state, c.clock, policy());
  REQUIRE(st);
  CHECK(st->stage == Stage::compliance_review);
  CHECK(st->entered_at == c.log.back().at);
  CHECK(st->elapsed_business_seconds == 0);
}
