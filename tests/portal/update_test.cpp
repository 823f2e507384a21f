// The portal reducer: each action's effect on state and the effects it asks for. Pure, so these run
// natively and as wasm; the browser edge that executes effects is covered by tests/e2e.
#include "src/app/update.hpp"

#include "shared/workflow/steps.hpp"

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
using onb::portal::test::session_json;
using onb::portal::test::valid_application;
using onb::Json;

namespace {

AppState apply(AppState s, std::initializer_list<Action> actions) { return run(std::move(s), actions).state; }

std::vector<std::string> shown(const AppState& s, const std::string& path) {
  std::vector<std::string> codes;
  for (const auto* p : visible_problems(s, path)) codes.push_back(p->code);
  return codes;
}

// Storage open, clock read, signed in as Acc-1 (online).
AppState signed_in() {
  AppState s = apply(initial_state(), {Booted{"2026-11-21", "2026-11-21T10:00:00Z", "seed", true},
                                       StorageOpened{true, ""}});
  return apply(std::move(s), {StoredTextRead{session_key, true, session_json}});
}

}  // namespace

TEST_CASE("as-you-type validation over the whole application, by the shared rules") {
  AppState s = signed_in();
  SUBCASE("an empty application has errors, but none is shown before a field is touched") {
    CHECK(onb::validation::has_errors(s.report.problems));
    CHECK(shown(s, "/entity/legal_name").empty());
    s = apply(std::move(s), {FieldEdited{"/entity/legal_name", "   "}});
    CHECK(shown(s, "/entity/legal_name").size() == 1);
    s = apply(std::move(s), {FieldEdited{"/entity/legal_name", "Ελληνική Εταιρεία"}});
    CHECK(shown(s, "/entity/legal_name").empty());
    CHECK(s.application.entity.legal_name == "Ελληνική Εταιρεία");
  }
  SUBCASE("a value of the wrong type is refused, the application is unchanged") {
    const auto before = onb::encode(s.application);
    s = apply(std::move(s), {FieldEdited{"/entity/entity_type", "not_a_type"}, FieldEdited{"/owners", 3}});
    CHECK(onb::encode(s.application) == before);
  }
  SUBCASE("lists grow and shrink; optionals come and go") {
    s = apply(std::move(s), {ItemAdded{"/contacts", onb::encode(onb::model::Contact{})},
                             ItemAdded{"/contacts", onb::encode(onb::model::Contact{"Ann"})},
                             ItemRemoved{"/contacts/0"}});
    REQUIRE(s.application.contacts.size() == 1);
    CHECK(s.application.contacts[0].name == "Ann");
    // What is no element of a list is refused, never guessed: past the end, not an index, not a list.
    s = apply(std::move(s), {ItemRemoved{"/contacts/1"}, ItemRemoved{"/contacts/x"}, ItemRemoved{"/contacts/"},
                             ItemRemoved{"/entity/legal_name"}, ItemRemoved{"contacts"}});
    REQUIRE(s.application.contacts.size() == 1);
    CHECK(s.application.contacts[0].name == "Ann");
    s = apply(std::move(s), {FieldEdited{"/requested_credit", onb::encode(onb::model::CreditRequest{})}});
    CHECK(s.application.requested_credit.has_value());
    s = apply(std::move(s), {FieldEdited{"/requested_credit", nullptr}});
    CHECK(!s.application.requested_credit.has_value());
  }
  SUBCASE("per-step counts add up, and the review step counts everything") {
    const auto counts = onb::workflow::step_counts(s.application, s.report);
    int sum = 0;
    for (const auto& c : counts)
      if (c.step != onb::workflow::StepId::review) sum += c.errors;
    CHECK(counts.back().step == onb::workflow::StepId::review);
    CHECK(counts.back().errors == onb::portal::problems_under(s.report.problems, "", onb::validation::Severity::error));
    CHECK(sum <= counts.back().errors);
    CHECK(sum > 0);
  }
  SUBCASE("completeness and missing documents come from the policy") {
    s = apply(std::move(s), {FieldEdited{"/entity/entity_type", "company"}});
    CHECK(s.report.completeness < 100);
    CHECK(!s.report.missing.empty());
  }
}

TEST_CASE("drafts are kept per account on every change and restored") {
  Step step = run(signed_in(), {FieldEdited{"/entity/legal_name", "ООО Ромашка"}});
  const auto writes = effects_of<WriteStoredText>(step.effects);
  REQUIRE(writes.size() == 1);
  CHECK(writes[0].key == "draft_acc_1");
  CHECK(step.state.draft == DraftStatus::saving);

  AppState fresh = signed_in();
  fresh = apply(std::move(fresh), {StoredTextRead{"draft_acc_1", true, writes[0].text}});
  CHECK(fresh.draft == DraftStatus::restored);
  CHECK(fresh.application.entity.legal_name == "ООО Ромашка");
  SUBCASE("another account's draft is not restored") {
    AppState other = apply(signed_in(), {StoredTextRead{"draft_acc_2", true, writes[0].text}});
    CHECK(other.application.entity.legal_name.empty());
  }
}

TEST_CASE("a request carries the action its reply becomes") {
  AppState s = apply(initial_state(), {StorageOpened{true, ""}, EmailEdited{"a@example.com"}, PasswordEdited{"pw"}});
  const auto sent = effects_of<SendHttp>(run(std::move(s), {AuthSubmitted{}}).effects);
  REQUIRE(sent.size() == 1);
  const Action answer = with_reply(sent[0].on_reply, HttpReply{201, session_json});
  REQUIRE(std::holds_alternative<SignInAnswered>(answer));
  CHECK(std::get<SignInAnswered>(answer).status == 201);
  CHECK(std::get<SignInAnswered>(answer).body == session_json);
  // What the edge dispatches is an ordinary action of the session slice.
  CHECK(update(apply(initial_state(), {StorageOpened{true, ""}}), answer).state.session->token == "t0k");
}

TEST_CASE("the state the test build exports keeps every slice's names at the top") {
  const Json j = onb::encode(signed_in());
  for (const char* key : {"today", "screen", "prefs", "auth", "session", "application", "report", "touched", "step",
                          "draft", "submission", "outbox_stored", "answer", "printable", "uploads", "queue", "review"})
    CHECK_MESSAGE(j.contains(key), std::string(key));
  CHECK(j["session"]["token"] == "t0k");
  CHECK(j["queue"].contains("items"));
}

TEST_CASE("signing in, up and out") {
  AppState s = apply(initial_state(), {StorageOpened{true, ""}, EmailEdited{"a@example.com"},
                                       PasswordEdited{"correct horse"}, AuthModeChosen{AuthMode::sign_up}});
  Step step = run(std::move(s), {AuthSubmitted{}});
  auto sent = effects_of<SendHttp>(step.effects);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].path == "/v1/accounts");
  step = run(std::move(step.state), {SignUpAnswered{201, "{}"}});
  sent = effects_of<SendHttp>(step.effects);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].path == "/v1/sessions");
  step = run(std::move(step.state), {SignInAnswered{201, session_json}});
  CHECK(step.state.screen == Screen::application);
  CHECK(step.state.auth.password.empty());
  CHECK(effects_of<WriteStoredText>(step.effects).at(0).key == session_key);
  CHECK(effects_of<ReadStoredText>(step.effects).size() == 3);  // draft, uploads and outbox of this account
  SUBCASE("a refused sign-in shows the server's reason") {
    AppState r = apply(initial_state(), {AuthSubmitted{},
        SignInAnswered{401, R"({"code":"auth.invalid","path":"","message":"wrong password"})"}});
    CHECK(r.auth.status == AuthStatus::failed);
    CHECK(r.auth.error->code == "auth.invalid");
  }
  SUBCASE("signing out forgets the session and the application in memory") {
    step = run(std::move(step.state), {FieldEdited{"/entity/legal_name", "X"}, SignOutClicked{}});
    CHECK(step.state.screen == Screen::sign_in);
    CHECK(!step.state.session);
    CHECK(step.state.application.entity.legal_name.empty());
    CHECK(effects_of<SendHttp>(step.effects).back().method == "DELETE");
  }
}

TEST_CASE("submitting: blocked by errors, queued offline, sent once with the same keys") {
  AppState s = signed_in();
  Step step = run(std::move(s), {SubmitClicked{}});
  CHECK(step.state.submission.status == SubmitStatus::blocked);
  CHECK(effects_of<SendHttp>(step.effects).empty());
  CHECK(step.state.show_all_problems);

  s = std::move(step.state);
  s.application = valid_application();
  s = apply(std::move(s), {FieldEdited{"/entity/legal_name", "Oakfield Joinery"}, NetworkChanged{false}});
  REQUIRE(!onb::validation::has_errors(s.report.problems));
  step = run(std::move(s), {SubmitClicked{}});
  CHECK(step.state.submission.status == SubmitStatus::queued);
  CHECK(effects_of<SendHttp>(step.effects).empty());
  const auto saved = effects_of<WriteStoredText>(step.effects);
  REQUIRE(saved.size() == 1);
  CHECK(saved[0].key == "outbox_acc_1");
  CHECK(!step.state.outbox_stored);
  CHECK(apply(step.state, {StoredTextWritten{"outbox_acc_1", true, ""}}).outbox_stored);
  const std::string create_key = step.state.outbox->create_key;

  SUBCASE("after a reload the stored outbox goes out with its keys when the network returns") {
    AppState reloaded = apply(signed_in(), {NetworkChanged{false}, StoredTextRead{"outbox_acc_1", true, saved[0].text}});
    CHECK(reloaded.submission.status == SubmitStatus::queued);
    step = run(std::move(reloaded), {NetworkChanged{true}});
    auto sent = effects_of<SendHttp>(step.effects);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].idempotency_key == create_key);
    CHECK(sent[0].path == "/v1/enrollments");
    CHECK(sent[0].token == "t0k");

    step = run(std::move(step.state), {CreateEnrollmentAnswered{0, "offline"}});
    CHECK(step.state.submission.status == SubmitStatus::queued);
    step = run(std::move(step.state), {NetworkChanged{true}});
    CHECK(effects_of<SendHttp>(step.effects).at(0).idempotency_key == create_key);  // a retry, same key

    onb::protocol::EnrollmentView view;
    view.id = "e1";
    view.version = 1;
    step = run(std::move(step.state), {CreateEnrollmentAnswered{201, onb::encode(view).dump()}});
    sent = effects_of<SendHttp>(step.effects);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].path == "/v1/enrollments/e1/events");
    CHECK(onb::Json::parse(sent[0].body)["base_version"] == 1);
    CHECK(onb::Json::parse(sent[0].body)["kind"] == "submitted");
    CHECK(sent[0].idempotency_key != create_key);

    view.version = 2;
    view.stage = onb::workflow::Stage::submitted;
    step = run(std::move(step.state), {SubmitEnrollmentAnswered{200, onb::encode(view).dump()}});
    CHECK(step.state.submission.status == SubmitStatus::submitted);
    CHECK(!step.state.outbox);
    CHECK(step.state.enrollment->stage == onb::workflow::Stage::submitted);
    CHECK(effects_of<WriteStoredText>(step.effects).at(0).text.empty());  // the outbox is gone from storage
  }
  SUBCASE("a reviewer's newer version is a conflict, shown and not retried") {
    step = run(std::move(step.state), {NetworkChanged{true}});
    step = run(std::move(step.state), {CreateEnrollmentAnswered{409,
        R"({"code":"enrollment.conflict","path":"","message":"changed meanwhile","current_version":4})"}});
    CHECK(step.state.submission.status == SubmitStatus::conflict);
    CHECK(step.state.submission.error->code == "enrollment.conflict");
    CHECK(!step.state.outbox);
    CHECK(effects_of<SendHttp>(run(std::move(step.state), {NetworkChanged{true}}).effects).empty());
  }
}

TEST_CASE("reading preferences are kept and bounded") {
  Step step = run(apply(initial_state(), {StorageOpened{true, ""}}),
                  {ThemeChosen{Theme::light}, LanguageChosen{onb::validation::Language::de}});
  CHECK(step.state.prefs.theme == Theme::light);
  CHECK(effects_of<WriteStoredText>(step.effects).back().key == prefs_key);
  AppState s = std::move(step.state);
  for (int i = 0; i < 40; ++i) s = apply(std::move(s), {FontScaleChanged{font_scale_step}});
  CHECK(s.prefs.font_scale == font_scale_max);
  for (int i = 0; i < 40; ++i) s = apply(std::move(s), {FontScaleChanged{-font_scale_step}});
  CHECK(s.prefs.font_scale == font_scale_min);
}

TEST_CASE("a stored value is durable only once its last write is answered") {
  // Two quick changes write twice; the first answer is about the older text and must not report the
  // newer one as kept (a reload then would restore the older preferences).
  AppState s = apply(initial_state(), {StorageOpened{true, ""}, ThemeChosen{Theme::light},
                                       FontScaleChanged{font_scale_step}, FontScaleChanged{font_scale_step}});
  CHECK_FALSE(s.prefs_stored);
  s = apply(std::move(s), {StoredTextWritten{prefs_key, true, ""}, StoredTextWritten{prefs_key, true, ""}});
  CHECK_FALSE(s.prefs_stored);
  s = apply(std::move(s), {StoredTextWritten{prefs_key, true, ""}});
  CHECK(s.prefs_stored);
  SUBCASE("the last write failing leaves it not stored, whatever came before") {
    s = apply(std::move(s), {FontScaleChanged{font_scale_step}, FontScaleChanged{font_scale_step},
                             StoredTextWritten{prefs_key, true, ""}, StoredTextWritten{prefs_key, false, "quota"}});
    CHECK_FALSE(s.prefs_stored);
  }
}

TEST_CASE("consents are stamped with the page's clock and the text version") {
  AppState s = apply(signed_in(), {ConsentChanged{onb::model::ConsentType::terms_and_conditions, true},
                                   ConsentChanged{onb::model::ConsentType::terms_and_conditions, false}});
  REQUIRE(s.application.consents.size() == 1);
  CHECK(!s.application.consents[0].given);
  CHECK(s.application.consents[0].timestamp == "2026-11-21T10:00:00Z");
  CHECK(s.application.consents[0].text_version == "terms_and_conditions-2026-01");
}

TEST_CASE("an invitation link is claimed once signed in as a customer; the rep's data becomes the draft") {
  AppState s = apply(initial_state(), {Booted{"2026-11-21", "2026-11-21T10:00:00Z", "seed", true, "abc123", "http://x"},
                                       StorageOpened{true, ""}});
  Step step = run(std::move(s), {StoredTextRead{session_key, true, session_json}});
  auto sent = effects_of<SendHttp>(step.effects);
  REQUIRE(sent.size() == 2);
  CHECK(sent[1].path == "/v1/invites/abc123/claim");
  CHECK(!sent[1].idempotency_key.empty());
  onb::protocol::EnrollmentView view;
  view.id = "e7";
  view.version = 2;
  view.application = valid_application();
  step = run(std::move(step.state), {ClaimInviteAnswered{200, onb::encode(view).dump()}});
  CHECK(!step.state.invite);
  CHECK(step.state.enrollment->id == "e7");
  CHECK(step.state.application.entity.legal_name == "Oakfield Joinery");
  CHECK(effects_of<WriteStoredText>(step.effects).at(0).key == "draft_acc_1");
  SUBCASE("submitting updates the claimed enrollment on its version, then submits") {
    step = run(std::move(step.state), {SubmitClicked{}});
    sent = effects_of<SendHttp>(step.effects);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].method == "PUT");
    CHECK(sent[0].path == "/v1/enrollments/e7/application");
    CHECK(onb::Json::parse(sent[0].body)["base_version"] == 2);
  }
}

TEST_CASE("a sales rep's submit saves the application and yields the invitation, never submits") {
  AppState s = apply(initial_state(), {Booted{"2026-11-21", "2026-11-21T10:00:00Z", "seed", true, "", ""},
                                       StorageOpened{true, ""}});
  s = apply(std::move(s), {StoredTextRead{session_key, true,
      R"({"token":"t","expires_at":"2026-11-21T00:00:00Z","account":{"id":"rep","email":"r@x.com","role":"sales_rep"}})"}});
  s.application = valid_application();
  s = apply(std::move(s), {FieldEdited{"/entity/legal_name", "Oakfield Joinery"}});
  Step step = run(std::move(s), {SubmitClicked{}});
  REQUIRE(step.state.outbox);
  CHECK(step.state.outbox->invite_only);
  onb::protocol::EnrollmentView view;
  view.id = "e9";
  view.version = 1;
  view.invite_token = "tok";
  step = run(std::move(step.state), {CreateEnrollmentAnswered{201, onb::encode(view).dump()}});
  CHECK(step.state.submission.status == SubmitStatus::invited);
  CHECK(step.state.invite_token == std::optional<std::string>("tok"));
  CHECK(effects_of<SendHttp>(step.effects).empty());
  // The sent application's browser draft is removed: signing in again starts the next customer.
  bool draft_removed = false;
  for (const auto& w : effects_of<WriteStoredText>(step.effects))
    draft_removed = draft_removed || (w.key == draft_key(step.state) && w.text.empty());
  CHECK(draft_removed);
}

TEST_CASE("the customer's status: fetched once submitted, questions answered") {
  AppState s = signed_in();
  s.enrollment = Enrollment{"e1", 3, onb::workflow::Stage::info_requested};
  Step step = run(std::move(s), {StatusRefreshClicked{}});
  auto sent = effects_of<SendHttp>(step.effects);
  REQUIRE(sent.size() == 1);
  CHECK(sent[0].path == "/v1/enrollments/e1/timeline");
  onb::protocol::Timeline t;
  t.status = onb::workflow::CustomerStatus{};
  t.status->stage = onb::workflow::Stage::info_requested;
  t.status->pending.push_back({onb::workflow::PendingKind::question, "", "Who signs?"});
  step = run(std::move(step.state), {TimelineAnswered{200, onb::encode(t).dump()}, AnswerEdited{"Tom"},
                                     AnswerSent{}});
  REQUIRE(step.state.status);
  CHECK(step.state.status->pending.size() == 1);
  sent = effects_of<SendHttp>(step.effects);
  REQUIRE(sent.size() == 1);
  const auto body = onb::Json::parse(sent[0].body);
  CHECK(body["kind"] == "info_provided");
  CHECK(body["info_provided"]["answers"][0] == "Tom");
  CHECK(body["base_version"] == 3);
}

// On another device (no draft in this browser) a customer with an enrollment on the server sees the
// server's copy of their application; a draft of this browser, read back or typed, wins over it.
TEST_CASE("without a draft in this browser, the customer's application is the server's copy") {
  onb::protocol::EnrollmentPage page;
  page.items.push_back({});
  page.items[0].id = "e1";
  page.items[0].version = 3;
  page.items[0].stage = onb::workflow::Stage::compliance_review;
  onb::protocol::EnrollmentView view;
  view.id = "e1";
  view.version = 3;
  view.stage = onb::workflow::Stage::compliance_review;
  view.application = valid_application();
  const std::string view_json = onb::encode(view).dump();

  Step step = run(signed_in(), {ListEnrollmentsAnswered{200, onb::encode(page).dump()}});
  std::vector<SendHttp> copies;
  for (const auto& h : effects_of<SendHttp>(step.effects))
    if (answers<ServerCopyAnswered>(h)) copies.push_back(h);
  REQUIRE(copies.size() == 1);
  CHECK(copies[0].method == "GET");
  CHECK(copies[0].path == "/v1/enrollments/e1");

  SUBCASE("no draft here: the server's application is shown and checked, not stored as a draft") {
    step = run(std::move(step.state), {ServerCopyAnswered{200, view_json}});
    CHECK(step.state.application.entity.legal_name == view.application.entity.legal_name);
    CHECK_FALSE(onb::validation::has_errors(step.state.report.problems));
    CHECK(effects_of<WriteStoredText>(step.effects).empty());
  }
  SUBCASE("a draft of this browser read back before the answer wins") {
    onb::model::Application mine;
    mine.entity.legal_name = "Typed here";
    const std::string key = draft_key(step.state);  // before the state is moved into run()
    step = run(std::move(step.state), {StoredTextRead{key, true, onb::encode(mine).dump()},
                                       ServerCopyAnswered{200, view_json}});
    CHECK(step.state.application.entity.legal_name == "Typed here");
  }
  SUBCASE("typing before the answer wins") {
    step = run(std::move(step.state), {FieldEdited{"/entity/legal_name", "Typed now"},
                                       ServerCopyAnswered{200, view_json}});
    CHECK(step.state.application.entity.legal_name == "Typed now");
  }
}
