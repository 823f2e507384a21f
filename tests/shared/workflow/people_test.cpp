// People with several roles: the role they act in for each event, what they may do next over all their
// roles (segregation of duties still works on the person), and whom a case waits on.
#include "fixture.hpp"

#include "shared/workflow/people.hpp"

#include <algorithm>

using namespace wf_test;
using K = EventKind;

namespace {
// One person who analyses credit and may approve up to tier 2.
Person analyst_and_approver() { return {{"ca-1", Role::credit_analyst}, {Role::credit_approver}}; }
}  // namespace

TEST_CASE("workflow people: acting in the role the transition table admits") {
  Person p = analyst_and_approver();
  p.actor.approval_tier = 2;
  SUBCASE("roles, main first, each once") {
    p.other_roles.push_back(Role::credit_approver);
    CHECK(roles_of(p) == std::vector<Role>{Role::credit_analyst, Role::credit_approver});
  }
  SUBCASE("the approval tier goes with the approver role only") {
    CHECK(acting_as(p, Role::credit_approver).approval_tier == 2);
    CHECK_FALSE(acting_as(p, Role::credit_analyst).approval_tier.has_value());
  }
  SUBCASE("credit is decided as analyst, an approval is attempted as approver") {
    Case c = case_at(Stage::credit_review);
    CHECK(actor_for(p, c.state, K::credit_decided).role == Role::credit_analyst);
    c.then(K::credit_decided, analyst());  // another analyst decided: this person may approve
    CHECK(actor_for(p, c.state, K::approval_granted).role == Role::credit_approver);
  }
  SUBCASE("with no role admitted the main role acts, so the refusal names it") {
    Case c = case_at(Stage::master_data);
    CHECK(actor_for(p, c.state, K::master_data_created).role == Role::credit_analyst);
  }
}

TEST_CASE("workflow people: actions over all roles, segregation of duties on the person") {
  Person p = analyst_and_approver();
  p.actor.approval_tier = 3;
  SUBCASE("an approval by someone else's analyst decision is allowed through the second role") {
    Case c = case_at(Stage::approval);  // analyst() = "ca-1" decided: make this someone else
    p.actor.id = "ca-2";
    const auto options = allowed_actions(c.state, p, Context{policy(), c.application});
    const auto* grant = find(options, K::approval_granted);
    REQUIRE(grant);
    CHECK(grant->allowed);
  }
  SUBCASE("approving one's own credit decision is refused with the SoD rule, not 'role may not'") {
    Case c = case_at(Stage::approval);  // decided by "ca-1", this very person
    const auto options = allowed_actions(c.state, p, Context{policy(), c.application});
    const auto* grant = find(options, K::approval_granted);
    REQUIRE(grant);
    CHECK_FALSE(grant->allowed);
    CHECK(grant->code == "sod.approves_own_credit_decision");
    // Acting in the main role alone would only say the role may not.
    const auto main_role_only = allowed_actions(c.state, p.actor, Context{policy(), c.application});
    const auto* as_analyst = find(main_role_only, K::approval_granted);
    REQUIRE(as_analyst);
    CHECK(as_analyst->code == "role.not_permitted");
  }
  SUBCASE("one role's options line up with another's: the list is the single-role list") {
    Case c = case_at(Stage::credit_review);
    const auto one = allowed_actions(c.state, p.actor, Context{policy(), c.application});
    const auto both = allowed_actions(c.state, p, Context{policy(), c.application});
    REQUIRE(one.size() == both.size());
    for (std::size_t i = 0; i < one.size(); ++i) CHECK(one[i].kind == both[i].kind);
  }
}

TEST_CASE("workflow people: the stages a role works, and whom a case waits on") {
  const auto officer_stages = stages_worked_by(Role::compliance_officer);
  CHECK(std::find(officer_stages.begin(), officer_stages.end(), Stage::compliance_review) != officer_stages.end());
  CHECK(std::find(officer_stages.begin(), officer_stages.end(), Stage::credit_review) == officer_stages.end());
  const auto approver_stages = stages_worked_by(Role::credit_approver);
  CHECK(std::find(approver_stages.begin(), approver_stages.end(), Stage::approval) != approver_stages.end());
  CHECK(stages_worked_by(Role::auditor).empty());

  CHECK(waiting_on(Stage::draft) == std::vector<Role>{Role::customer});
  CHECK(waiting_on(Stage::info_requested) == std::vector<Role>{Role::customer});
  CHECK(waiting_on(Stage::submitted) == std::vector<Role>{Role::compliance_officer});
  CHECK(waiting_on(Stage::approval) == std::vector<Role>{Role::credit_approver});
  CHECK(waiting_on(Stage::billing_setup) == std::vector<Role>{Role::billing_admin});
  CHECK(waiting_on(Stage::active).empty());
  CHECK(waiting_on(Stage::rejected).empty());
}

TEST_CASE("workflow people: a queue lists the stages of all of a person's roles, each once") {
  CHECK(queue_stages(Person{officer(), {}}) == stages_worked_by(Role::compliance_officer));
  const auto stages = queue_stages(analyst_and_approver());
  for (const auto role : {Role::credit_analyst, Role::credit_approver})
    for (const auto s : stages_worked_by(role)) CHECK(std::count(stages.begin(), stages.end(), s) == 1);
  CHECK(stages.front() == stages_worked_by(Role::credit_analyst).front());  // main role first
  CHECK(queue_stages(Person{as("aud-1", Role::auditor), {}}).empty());
}

TEST_CASE("workflow people: the stages a queue is filtered by are new cases' review stages, in order") {
  CHECK(review_stages() == std::vector<Stage>{Stage::submitted, Stage::compliance_review, Stage::credit_review,
                                              Stage::approval, Stage::master_data, Stage::billing_setup});
  for (const auto stage : review_stages()) {
    bool worked = false;
    for (const auto role : {Role::compliance_officer, Role::credit_analyst, Role::credit_approver,
                            Role::data_steward, Role::billing_admin}) {
      const auto by = stages_worked_by(role);
      worked = worked || std::find(by.begin(), by.end(), stage) != by.end();
    }
    CHECK_MESSAGE(worked, onb::to_display_string(stage));
  }
}

namespace {
// Three cases, in the order a store lists them: a fresh submission, one overdue for a month, one that
// has moved on to credit review.
std::vector<CaseInput> three_cases() {
  Case fresh = case_at(Stage::submitted);
  Case old = case_at(Stage::submitted);
  old.id = "e-old";
  old.state.enrollment_id = "e-old";
  old.state.stage_entered_at = "2026-02-02T09:00:00Z";
  Case elsewhere = case_at(Stage::credit_review);
  elsewhere.state.enrollment_id = "e-credit";
  return {{fresh.state, fresh.application}, {old.state, old.application}, {elsewhere.state, elsewhere.application}};
}
}  // namespace

TEST_CASE("workflow reviewer_queue: the cases a person can act on now, in the order given") {
  const auto cases = three_cases();
  const auto now = at("2026-03-03T09:00:00Z");
  SUBCASE("a compliance officer gets both submissions, not the credit review") {
    const auto queue = reviewer_queue(cases, Person{as("co-2", Role::compliance_officer), {}}, policy(), now);
    REQUIRE(queue.size() == 2);
    // The given order, not overdue first: the server pages through the store's order (next_offset), and
    // sorting one page would neither sort the queue nor keep the rows of later pages where they belong.
    CHECK(queue[0].enrollment_id == "e-1");
    CHECK(queue[1].enrollment_id == "e-old");
    REQUIRE(queue[1].sla);
    CHECK(queue[1].sla->overdue);
    CHECK(std::find(queue[0].actions.begin(), queue[0].actions.end(), K::assigned) != queue[0].actions.end());
    CHECK(std::find(queue[0].actions.begin(), queue[0].actions.end(), K::comment) == queue[0].actions.end());
  }
  SUBCASE("a second role adds the cases that role can act on") {
    const auto queue =
        reviewer_queue(cases, Person{as("co-2", Role::compliance_officer), {Role::credit_analyst}}, policy(), now);
    REQUIRE(queue.size() == 3);
    CHECK(queue[2].enrollment_id == "e-credit");
    CHECK(std::find(queue[2].actions.begin(), queue[2].actions.end(), K::credit_decided) != queue[2].actions.end());
  }
  SUBCASE("nobody's queue holds a case on which only a comment is possible") {
    CHECK(reviewer_queue(cases, Person{steward(), {}}, policy(), now).empty());
  }
}

TEST_CASE("workflow case_list: reviewers get their queue, everyone else every case") {
  const auto cases = three_cases();
  const auto now = at("2026-03-03T09:00:00Z");
  CHECK(case_list(cases, Person{steward(), {}}, policy(), now).empty());
  const auto all = case_list(cases, Person{admin(), {}}, policy(), now);
  REQUIRE(all.size() == 3);
  CHECK(all[0].enrollment_id == "e-1");
  CHECK(all[2].enrollment_id == "e-credit");
  CHECK(case_list(cases, Person{as("aud-1", Role::auditor), {}}, policy(), now).size() == 3);
  const auto item = queue_item(cases[0], Person{as("aud-1", Role::auditor), {}}, policy(), now);
  CHECK(item.actions.empty());  // auditors only read
  CHECK(item.sla.has_value());
}
