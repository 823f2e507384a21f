// The fold: state is a function of the log, rebuilt the same way on both sides, and a tampered log is refused.
#include "fixture.hpp"

using namespace wf_test;
using K = EventKind;

TEST_CASE("workflow state: fold over the log equals the state built step by step") {
  Case c = case_at(Stage::under_review);
  auto folded = fold(c.log);
  REQUIRE(folded.has_value());
  CHECK(onb::encode(*folded) == onb::encode(c.state));
  CHECK(folded->customer_number == "C-100042");
  CHECK(folded->contributors == std::vector<std::string>{"rep-1", "cust-1"});
}

TEST_CASE("workflow state: a stored log that breaks order or the transition table is refused") {
  std::vector<Event> log = case_at(Stage::approval).log;
  SUBCASE("events swapped") {
    std::swap(log[3], log[4]);
    CHECK(fold(log).error().code == "event.sequence");
    CHECK(fold(log).error().path == "/3/sequence");
  }
  SUBCASE("an event rewritten into one its stage does not admit") {
    log[2].kind = K::activated;
    CHECK(fold(log).error().code == "stage.event_not_allowed");
    CHECK(fold(log).error().path == "/2/kind");
  }
  SUBCASE("an actor rewritten into a role that may not act") {
    log[2].actor.role = Role::auditor;
    CHECK(fold(log).error().path == "/2/actor/role");
  }
}

TEST_CASE("workflow state: a question to the applicant resumes where it left") {
  Case c = case_at(Stage::credit_review);
  c.then(K::assigned, admin());
  c.then(K::info_requested, analyst());
  CHECK(c.state.stage == Stage::info_requested);
  CHECK(c.state.resume_stage == Stage::credit_review);
  c.then(K::info_provided, customer());
  CHECK(c.state.stage == Stage::credit_review);
  CHECK_FALSE(c.state.resume_stage);
  SUBCASE("the stage clock restarts on return, and the reviewer keeps the case") {
    CHECK(c.state.stage_entered_at == c.log.back().at);
    CHECK(c.state.assignee == "someone");
  }
}

TEST_CASE("workflow state: a withdrawn application can be reopened as a draft; a rejected one cannot") {
  Case c = case_at(Stage::withdrawn);
  c.then(K::reopened, customer());
  CHECK(c.state.stage == Stage::draft);
  Case r = case_at(Stage::rejected);
  CHECK(r.try_do(K::reopened, customer()).error().code == "stage.event_not_allowed");
}

TEST_CASE("workflow state: renewal re-runs compliance and returns to active") {
  Case c = case_at(Stage::under_review);
  CHECK_FALSE(c.state.compliance_cleared);
  c.then(K::compliance_cleared, officer());
  CHECK(c.state.stage == Stage::active);
}
