// The staff side of the portal reducer: where each role lands, the queue loaded page after page with its
// filters, a case and the body of a workflow action, refusals shown with their rule, a stale version, and
// the customer's confirmation. Replies are the server's wire format, made from the protocol structs.
#include "src/app/update.hpp"

#include "shared/core/json_codec.hpp"

#include "../shared/support.hpp"
#include "reducer.hpp"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <sstream>

using namespace onb::portal;
using onb::portal::test::answers;
using onb::portal::test::effects_of;
using onb::portal::test::requests;
using onb::portal::test::run;
using onb::portal::test::valid_application;
using onb::Json;
namespace protocol = onb::protocol;
namespace workflow = onb::workflow;

namespace {

std::string session_of(const char* role, const char* extra = "") {
  return std::string(R"({"token":"t0k","expires_at":"2026-11-21T00:00:00Z","account":{"id":"Acc-9","email":"r@example.com","role":")") +
         role + "\"" + extra + "}}";
}

Step signed_in_as(const char* role, const char* extra = "") {
  AppState s = run(initial_state(), {Booted{"2026-11-21", "2026-11-21T10:00:00Z", "seed", true}, StorageOpened{true, ""}}).state;
  return update(std::move(s), StoredTextRead{session_key, true, session_of(role, extra)});
}

protocol::EnrollmentSummary summary(int n) {
  protocol::EnrollmentSummary e;
  e.id = "e-" + std::to_string(n);
  e.version = 2;
  e.stage = workflow::Stage::submitted;
  e.legal_name = "Company " + std::to_string(n);
  return e;
}

QueuePageAnswered page_reply(int first, int count, std::optional<std::uint64_t> next) {
  protocol::EnrollmentPage page;
  for (int i = 0; i < count; ++i) page.items.push_back(summary(first + i));
  page.next_offset = next;
  return QueuePageAnswered{200, onb::encode(page).dump()};
}

template <class Reply>
Reply reply(int status, const Json& body) {
  return Reply{status, body.dump()};
}

// A case in credit review: the analyst may decide credit; approval is refused by segregation of duties.
protocol::EnrollmentView case_view(std::uint64_t version = 7) {
  protocol::EnrollmentView v;
  v.id = "e-1";
  v.version = version;
  v.stage = workflow::Stage::credit_review;
  v.application = valid_application();
  v.application.requested_credit = onb::model::CreditRequest{{"25000.00", "GBP"}, onb::model::PaymentTerms::net_45};
  v.actions = {{workflow::EventKind::credit_decided, true, workflow::Stage::approval, "", ""},
               {workflow::EventKind::approval_granted, false, workflow::Stage::master_data,
                "sod.approves_own_credit_decision", "who proposed the credit decision may not approve it"}};
  return v;
}

// Signed in as an analyst with the case open and loaded.
AppState with_case() {
  AppState s = signed_in_as("credit_analyst").state;
  s = run(std::move(s), {page_reply(0, 1, std::nullopt), CaseOpened{"e-1"}, reply<CaseViewAnswered>(200, onb::encode(case_view())),
                         reply<CaseTimelineAnswered>(200, Json{{"events", Json::array()}})})
          .state;
  REQUIRE(s.review.view);
  return s;
}

}  // namespace

TEST_CASE("each role lands on its own screen after signing in") {
  SUBCASE("a reviewer on the queue, whose first page is asked for at once") {
    const Step s = signed_in_as("compliance_officer");
    CHECK(s.state.screen == Screen::queue);
    const auto pages = requests<QueuePageAnswered>(s.effects);
    REQUIRE(pages.size() == 1);
    CHECK(pages[0].path == "/v1/enrollments?limit=200&offset=0");
    CHECK(pages[0].token == "t0k");
    CHECK(s.state.queue.status == LoadStatus::loading);
  }
  SUBCASE("an auditor reads the queue too") { CHECK(signed_in_as("auditor").state.screen == Screen::queue); }
  SUBCASE("a sales rep on their customers") {
    const Step s = signed_in_as("sales_rep");
    CHECK(s.state.screen == Screen::customers);
    CHECK(requests<QueuePageAnswered>(s.effects).size() == 1);
    const Step next = update(s.state, NewApplicationClicked{});
    CHECK(next.state.screen == Screen::application);
    CHECK(update(next.state, CustomersClicked{}).state.screen == Screen::customers);
  }
  SUBCASE("a customer on the application; no queue") {
    const Step s = signed_in_as("customer");
    CHECK(s.state.screen == Screen::application);
    CHECK(requests<QueuePageAnswered>(s.effects).empty());
  }
}

TEST_CASE("the queue follows next_offset page after page until the last") {
  AppState s = signed_in_as("compliance_officer").state;
  Step step = update(std::move(s), page_reply(0, 200, 200));
  CHECK(step.state.queue.items.size() == 200);
  CHECK(step.state.queue.status == LoadStatus::loading);  // progress: 200 so far, one page
  CHECK(step.state.queue.pages == 1);
  auto next = requests<QueuePageAnswered>(step.effects);
  REQUIRE(next.size() == 1);
  CHECK(next[0].path == "/v1/enrollments?limit=200&offset=200");

  step = update(std::move(step.state), page_reply(200, 50, std::nullopt));
  CHECK(step.state.queue.items.size() == 250);
  CHECK(step.state.queue.items.back().id == "e-249");
  CHECK(step.state.queue.status == LoadStatus::loaded);
  CHECK_FALSE(step.state.queue.in_flight);
  CHECK(step.effects.empty());

  SUBCASE("a reply nobody waits for is ignored") {
    const Step late = update(step.state, page_reply(900, 3, std::nullopt));
    CHECK(late.state.queue.items.size() == 250);
  }
  SUBCASE("a failed page keeps what came and says why") {
    Step again = update(std::move(step.state), QueueRefreshClicked{});
    CHECK(again.state.queue.items.empty());
    again = update(std::move(again.state), reply<QueuePageAnswered>(500, Json{{"code", "storage.failed"}, {"path", ""}, {"message", "disk"}}));
    CHECK(again.state.queue.status == LoadStatus::failed);
    REQUIRE(again.state.queue.error);
    CHECK(again.state.queue.error->code == "storage.failed");
  }
}

TEST_CASE("queue filters are query parameters; a change restarts the load") {
  AppState s = signed_in_as("compliance_officer").state;
  s = update(std::move(s), page_reply(0, 3, std::nullopt)).state;
  QueueFilter f;
  f.stage = workflow::Stage::credit_review;
  f.overdue = true;
  f.mine = true;
  Step step = update(std::move(s), QueueFilterChanged{f});
  auto sent = requests<QueuePageAnswered>(step.effects);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].path == "/v1/enrollments?limit=200&offset=0&stage=credit_review&overdue=true&assignee=me");
  CHECK(step.state.queue.items.empty());

  SUBCASE("changed again while a page is on its way: the late page is dropped, the new filter asked for") {
    QueueFilter only_mine;
    only_mine.mine = true;
    step = update(std::move(step.state), QueueFilterChanged{only_mine});
    CHECK(requests<QueuePageAnswered>(step.effects).empty());  // one page at a time
    step = update(std::move(step.state), page_reply(0, 200, 200));  // of the old filter
    CHECK(step.state.queue.items.empty());
    sent = requests<QueuePageAnswered>(step.effects);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].path == "/v1/enrollments?limit=200&offset=0&assignee=me");
  }
}

TEST_CASE("opening a case reads it and its timeline; Escape closes it") {
  AppState s = signed_in_as("credit_analyst").state;
  Step step = update(std::move(s), CaseOpened{"e-1"});
  CHECK(step.state.screen == Screen::review_case);
  CHECK(requests<CaseViewAnswered>(step.effects).at(0).path == "/v1/enrollments/e-1");
  CHECK(requests<CaseTimelineAnswered>(step.effects).at(0).path == "/v1/enrollments/e-1/timeline");
  step = update(std::move(step.state), reply<CaseViewAnswered>(200, onb::encode(case_view())));
  REQUIRE(step.state.review.view);
  CHECK(step.state.review.view->version == 7);
  // document decisions offer the case's documents: attached ones by type, required ones missing
  CHECK(std::count(step.state.review.document_types.begin(), step.state.review.document_types.end(), "register_extract") == 1);
  step = update(std::move(step.state), CaseClosed{});
  CHECK(step.state.screen == Screen::queue);
  CHECK(step.effects.empty());  // nothing changed: the queue stands
  CHECK(update(step.state, reply<CaseViewAnswered>(200, onb::encode(case_view()))).state.review.view == std::nullopt);
}

TEST_CASE("an action is sent as {base_version, kind, reason, payload named like the kind} with a key") {
  AppState s = with_case();
  s = update(std::move(s), ActionChosen{workflow::EventKind::credit_decided}).state;
  REQUIRE(s.review.draft.credit_decided);
  CHECK(s.review.draft.credit_decided->limit == 25000);  // prefilled from the request
  CHECK(s.review.draft.credit_decided->currency == "GBP");
  CHECK(s.review.draft.credit_decided->payment_terms_days == 45);
  s = run(std::move(s), {ActionFieldEdited{"/credit_decided/limit", 20000}, ActionFieldEdited{"/credit_decided/risk_grade", "low"},
                         ActionFieldEdited{"/reason", "Solid references"}})
          .state;

  SUBCASE("the form edits its own payload and reason only") {
    const auto before = onb::encode(s.review.draft);
    s = run(std::move(s), {ActionFieldEdited{"/kind", "approval_granted"}, ActionFieldEdited{"/base_version", 1},
                           ActionFieldEdited{"/comment", Json{{"text", "x"}}}, ActionFieldEdited{"/credit_decided/limit", "lots"}})
            .state;
    CHECK(onb::encode(s.review.draft) == before);
  }
  SUBCASE("the body and the idempotency key") {
    Step step = update(std::move(s), ActionSent{});
    const auto sent = requests<CaseActionAnswered>(step.effects);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].method == "POST");
    CHECK(sent[0].path == "/v1/enrollments/e-1/events");
    CHECK_FALSE(sent[0].idempotency_key.empty());
    const Json body = Json::parse(sent[0].body);
    CHECK(body["base_version"] == 7);
    CHECK(body["kind"] == "credit_decided");
    CHECK(body["reason"] == "Solid references");
    CHECK(body["credit_decided"]["limit"] == 20000);
    CHECK(body["credit_decided"]["risk_grade"] == "low");
    CHECK(!body.contains("approval_granted"));
    CHECK(step.state.review.sending);
    CHECK(requests<CaseActionAnswered>(update(step.state, ActionSent{}).effects).empty());  // one at a time

    SUBCASE("no answer: the next Send carries the same key, so it lands once") {
      step = update(std::move(step.state), CaseActionAnswered{0, "offline"});
      CHECK_FALSE(step.state.review.sending);
      const auto again = requests<CaseActionAnswered>(update(step.state, ActionSent{}).effects);
      REQUIRE(again.size() == 1);
      CHECK(again[0].idempotency_key == sent[0].idempotency_key);
    }
    SUBCASE("accepted: the form closes and the case is read again") {
      auto after = case_view(8);
      after.stage = workflow::Stage::approval;
      step = update(std::move(step.state), reply<CaseActionAnswered>(200, onb::encode(after)));
      CHECK(step.state.review.done == workflow::EventKind::credit_decided);
      CHECK_FALSE(step.state.review.chosen);
      CHECK(requests<CaseViewAnswered>(step.effects).size() == 1);
      CHECK(requests<CaseTimelineAnswered>(step.effects).size() == 1);
      step = update(std::move(step.state), CaseClosed{});
      CHECK(requests<QueuePageAnswered>(step.effects).size() == 1);  // the case moved on: the queue reloads
    }
  }
}

TEST_CASE("a refused action is shown with the rule that refused it") {
  AppState s = with_case();
  SUBCASE("an option the server marked refused is not sent; its code is kept") {
    Step step = run(std::move(s), {ActionChosen{workflow::EventKind::approval_granted}, ActionSent{}});
    CHECK(requests<CaseActionAnswered>(step.effects).empty());
    REQUIRE(step.state.review.refusal);
    CHECK(step.state.review.refusal->code == "sod.approves_own_credit_decision");
  }
  SUBCASE("a 403 from the server: code, path and message") {
    Step step = run(std::move(s), {ActionChosen{workflow::EventKind::credit_decided}, ActionSent{}});
    const auto key = requests<CaseActionAnswered>(step.effects).at(0).idempotency_key;
    step = update(std::move(step.state), reply<CaseActionAnswered>(403,
                                               Json{{"code", "sod.same_person_compliance_and_credit"}, {"path", "/actor/id"},
                                                    {"message", "who cleared compliance may not decide credit"}}));
    REQUIRE(step.state.review.refusal);
    CHECK(step.state.review.refusal->code == "sod.same_person_compliance_and_credit");
    CHECK(step.state.review.refusal->path == "/actor/id");
    CHECK(step.state.review.chosen == workflow::EventKind::credit_decided);  // the form stays to change
    CHECK_FALSE(step.state.review.reloaded_stale);
    CHECK(step.effects.empty());
    const auto again = requests<CaseActionAnswered>(update(step.state, ActionSent{}).effects);
    CHECK(again.at(0).idempotency_key != key);  // answered: a new attempt is a new request
  }
  SUBCASE("a 422 on the payload") {
    Step step = run(std::move(s), {ActionChosen{workflow::EventKind::credit_decided}, ActionSent{}});
    step = update(std::move(step.state), reply<CaseActionAnswered>(422,
                                               Json{{"code", "tier.mismatch"}, {"path", "/credit_decided/tier"}, {"message", "tier 2"}}));
    CHECK(step.state.review.refusal->code == "tier.mismatch");
  }
}

TEST_CASE("a stale version (409) reloads the case and says so; the form is kept on the new version") {
  AppState s = with_case();
  Step step = run(std::move(s), {ActionChosen{workflow::EventKind::credit_decided}, ActionSent{}});
  step = update(std::move(step.state), reply<CaseActionAnswered>(409,
                                             Json{{"code", "version.stale"}, {"path", "/base_version"},
                                                  {"message", "changed"}, {"current_version", 9}}));
  CHECK(step.state.review.reloaded_stale);
  CHECK(step.state.review.refusal->code == "version.stale");
  CHECK(requests<CaseViewAnswered>(step.effects).size() == 1);
  CHECK(requests<CaseTimelineAnswered>(step.effects).size() == 1);
  step = update(std::move(step.state), reply<CaseViewAnswered>(200, onb::encode(case_view(9))));
  CHECK(step.state.review.chosen == workflow::EventKind::credit_decided);
  const auto sent = requests<CaseActionAnswered>(update(step.state, ActionSent{}).effects);
  REQUIRE(sent.size() == 1);
  CHECK(Json::parse(sent[0].body)["base_version"] == 9);
}

TEST_CASE("the customer's confirmation arrives with the status once active, and prints as an effect") {
  const char* session = R"({"token":"t0k","expires_at":"2026-11-21T00:00:00Z","account":{"id":"Acc-1","email":"a@example.com","role":"customer"}})";
  AppState s = run(initial_state(), {Booted{"2026-11-21", "2026-11-21T10:00:00Z", "seed", true}, StorageOpened{true, ""},
                                     StoredTextRead{session_key, true, session}})
                   .state;
  const Json active = {{"status",
                        {{"stage", "active"},
                         {"timeline", Json::array({Json{{"stage", "active"}, {"at", "2026-11-21T09:00:00Z"}}})},
                         {"pending", Json::array()},
                         {"messages", Json::array()},
                         {"confirmation",
                          {{"customer_number", "C-100042"}, {"credit_limit", 20000}, {"currency", "GBP"},
                           {"payment_terms_days", 45}, {"invoicing_channel", "email"}, {"activated_at", "2026-11-21T09:00:00Z"}}}}}};
  SUBCASE("before it is active there is nothing to print") {
    Json submitted = active;
    submitted["status"]["stage"] = "submitted";
    submitted["status"].erase("confirmation");
    s = update(std::move(s), reply<TimelineAnswered>(200, submitted)).state;
    REQUIRE(s.status);
    CHECK_FALSE(s.status->confirmation);
    CHECK_FALSE(update(s, PrintableToggled{true}).state.printable);
  }
  SUBCASE("active: decoded, printable, printed") {
    s = update(std::move(s), reply<TimelineAnswered>(200, active)).state;
    REQUIRE(s.status);
    REQUIRE(s.status->confirmation);
    CHECK(s.status->confirmation->customer_number == "C-100042");
    CHECK(s.status->confirmation->credit_limit == 20000);
    CHECK(s.status->confirmation->payment_terms_days == 45);
    CHECK(s.status->confirmation->invoicing_channel == workflow::InvoicingChannel::email);
    CHECK(effects_of<PrintPage>(update(s, PrintClicked{40}).effects).empty());  // not in the printable view yet
    s = update(std::move(s), PrintableToggled{true}).state;
    CHECK(s.printable);
    const auto printed = effects_of<PrintPage>(update(s, PrintClicked{40}).effects);
    REQUIRE(printed.size() == 1);
    CHECK(printed[0].top == 40);
    CHECK_FALSE(update(s, PrintableToggled{false}).state.printable);
  }
}
