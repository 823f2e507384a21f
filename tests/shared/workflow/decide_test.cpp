// decide(): one proposal becomes the event to append, the state after it and the validation report,
// or a refusal whose category says what kind of "no" it is (the server's status comes from that).
#include "fixture.hpp"

#include "shared/core/json_codec.hpp"
#include "shared/workflow/decide.hpp"

using namespace wf_test;
using K = EventKind;

namespace {

const onb::model::DocumentPolicy& documents() {
  static const auto p = *onb::decode_text<onb::model::DocumentPolicy>(read_source_file("assets/policy/documents-v1.json"));
  return p;
}

onb::model::Application application(const char* name) {
  auto a = onb::decode_text<onb::model::Application>(read_source_file(std::string("tests/data/applications/") + name));
  REQUIRE_MESSAGE(a.has_value(), onb::to_display_string(a));
  return *a;
}

Proposal create_by(const Actor& who) {
  Proposal p{"e-9", Person{who, {}}, {}};
  p.body.kind = K::created;
  p.body.created = Created{who.id};
  return p;
}

}  // namespace

TEST_CASE("workflow decide: a proposal becomes the next event, judged on the application") {
  const Policies rules{policy(), documents()};
  const auto app = application("complete.json");
  const auto now = at("2026-03-02T09:00:00Z");

  SUBCASE("the first event gets the proposal's id, sequence 1, the time now and the person as actor") {
    auto d = decide(EnrollmentState{}, create_by(customer()), app, rules, now);
    REQUIRE_MESSAGE(d.has_value(), onb::to_display_string(d));
    CHECK(d->event.enrollment_id == "e-9");
    CHECK(d->event.sequence == 1);
    CHECK(d->event.at == "2026-03-02T09:00:00Z");
    CHECK(d->event.actor.id == customer().id);
    CHECK(d->state.exists);
    CHECK(d->state.stage == Stage::draft);
    CHECK(onb::encode(d->report.problems) ==
          onb::encode(onb::validation::validate_application(app, documents(), onb::date_of(now)).problems));
  }
  SUBCASE("a later event takes the state's id and never precedes the last event") {
    auto first = decide(EnrollmentState{}, create_by(customer()), app, rules, now);
    REQUIRE(first.has_value());
    Proposal p{"ignored", Person{customer(), {}}, {}};
    p.body.kind = K::comment;
    p.body.comment = Comment{"hello", Visibility::customer};
    auto d = decide(first->state, p, app, rules, now - 3600);  // the clock stepped back an hour
    REQUIRE_MESSAGE(d.has_value(), onb::to_display_string(d));
    CHECK(d->event.enrollment_id == "e-9");
    CHECK(d->event.sequence == 2);
    CHECK(d->event.at == "2026-03-02T09:00:00Z");
  }
  SUBCASE("the proposed body is the event's body, payload and reason as proposed") {
    auto first = decide(EnrollmentState{}, create_by(customer()), app, rules, now);
    REQUIRE(first.has_value());
    Proposal p{"", Person{customer(), {}}, {}};
    p.body.kind = K::withdrawn;
    p.body.reason = "changed our mind";
    auto d = decide(first->state, p, app, rules, now);
    REQUIRE_MESSAGE(d.has_value(), onb::to_display_string(d));
    CHECK(onb::encode(static_cast<const EventBody&>(d->event)) == onb::encode(p.body));
    CHECK(d->state.stage == Stage::withdrawn);
  }
  SUBCASE("a person with several roles acts in the one the transition table admits") {
    Case c = case_at(Stage::credit_review);
    c.then(K::credit_decided, analyst());
    Proposal p{"", Person{{"ca-2", Role::credit_analyst}, {Role::credit_approver}}, {}};
    p.by.actor.approval_tier = 3;
    p.body.kind = K::approval_granted;
    p.body.approval_granted = ApprovalDecision{c.state.credit->tier};
    auto d = decide(c.state, p, app, rules, at("2026-03-09T09:00:00Z"));
    REQUIRE_MESSAGE(d.has_value(), onb::to_display_string(d));
    CHECK(d->event.actor.role == Role::credit_approver);
  }
}

TEST_CASE("workflow decide: refusals carry their category") {
  const Policies rules{policy(), documents()};
  const auto now = at("2026-03-02T09:00:00Z");
  auto created = decide(EnrollmentState{}, create_by(customer()), application("complete.json"), rules, now);
  REQUIRE(created.has_value());
  const auto refusal = [&](Proposal p, const onb::model::Application& app) {
    auto d = decide(created->state, p, app, rules, now);
    REQUIRE_FALSE(d.has_value());
    return d.error();
  };
  Proposal submit{"", Person{customer(), {}}, {}};
  submit.body.kind = K::submitted;

  SUBCASE("an application with errors cannot be submitted: application_invalid") {
    const auto e = refusal(submit, onb::model::Application{});
    CHECK(e.code == "submit.validation_errors");
    CHECK(e.category == onb::ErrorCategory::application_invalid);
  }
  SUBCASE("a role that may not take the action: forbidden") {
    submit.by = Person{officer(), {}};
    const auto e = refusal(submit, application("complete.json"));
    CHECK(e.code == "role.not_permitted");
    CHECK(e.category == onb::ErrorCategory::forbidden);
  }
  SUBCASE("an action the stage does not admit: conflict") {
    Proposal p{"", Person{admin(), {}}, {}};
    p.body.kind = K::activated;
    const auto e = refusal(p, application("complete.json"));
    CHECK(e.code == "stage.event_not_allowed");
    CHECK(e.category == onb::ErrorCategory::conflict);
  }
  SUBCASE("a payload that breaks a content rule: invalid") {
    Proposal p{"", Person{customer(), {}}, {}};
    p.body.kind = K::comment;
    p.body.comment = Comment{"  ", Visibility::customer};
    const auto e = refusal(p, application("complete.json"));
    CHECK(e.code == "comment.text_required");
    CHECK(e.category == onb::ErrorCategory::invalid);
  }
}
