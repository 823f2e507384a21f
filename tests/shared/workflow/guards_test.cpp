// The guards on the application and on what an event says: each refusal has its stable code.
#include "fixture.hpp"

using namespace wf_test;
using K = EventKind;

namespace {
std::string code(const onb::Result<void>& r) { return r ? "ok" : r.error().code; }
}  // namespace

TEST_CASE("workflow guard: submit only without blocking validation errors") {
  Case c = case_at(Stage::draft);
  c.application.has_blocking_errors = true;
  CHECK(code(c.try_do(K::submitted, customer())) == "submit.validation_errors");
  c.application.has_blocking_errors = false;
  CHECK(code(c.try_do(K::submitted, customer())) == "ok");
}

TEST_CASE("workflow guard: compliance clears only with every document and owner in order") {
  Case c = case_at(Stage::compliance_review);
  SUBCASE("a required document nobody decided on") {
    c.application.required_documents.push_back({"proof_of_address", DocumentStatus::uploaded});
    CHECK(code(c.try_do(K::compliance_cleared, officer())) == "compliance.documents_incomplete");
  }
  SUBCASE("a rejected or merely deferred document") {
    c.then_event(document("bank_confirmation", DocumentDecision::rejected));
    CHECK(code(c.try_do(K::compliance_cleared, officer())) == "compliance.documents_incomplete");
    c.then_event(document("bank_confirmation", DocumentDecision::deferred));
    CHECK(code(c.try_do(K::compliance_cleared, officer())) == "compliance.documents_incomplete");
  }
  SUBCASE("a waived document counts, even when nothing was uploaded") {
    c.application.required_documents[1].status = DocumentStatus::missing;
    c.then_event(document("bank_confirmation", DocumentDecision::waived));
    CHECK(code(c.try_do(K::compliance_cleared, officer())) == "ok");
  }
  SUBCASE("an accepted document that has since expired no longer counts") {
    c.application.required_documents[0].status = DocumentStatus::expired;
    CHECK(code(c.try_do(K::compliance_cleared, officer())) == "compliance.documents_incomplete");
  }
  SUBCASE("an owner of 25 % or more must be verified; below 25 % need not") {
    c.application.owners = {{"Exactly", 25, false}};
    auto r = c.try_do(K::compliance_cleared, officer());
    CHECK(r.error() == onb::Error{"compliance.owner_unverified", "/owners/0",
                                  "beneficial owner 'Exactly' holds 25 % and is not verified"});
    c.application.owners = {{"Just under", 24.99, false}};
    CHECK(code(c.try_do(K::compliance_cleared, officer())) == "ok");
  }
  SUBCASE("what the officer records: identity, owners, screening") {
    Event e = valid_event(K::compliance_cleared, officer());
    e.compliance_cleared->identity_verified = false;
    CHECK(code(c.try_add(c.next(e))) == "compliance.identity_unverified");
    e.compliance_cleared = ComplianceOutcome{true, true, ScreeningResult::match};
    CHECK(code(c.try_add(c.next(e))) == "compliance.screening_match");
    e.compliance_cleared->screening = ScreeningResult::potential_match_cleared;
    e.reason.reset();
    CHECK(code(c.try_add(c.next(e))) == "decision.reason_required");
    e.reason = "Namesake, different date of birth";
    CHECK(code(c.try_add(c.next(e))) == "ok");
  }
}

TEST_CASE("workflow guard: credit is decided only by a credit analyst") {
  Case c = case_at(Stage::credit_review);
  for (Role r : {Role::compliance_officer, Role::credit_approver, Role::admin, Role::sales_rep})
    CHECK(code(c.try_do(K::credit_decided, as("someone-new", r, 3))) == "role.not_permitted");
  Event e = valid_event(K::credit_decided, analyst());
  e.credit_decided->payment_terms_days = 400;
  CHECK(code(c.try_add(c.next(e))) == "credit.terms_range");
  e = valid_event(K::credit_decided, analyst());
  e.credit_decided->currency = "eur";
  CHECK(code(c.try_add(c.next(e))) == "credit.currency_format");
  CHECK(code(c.try_do(K::credit_decided, analyst())) == "ok");
}

TEST_CASE("workflow guard: activation only when every earlier stage is complete") {
  Case c = case_at(Stage::master_data);
  c.then(K::master_data_created, steward());
  auto r = c.try_do(K::activated, billing());
  CHECK(r.error() == onb::Error{"activation.incomplete", "", "cannot activate before: billing setup"});
  c.then(K::billing_configured, billing());
  CHECK(code(c.try_do(K::activated, billing())) == "ok");
}

TEST_CASE("workflow guard: decisions against the applicant need a reason") {
  SUBCASE("rejection, compliance failure, denial, reopening") {
    for (auto [stage, kind, actor] : {std::tuple{Stage::submitted, K::rejected, officer()},
                                      std::tuple{Stage::compliance_review, K::compliance_failed, officer()},
                                      std::tuple{Stage::approval, K::approval_denied, approver()},
                                      std::tuple{Stage::active, K::reopened, admin()}}) {
      Case c = case_at(stage);
      Event e = c.next(kind, actor);
      e.reason = "  ";
      CHECK(code(c.try_add(e)) == "decision.reason_required");
    }
  }
  SUBCASE("documents rejected, waived or deferred; a deferral also needs its date") {
    Case c = case_at(Stage::compliance_review);
    Event e = document("bank_confirmation", DocumentDecision::waived);
    e.reason.reset();
    CHECK(code(c.try_add(c.next(e))) == "decision.reason_required");
    e = document("bank_confirmation", DocumentDecision::deferred);
    e.document_decided->deferred_until = "soon";
    CHECK(code(c.try_add(c.next(e))) == "document.deferred_until_required");
    e = document("bank_confirmation", DocumentDecision::accepted);
    e.reason.reset();
    CHECK(code(c.try_add(c.next(e))) == "ok");
  }
}

TEST_CASE("workflow guard: payload content") {
  SUBCASE("assignment names a person of the role that works the stage") {
    Case c = case_at(Stage::credit_review);
    Event e = valid_event(K::assigned, admin(), Stage::credit_review);
    e.assigned->assignee_role = Role::credit_approver;
    CHECK(code(c.try_add(c.next(e))) == "assign.wrong_role");
    e.assigned = Assigned{"", Role::credit_analyst};
    CHECK(code(c.try_add(c.next(e))) == "assign.assignee_required");
  }
  SUBCASE("a request for information asks something") {
    Case c = case_at(Stage::compliance_review);
    Event e = valid_event(K::info_requested, officer());
    e.info_requested->questions = {"Which bank?", " "};
    CHECK(code(c.try_add(c.next(e))) == "info.questions_required");
  }
  SUBCASE("billing follows the approved credit") {
    Case c = case_at(Stage::master_data);
    c.then(K::master_data_created, steward());
    Event e = valid_event(K::billing_configured, billing());
    e.billing_configured->currency = "USD";
    CHECK(code(c.try_add(c.next(e))) == "billing.currency_mismatch");
    e = valid_event(K::billing_configured, billing());
    e.billing_configured->payment_terms_days = 60;
    CHECK(code(c.try_add(c.next(e))) == "billing.terms_exceed_credit");
    e = valid_event(K::billing_configured, billing());
    e.billing_configured->billing_contact = "accounts";
    CHECK(code(c.try_add(c.next(e))) == "billing.contact_required");
  }
  SUBCASE("customers cannot write internal notes") {
    Case c = case_at(Stage::draft);
    Event e = valid_event(K::comment, customer());
    e.comment->visibility = Visibility::internal;
    CHECK(code(c.try_add(c.next(e))) == "comment.internal_by_customer");
    e.actor = rep();
    CHECK(code(c.try_add(c.next(e))) == "ok");
  }
  SUBCASE("the customer number is required") {
    Case c = case_at(Stage::master_data);
    Event e = valid_event(K::master_data_created, steward());
    e.master_data_created->customer_number = "";
    CHECK(code(c.try_add(c.next(e))) == "master_data.customer_number_required");
  }
}

TEST_CASE("workflow guard: events join the log in order") {
  Case c = case_at(Stage::draft);
  Event e = c.next(K::comment, customer());
  SUBCASE("the next sequence number, no gaps or repeats") {
    e.sequence += 1;
    CHECK(code(c.try_add(e)) == "event.sequence");
    e.sequence -= 2;
    CHECK(code(c.try_add(e)) == "event.sequence");
  }
  SUBCASE("the same enrollment") {
    e.enrollment_id = "e-2";
    CHECK(code(c.try_add(e)) == "event.enrollment_mismatch");
  }
  SUBCASE("not earlier than the last event") {
    e.at = "2026-03-01T00:00:00Z";
    CHECK(code(c.try_add(e)) == "event.time_order");
  }
  SUBCASE("a valid shape first") {
    e.comment.reset();
    CHECK(code(c.try_add(e)) == "event.payload_missing");
  }
}
