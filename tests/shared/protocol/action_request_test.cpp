// One event body on the wire: an Event is its envelope and body in one flat object, an ActionRequest
// is the version and the body a client may propose. The bodies are described once (events.hpp); these
// pin what the wire looks like so that the composition cannot move a byte.
#include "shared/core/json_codec.hpp"
#include "shared/core/json_schema.hpp"
#include "shared/protocol/api.hpp"

#include <boost/mp11.hpp>

#include "../support.hpp"

#include <set>
#include <string>

using onb::protocol::ActionRequest;
using onb::workflow::Event;
using onb::workflow::EventKind;

namespace {

std::set<std::string> property_names(const onb::Json& schema) {
  std::set<std::string> out;
  for (const auto& [name, value] : schema["properties"].items()) out.insert(name);
  return out;
}

const std::set<std::string> k_action_payloads = {
    "assigned",         "info_requested",  "info_provided",   "document_decided",    "compliance_cleared",
    "compliance_failed", "credit_decided", "approval_granted", "approval_denied",    "master_data_created",
    "billing_configured", "escalated",     "comment"};

}  // namespace

TEST_CASE("an ActionRequest: base_version, kind, reason and one payload per action kind") {
  const auto schema = onb::json_schema<ActionRequest>("x", "ActionRequest");
  auto expected = k_action_payloads;
  expected.insert({"base_version", "kind", "reason"});
  CHECK(property_names(schema) == expected);
  CHECK(schema["required"] == onb::Json::array({"kind"}));
  CHECK(schema["additionalProperties"] == false);
}

TEST_CASE("an ActionRequest refuses what only the server says, as unknown fields") {
  for (const char* member : {"created", "edited", "actor", "at", "sequence", "enrollment_id"}) {
    CAPTURE(member);
    const std::string text = std::string(R"({"kind":"comment","base_version":1,")") + member + R"(":{}})";
    auto r = onb::decode_text<ActionRequest>(text);
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "json.unknown_field");
    CHECK(r.error().path == std::string("/") + member);
    CHECK(r.error().message == std::string("unknown field '") + member + "'");
  }
}

TEST_CASE("an ActionRequest's members are read in the order they always were: the version first") {
  auto r = onb::decode_text<ActionRequest>(R"({"kind":1,"base_version":"1"})");
  REQUIRE_FALSE(r.has_value());
  CHECK(r.error().path == "/base_version");
}

TEST_CASE("an Event is its envelope and body in one flat object") {
  const auto schema = onb::json_schema<Event>("x", "Event");
  auto expected = k_action_payloads;
  expected.insert({"enrollment_id", "sequence", "at", "actor", "kind", "reason", "created", "edited"});
  CHECK(property_names(schema) == expected);
  CHECK(schema["required"] == onb::Json::array({"enrollment_id", "sequence", "at", "actor", "kind"}));

  ActionRequest request;
  request.base_version = 3;
  request.kind = EventKind::comment;
  request.comment = onb::workflow::Comment{"hello", onb::workflow::Visibility::customer};
  Event e;
  static_cast<onb::workflow::ActionBody&>(e) = request;
  e.enrollment_id = "e-1";
  e.sequence = 4;
  e.at = "2026-03-02T09:00:00Z";
  e.actor = {"u-1", onb::workflow::Role::customer};
  CHECK(onb::encode_text(e) ==
        R"({"actor":{"id":"u-1","role":"customer"},"at":"2026-03-02T09:00:00Z",)"
        R"("comment":{"text":"hello","visibility":"customer"},"enrollment_id":"e-1","kind":"comment","sequence":4})");
  CHECK(onb::encode_text(request) ==
        R"({"base_version":3,"comment":{"text":"hello","visibility":"customer"},"kind":"comment"})");
}

TEST_CASE("only created and edited are not actions") {
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<EventKind>>([](auto d) {
    CAPTURE(d.name);
    CHECK(onb::workflow::is_action(d.value) == (d.value != EventKind::created && d.value != EventKind::edited));
  });
}
