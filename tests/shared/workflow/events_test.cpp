// The event wire format: strict decoding, one payload named like the kind, canonical times.
#include "fixture.hpp"

#include "shared/core/json_schema.hpp"

using namespace wf_test;

namespace {
const char* k_credit_event = R"({"enrollment_id":"e-1","sequence":7,"at":"2026-03-02T09:00:00Z",
  "actor":{"id":"ca-1","role":"credit_analyst"},"kind":"credit_decided",
  "credit_decided":{"limit":20000,"currency":"EUR","payment_terms_days":30,"risk_grade":"low","tier":1,
                    "approvers_required":1}})";
}

TEST_CASE("workflow events: decoding is strict and the payload must match the kind") {
  SUBCASE("a well-formed event decodes and round-trips through the codec") {
    auto e = decode_event(k_credit_event);
    REQUIRE(e.has_value());
    CHECK(e->kind == EventKind::credit_decided);
    CHECK(e->credit_decided->limit == 20000);
    CHECK(onb::decode<Event>(onb::encode(*e)).has_value());
    CHECK(onb::encode(*onb::decode<Event>(onb::encode(*e))) == onb::encode(*e));
  }
  SUBCASE("unknown fields and wrong types are refused by the codec") {
    std::string text = k_credit_event;
    text.replace(text.find("\"limit\""), 7, "\"limmit\"");
    CHECK(decode_event(text).error().code == "json.unknown_field");
    CHECK(decode_event(R"({"enrollment_id":"e","sequence":-1})").error().code == "json.range");
  }
  SUBCASE("a kind without its payload, or with another kind's payload, is refused") {
    Event e = valid_event(EventKind::credit_decided, analyst());
    e.at = "2026-03-02T09:00:00Z";
    e.credit_decided.reset();
    CHECK(check_event_shape(e).error() == onb::Error{"event.payload_missing", "/credit_decided",
                                                     "a 'credit_decided' event needs its 'credit_decided' payload"});
    e = valid_event(EventKind::submitted, customer());
    e.at = "2026-03-02T09:00:00Z";
    e.comment = Comment{"hi"};
    CHECK(check_event_shape(e).error().code == "event.payload_unexpected");
    CHECK(check_event_shape(e).error().path == "/comment");
  }
  SUBCASE("kinds without data carry no payload member") {
    for (auto k :
         {EventKind::submitted, EventKind::activated, EventKind::rejected, EventKind::withdrawn, EventKind::reopened})
      CHECK_FALSE(has_payload(k));
    CHECK(has_payload(EventKind::approval_denied));
  }
  SUBCASE("time must be in the one canonical form, so that its bytes hash the same everywhere") {
    Event e = valid_event(EventKind::submitted, customer());
    for (const char* bad : {"2026-03-02T10:00:00+01:00", "2026-03-02T09:00:00.000Z", "2026-03-02T09:00:00z",
                            "2026-03-02T09:00:60Z", ""}) {
      e.at = bad;
      CHECK(check_event_shape(e).error().code == "event.time_format");
    }
    e.at = "2026-03-02T09:00:00Z";
    CHECK(check_event_shape(e).has_value());
  }
  SUBCASE("an actor has an id, and text is well-formed UTF-8") {
    Event e = valid_event(EventKind::comment, customer());
    e.at = "2026-03-02T09:00:00Z";
    e.actor.id = "";
    CHECK(check_event_shape(e).error().code == "event.actor_required");
    e.actor.id = "cust-1";
    e.comment->text = "caf\xC3";
    CHECK(check_event_shape(e).error() == onb::Error{"event.utf8", "/comment/text", "text is not well-formed UTF-8"});
  }
  SUBCASE("the JSON Schema is generated from the same description") {
    const auto schema = onb::json_schema<Event>("https://onboard.example/schemas/workflow-event.json", "Event");
    CHECK(schema["properties"]["kind"]["enum"].size() == 20);
    CHECK(schema["additionalProperties"] == false);
  }
}
