// Every (stage, event kind, role) combination against the specification table below, which is written
// from the issue, not from the implementation: allowed ones move the case where the table says,
// denied ones say why with the documented code.
#include "fixture.hpp"

#include <map>
#include <set>

using namespace wf_test;

namespace {

struct SpecRow {
  const char* kind;
  std::set<std::string> stages;
  std::set<std::string> roles;
  const char* to;  // "=": the case stays where it is
};

const std::set<std::string> k_staff_and_customers = {
    "customer",        "sales_rep",     "compliance_officer", "credit_analyst",
    "credit_approver", "billing_admin", "data_steward",       "admin"};  // auditors only read
const std::set<std::string> k_every_stage = {"draft",          "submitted",   "compliance_review", "credit_review",
                                             "approval",       "master_data", "billing_setup",     "active",
                                             "info_requested", "rejected",    "withdrawn",         "under_review"};

// `created` has no row: it is only ever the first event of a log (see the next test).
const std::vector<SpecRow> k_spec = {
    {"edited", {"draft", "info_requested"}, {"customer", "sales_rep"}, "="},
    {"submitted", {"draft"}, {"customer", "sales_rep"}, "submitted"},
    {"assigned", {"submitted"}, {"compliance_officer", "admin"}, "compliance_review"},
    {"assigned", {"compliance_review", "under_review"}, {"compliance_officer", "admin"}, "="},
    {"assigned", {"credit_review"}, {"credit_analyst", "admin"}, "="},
    {"assigned", {"approval"}, {"credit_approver", "admin"}, "="},
    {"assigned", {"master_data"}, {"data_steward", "admin"}, "="},
    {"assigned", {"billing_setup"}, {"billing_admin", "admin"}, "="},
    {"info_requested", {"compliance_review", "under_review"}, {"compliance_officer"}, "info_requested"},
    {"info_requested", {"credit_review"}, {"credit_analyst"}, "info_requested"},
    // The info_requested fixture was asked from compliance_review, so answering resumes there.
    {"info_provided", {"info_requested"}, {"customer", "sales_rep"}, "compliance_review"},
    {"document_decided", {"compliance_review", "under_review"}, {"compliance_officer"}, "="},
    {"compliance_cleared", {"compliance_review"}, {"compliance_officer"}, "credit_review"},
    {"compliance_cleared", {"under_review"}, {"compliance_officer"}, "active"},
    {"compliance_failed", {"compliance_review", "under_review"}, {"compliance_officer"}, "rejected"},
    {"credit_decided", {"credit_review"}, {"credit_analyst"}, "approval"},
    // The fixture's limit is tier 1: one approval completes it.
    {"approval_granted", {"approval"}, {"credit_approver"}, "master_data"},
    {"approval_denied", {"approval"}, {"credit_approver"}, "credit_review"},
    {"master_data_created", {"master_data"}, {"data_steward"}, "billing_setup"},
    {"billing_configured", {"billing_setup"}, {"billing_admin"}, "="},
    {"activated", {"billing_setup"}, {"billing_admin", "admin"}, "active"},
    {"rejected",
     {"submitted", "compliance_review", "info_requested", "under_review"},
     {"compliance_officer"},
     "rejected"},
    {"rejected", {"credit_review"}, {"credit_analyst"}, "rejected"},
    {"rejected", {"approval"}, {"credit_approver"}, "rejected"},
    {"withdrawn",
     {"draft", "submitted", "compliance_review", "credit_review", "approval", "info_requested"},
     {"customer", "sales_rep"},
     "withdrawn"},
    {"reopened", {"active"}, {"compliance_officer", "admin"}, "under_review"},
    {"reopened", {"withdrawn"}, {"customer", "sales_rep"}, "draft"},
    {"escalated",
     {"submitted", "compliance_review", "credit_review", "approval", "master_data", "billing_setup", "info_requested",
      "under_review"},
     {"admin"},
     "="},
    {"comment", k_every_stage, k_staff_and_customers, "="},
};

struct Expected {
  bool allowed = false;
  std::string to_or_code;  // the stage reached, or the denial code
};

Expected expected(const std::string& stage, const std::string& kind, const std::string& role) {
  bool stage_admits_kind = false;
  for (const auto& row : k_spec) {
    if (row.kind != kind || !row.stages.count(stage)) continue;
    stage_admits_kind = true;
    if (row.roles.count(role)) return {true, std::string(row.to) == "=" ? stage : row.to};
  }
  return {false, stage_admits_kind ? "role.not_permitted" : "stage.event_not_allowed"};
}

template <class E>
std::vector<E> all_values() {
  std::vector<E> out;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<E>>([&](auto d) { out.push_back(d.value); });
  return out;
}

std::string name(auto e) { return boost::describe::enum_to_string(e, "?"); }

}  // namespace

TEST_CASE("workflow: every stage x event kind x role follows the specification table") {
  std::map<Stage, Case> fixtures;
  for (Stage s : all_values<Stage>()) {
    fixtures.emplace(s, case_at(s));
    REQUIRE(fixtures.at(s).state.stage == s);
  }
  int combinations = 0, allowed = 0;
  for (Stage stage : all_values<Stage>()) {
    for (EventKind kind : all_values<EventKind>()) {
      for (Role role : all_values<Role>()) {
        ++combinations;
        Case c = fixtures.at(stage);
        const Actor actor =
            as("x-" + name(role), role, role == Role::credit_approver ? std::optional(3) : std::nullopt);
        const Expected want = expected(name(stage), name(kind), name(role));
        INFO(name(stage) << " x " << name(kind) << " x " << name(role));
        const auto got = c.try_do(kind, actor);
        if (want.allowed) {
          ++allowed;
          CHECK_MESSAGE(got.has_value(), onb::to_display_string(got));
          CHECK(name(c.state.stage) == want.to_or_code);
        } else {
          REQUIRE_FALSE(got.has_value());
          CHECK(got.error().code == want.to_or_code);
          CHECK(c.state.last_sequence == fixtures.at(stage).state.last_sequence);
        }
      }
    }
  }
  CHECK(combinations == 12 * 20 * 9);
  CHECK(allowed > 100);  // the table is not vacuous (comments alone give 96)
}

TEST_CASE("workflow: an enrollment starts with `created`, by a customer or a sales rep") {
  for (Role role : all_values<Role>()) {
    for (EventKind kind : all_values<EventKind>()) {
      Case c;
      INFO(name(kind) << " by " << name(role));
      const auto got = c.try_do(kind, as("x", role, 3));
      const bool creator = role == Role::customer || role == Role::sales_rep;
      if (kind != EventKind::created) {
        REQUIRE_FALSE(got.has_value());
        CHECK(got.error().code == "event.before_created");
      } else if (creator) {
        CHECK(got.has_value());
        CHECK(c.state.stage == Stage::draft);
      } else {
        REQUIRE_FALSE(got.has_value());
        CHECK(got.error().code == "role.not_permitted");
      }
    }
  }
}
