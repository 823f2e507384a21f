// Segregation of duties and approval tiers: each rule denies with its own code, and only that rule.
// People keep their ids across roles: "co-1 acting as credit analyst" is the same person as co-1.
#include "fixture.hpp"

using namespace wf_test;
using K = EventKind;

namespace {
std::string code(const onb::Result<void>& r) { return r ? "ok" : r.error().code; }
}  // namespace

TEST_CASE("workflow segregation: whoever created, edited or submitted cannot decide") {
  SUBCASE("the sales rep who created it, acting as compliance officer") {
    Case c = case_at(Stage::compliance_review);
    CHECK(code(c.try_add(c.next(document("bank_confirmation", DocumentDecision::accepted,
                                         as("rep-1", Role::compliance_officer))))) == "sod.creator_decides");
  }
  SUBCASE("the customer who submitted it, acting as approver") {
    Case c = case_at(Stage::approval);
    CHECK(code(c.try_add(c.next(approval(K::approval_granted, as("cust-1", Role::credit_approver, 3), 1)))) ==
          "sod.creator_decides");
  }
  SUBCASE("someone who answered a question, acting as credit analyst") {
    Case c = case_at(Stage::credit_review);
    c.then(K::info_requested, analyst()).then(K::info_provided, as("rep-2", Role::sales_rep));
    CHECK(code(c.try_do(K::credit_decided, as("rep-2", Role::credit_analyst))) == "sod.creator_decides");
  }
  SUBCASE("nor activate it") {
    Case c = case_at(Stage::billing_setup);
    CHECK(code(c.try_do(K::activated, as("rep-1", Role::admin))) == "sod.creator_decides");
  }
  SUBCASE("and a decider cannot then change the application") {
    Case c = case_at(Stage::info_requested);
    CHECK(code(c.try_do(K::edited, as("co-1", Role::sales_rep))) == "sod.decider_edits");
    CHECK(code(c.try_do(K::info_provided, as("co-1", Role::sales_rep))) == "sod.decider_edits");
    CHECK(code(c.try_do(K::info_provided, rep())) == "ok");
  }
}

TEST_CASE("workflow segregation: compliance and credit are decided by different people") {
  SUBCASE("the compliance officer cannot propose credit") {
    Case c = case_at(Stage::credit_review);
    CHECK(code(c.try_do(K::credit_decided, as("co-1", Role::credit_analyst))) ==
          "sod.same_person_compliance_and_credit");
  }
  SUBCASE("nor approve it") {
    Case c = case_at(Stage::approval);
    CHECK(code(c.try_add(c.next(approval(K::approval_granted, as("co-1", Role::credit_approver, 3), 1)))) ==
          "sod.same_person_compliance_and_credit");
  }
  SUBCASE("and whoever decided credit cannot clear compliance at renewal") {
    Case c = case_at(Stage::under_review);
    CHECK(code(c.try_do(K::compliance_cleared, as("ca-1", Role::compliance_officer))) ==
          "sod.same_person_compliance_and_credit");
    CHECK(code(c.try_do(K::compliance_cleared, as("ap-1", Role::compliance_officer))) ==
          "sod.same_person_compliance_and_credit");
    CHECK(code(c.try_do(K::compliance_cleared, officer())) == "ok");
  }
}

TEST_CASE("workflow segregation: nobody approves their own credit decision") {
  Case c = case_at(Stage::approval);
  CHECK(code(c.try_add(c.next(approval(K::approval_granted, as("ca-1", Role::credit_approver, 3), 1)))) ==
        "sod.approves_own_credit_decision");
  CHECK(code(c.try_add(c.next(approval(K::approval_denied, as("ca-1", Role::credit_approver, 3), 1)))) ==
        "sod.approves_own_credit_decision");
}

TEST_CASE("workflow tiers: an approval needs an approver of the decision's tier") {
  Case c = case_at(Stage::credit_review);
  c.then_event(credit(300000, 3, 2));
  REQUIRE(c.state.stage == Stage::approval);
  SUBCASE("a lower tier, or none, is insufficient") {
    CHECK(code(c.try_add(c.next(approval(K::approval_granted, approver("ap-1", 2), 3)))) == "tier.insufficient");
    CHECK(code(c.try_add(c.next(approval(K::approval_granted, as("ap-9", Role::credit_approver), 3)))) ==
          "tier.insufficient");
  }
  SUBCASE("the largest tier needs two distinct approvers") {
    c.then_event(approval(K::approval_granted, approver("ap-1", 3), 3));
    CHECK(c.state.stage == Stage::approval);
    CHECK(code(c.try_add(c.next(approval(K::approval_granted, approver("ap-1", 3), 3)))) ==
          "tier.second_approver_required");
    c.then_event(approval(K::approval_granted, approver("ap-2", 3), 3));
    CHECK(c.state.stage == Stage::master_data);
    CHECK(c.state.credit_approved);
  }
  SUBCASE("a denial sends it back to the analyst and voids earlier approvals") {
    c.then_event(approval(K::approval_granted, approver("ap-1", 3), 3));
    c.then_event(approval(K::approval_denied, approver("ap-2", 3), 3));
    CHECK(c.state.stage == Stage::credit_review);
    c.then_event(credit(300000, 3, 2));
    c.then_event(approval(K::approval_granted, approver("ap-1", 3), 3));
    CHECK(c.state.stage == Stage::approval);
  }
  SUBCASE("the approval must be given at the decision's tier") {
    CHECK(code(c.try_add(c.next(approval(K::approval_granted, approver("ap-1", 3), 2)))) == "tier.mismatch");
  }
}

TEST_CASE("workflow tiers: a credit decision carries the tier the policy requires") {
  Case c = case_at(Stage::credit_review);
  CHECK(code(c.try_add(c.next(credit(300000, 1, 1)))) == "tier.mismatch");
  CHECK(code(c.try_add(c.next(credit(300000, 3, 1)))) == "tier.mismatch");
  Event yen = credit(1000, 1, 1);
  yen.credit_decided->currency = "JPY";
  CHECK(code(c.try_add(c.next(yen))) == "tier.currency_not_covered");
  SUBCASE("a higher-tier approver may approve a lower tier") {
    c.then_event(credit(30000, 2, 1));
    c.then_event(approval(K::approval_granted, approver("ap-1", 3), 2));
    CHECK(c.state.stage == Stage::master_data);
  }
}
