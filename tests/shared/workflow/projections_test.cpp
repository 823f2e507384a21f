// What people see: the actions open to a reviewer (with the rule that denies the others)
// and the customer's status, from which internal notes and reviewers' reasons never leak.
#include "fixture.hpp"

using namespace wf_test;
using K = EventKind;

TEST_CASE("workflow allowed_actions: what an actor may do next, and why not") {
  SUBCASE("an approver may approve, and the approval completes a tier-1 decision") {
    Case c = case_at(Stage::approval);
    const auto options = allowed_actions(c.state, approver("ap-5", 1), Context{policy(), c.application});
    const auto* grant = find(options, K::approval_granted);
    REQUIRE(grant);
    CHECK(grant->allowed);
    CHECK(grant->leads_to == Stage::master_data);
    CHECK_FALSE(find(options, K::submitted));  // not a possibility in this stage at all
  }
  SUBCASE("the analyst acting as approver is told which rule denies it") {
    Case c = case_at(Stage::approval);
    const auto options =
        allowed_actions(c.state, as("ca-1", Role::credit_approver, 3), Context{policy(), c.application});
    const auto* grant = find(options, K::approval_granted);
    REQUIRE(grant);
    CHECK_FALSE(grant->allowed);
    CHECK(grant->code == "sod.approves_own_credit_decision");
    CHECK_FALSE(grant->reason.empty());
  }
  SUBCASE("a customer with errors left sees submit denied with the reason") {
    Case c = case_at(Stage::draft);
    c.application.has_blocking_errors = true;
    const auto options = allowed_actions(c.state, customer(), Context{policy(), c.application});
    const auto* submit = find(options, K::submitted);
    REQUIRE(submit);
    CHECK(submit->code == "submit.validation_errors");
    CHECK(submit->leads_to == Stage::submitted);
  }
  SUBCASE("an auditor reads and may do nothing") {
    Case c = case_at(Stage::compliance_review);
    for (const auto& o : allowed_actions(c.state, as("aud-1", Role::auditor), Context{policy(), c.application}))
      CHECK_FALSE(o.allowed);
  }
  SUBCASE("before anything exists, the only possibility is to create") {
    EnrollmentState none;
    const auto options = allowed_actions(none, rep(), Context{policy(), good_application()});
    REQUIRE(options.size() == 1);
    CHECK(options[0].kind == K::created);
    CHECK(options[0].allowed);
  }
}

TEST_CASE("workflow customer_status: what the customer sees") {
  Case c = case_at(Stage::compliance_review);
  Event internal = valid_event(K::comment, officer());
  internal.comment = Comment{"INTERNAL: director looks like a nominee", Visibility::internal};
  c.then_event(internal);
  Event visible = valid_event(K::comment, officer());
  visible.comment = Comment{"Thank you, we are reviewing your documents.", Visibility::customer};
  c.then_event(visible);
  Event rejected_doc = document("bank_confirmation", DocumentDecision::rejected);
  rejected_doc.reason = "The letter must be less than three months old.";
  c.then_event(rejected_doc);
  Event question = valid_event(K::info_requested, officer());
  question.info_requested->questions = {"Who signs for the company?"};
  question.reason = "INTERNAL: suspicious signatory";
  c.then_event(question);
  c.application.required_documents.push_back({"proof_of_address", DocumentStatus::missing});

  auto status = customer_status(c.log, c.application);
  REQUIRE(status.has_value());
  SUBCASE("stage and a timeline of the stages entered, with dates") {
    CHECK(status->stage == Stage::info_requested);
    REQUIRE(status->timeline.size() == 4);
    CHECK(status->timeline[0].stage == Stage::draft);
    CHECK(status->timeline[1].stage == Stage::submitted);
    CHECK(status->timeline[2].stage == Stage::compliance_review);
    CHECK(status->timeline[3].stage == Stage::info_requested);
    CHECK(status->timeline[3].at == c.log.back().at);
  }
  SUBCASE("pending: rejected and missing documents, open questions") {
    REQUIRE(status->pending.size() == 3);
    CHECK(onb::encode(status->pending[0]) ==
          onb::encode(PendingItem{PendingKind::rejected_document, "bank_confirmation",
                                  "The letter must be less than three months old."}));
    CHECK(status->pending[1].kind == PendingKind::missing_document);
    CHECK(status->pending[1].subject == "proof_of_address");
    CHECK(onb::encode(status->pending[2]) ==
          onb::encode(PendingItem{PendingKind::question, "", "Who signs for the company?"}));
  }
  SUBCASE("customer-visible comments are shown; internal notes and reasons are not, anywhere") {
    REQUIRE(status->messages.size() == 1);
    CHECK(status->messages[0].text == "Thank you, we are reviewing your documents.");
    CHECK(onb::encode(*status).dump().find("INTERNAL") == std::string::npos);
  }
  SUBCASE("answering closes the questions") {
    c.then(K::info_provided, customer());
    auto after = customer_status(c.log, c.application);
    for (const auto& p : after->pending) CHECK(p.kind != PendingKind::question);
    CHECK(after->stage == Stage::compliance_review);
  }
}

TEST_CASE("workflow customer_status: the confirmation appears once active, with what was decided") {
  CHECK_FALSE(customer_status(case_at(Stage::billing_setup).log, good_application())->confirmation);
  Case c = case_at(Stage::active);
  const auto status = customer_status(c.log, c.application);
  REQUIRE(status.has_value());
  REQUIRE(status->confirmation.has_value());
  const auto& conf = *status->confirmation;
  CHECK(conf.customer_number == "C-100042");
  CHECK(conf.credit_limit == 10000);
  CHECK(conf.currency == "EUR");
  CHECK(conf.payment_terms_days == 30);
  CHECK(conf.invoicing_channel == InvoicingChannel::email);
  CHECK(conf.activated_at == c.log.back().at);
  SUBCASE("a renewal review takes it away until the customer is active again") {
    c.then(K::reopened, officer());
    CHECK_FALSE(customer_status(c.log, c.application)->confirmation);
  }
}

TEST_CASE("workflow open_items: what keeps a case from moving, from its state alone") {
  Case c = case_at(Stage::compliance_review);
  c.application.required_documents.push_back({"proof_of_address", DocumentStatus::missing});
  c.application.required_documents.push_back({"ubo_register_extract", DocumentStatus::expired});
  c.then_event(document("bank_confirmation", DocumentDecision::rejected));
  auto items = open_items(c.state, c.application);
  REQUIRE(items.size() == 3);
  CHECK(items[0].kind == PendingKind::rejected_document);
  CHECK(items[0].subject == "bank_confirmation");
  CHECK(items[1].kind == PendingKind::missing_document);
  CHECK(items[2].kind == PendingKind::expired_document);
  SUBCASE("a waived document is not outstanding, however it stands") {
    c.then_event(document("proof_of_address", DocumentDecision::waived));
    CHECK(open_items(c.state, c.application).size() == 2);
  }
  SUBCASE("a request for information is an open question") {
    c.then(K::info_requested, officer());
    items = open_items(c.state, c.application);
    CHECK(items.back().kind == PendingKind::question);
  }
}
