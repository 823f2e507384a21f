// The canonical bytes the audit chain hashes. The pinned string below is the contract: if it changes,
// every stored hash chain breaks (see canonical.hpp).
#include "fixture.hpp"

using namespace wf_test;

namespace {
Event pinned_event() {
  Event e = approval(EventKind::approval_granted, approver("ap-1", 3), 1);
  e.enrollment_id = "e-1";
  e.sequence = 7;
  e.at = "2026-03-02T15:00:00Z";
  e.reason = "Within appetite \xE2\x80\x94 \"ok\"";  // an em dash and quotes
  return e;
}
}  // namespace

TEST_CASE("workflow canonical bytes") {
  SUBCASE("one pinned event: sorted keys at every level, no whitespace, raw UTF-8, absent optionals omitted") {
    CHECK(canonical_bytes(pinned_event()) ==
          R"({"actor":{"approval_tier":3,"id":"ap-1","role":"credit_approver"},"approval_granted":{"tier":1},)"
          R"("at":"2026-03-02T15:00:00Z","enrollment_id":"e-1","kind":"approval_granted",)"
          "\"reason\":\"Within appetite \xE2\x80\x94 \\\"ok\\\"\",\"sequence\":7}");
  }
  SUBCASE("the bytes do not depend on the order of the received JSON") {
    auto a = decode_event(R"({"sequence":7,"kind":"approval_granted","enrollment_id":"e-1","at":"2026-03-02T15:00:00Z",
      "reason":"Within appetite \u2014 \"ok\"","approval_granted":{"tier":1},
      "actor":{"role":"credit_approver","id":"ap-1","approval_tier":3}})");
    REQUIRE(a.has_value());
    CHECK(canonical_bytes(*a) == canonical_bytes(pinned_event()));
  }
  SUBCASE("decoding the canonical bytes and serialising again gives the same bytes") {
    auto again = decode_event(canonical_bytes(pinned_event()));
    REQUIRE(again.has_value());
    CHECK(canonical_bytes(*again) == canonical_bytes(pinned_event()));
  }
  SUBCASE("large integers keep one exact spelling; empty lists are written") {
    Event e = credit(9007199254740993, 3, 2);  // 2^53 + 1: a double would round it
    e.enrollment_id = "e-1";
    e.sequence = 18446744073709551615ULL;
    e.at = "2026-03-02T15:00:00Z";
    e.reason.reset();
    const std::string bytes = canonical_bytes(e);
    CHECK(bytes.find(R"("limit":9007199254740993)") != std::string::npos);
    CHECK(bytes.find(R"("sequence":18446744073709551615)") != std::string::npos);
    Event edit = valid_event(EventKind::edited, customer());
    edit.edited->paths.clear();
    CHECK(canonical_bytes(edit).find(R"("edited":{"paths":[]})") != std::string::npos);
  }
  SUBCASE("any change to an event changes its bytes") {
    Event e = pinned_event();
    e.actor.approval_tier = 2;
    CHECK(canonical_bytes(e) != canonical_bytes(pinned_event()));
  }
}
