// The versioned workflow policy: the v1 file decodes strictly, and inconsistent policies are refused.
#include "fixture.hpp"

using namespace wf_test;

TEST_CASE("workflow policy v1 from assets/policy") {
  const WorkflowPolicy& p = policy();
  CHECK(p.version == "workflow-v1");
  SUBCASE("tiers: up to 25,000, up to 250,000, above with two approvers") {
    CHECK(onb::encode(*required_approval(p, 25000, "EUR")) == onb::encode(RequiredApproval{1, 1}));
    CHECK(onb::encode(*required_approval(p, 25001, "EUR")) == onb::encode(RequiredApproval{2, 1}));
    CHECK(onb::encode(*required_approval(p, 250000, "EUR")) == onb::encode(RequiredApproval{2, 1}));
    CHECK(onb::encode(*required_approval(p, 250001, "EUR")) == onb::encode(RequiredApproval{3, 2}));
    CHECK(required_approval(p, 1000, "JPY").error().code == "tier.currency_not_covered");
    CHECK(required_approval(p, -1, "EUR").error().code == "credit.limit_negative");
  }
  SUBCASE("SLA targets per stage, none for stages nobody works") {
    REQUIRE(sla_target(p, Stage::compliance_review));
    CHECK(sla_target(p, Stage::compliance_review)->target_business_hours == 48);
    CHECK_FALSE(sla_target(p, Stage::draft));
    CHECK_FALSE(sla_target(p, Stage::active));
  }
}

TEST_CASE("workflow policy consistency") {
  const auto code_of = [](WorkflowPolicy p) {
    auto r = check_policy(p);
    return r ? std::string("ok") : r.error().code + " " + r.error().path;
  };
  const WorkflowPolicy good = policy();
  CHECK(code_of(good) == "ok");
  SUBCASE("tiers") {
    WorkflowPolicy p = good;
    p.approval_tiers[1].up_to["EUR"] = 20000;
    CHECK(code_of(p) == "policy.tier_order /approval_tiers/1/up_to/EUR");
    p = good;
    p.approval_tiers[2].up_to["EUR"] = 1;
    CHECK(code_of(p) == "policy.tier_unbounded /approval_tiers/2/up_to");
    p = good;
    p.approval_tiers[0].tier = 2;
    CHECK(code_of(p) == "policy.tier_order /approval_tiers/0/tier");
    p = good;
    p.approval_tiers[2].approvers = 0;
    CHECK(code_of(p) == "policy.approvers /approval_tiers/2/approvers");
    p.approval_tiers.clear();
    CHECK(code_of(p) == "policy.tiers_required /approval_tiers");
  }
  SUBCASE("calendar and SLA") {
    WorkflowPolicy p = good;
    p.holidays.push_back("2026-02-30");
    CHECK(code_of(p) == "policy.holiday_format /holidays/" + std::to_string(p.holidays.size() - 1));
    p = good;
    p.weekend = {Weekday::monday, Weekday::tuesday,  Weekday::wednesday, Weekday::thursday,
                 Weekday::friday, Weekday::saturday, Weekday::sunday};
    CHECK(code_of(p) == "policy.no_business_days /weekend");
    p = good;
    p.sla.push_back(p.sla[0]);
    CHECK(code_of(p).rfind("policy.sla_duplicate", 0) == 0);
    p = good;
    p.sla[0].target_business_hours = 0;
    CHECK(code_of(p) == "policy.sla_target /sla/0/target_business_hours");
  }
  SUBCASE("the file is decoded strictly") {
    auto r = parse_policy(R"({"version":"x","beneficial_owner_threshold_percent":25,"approval_tiers":[],"tiers":[]})");
    CHECK(r.error().code == "json.unknown_field");
  }
}
