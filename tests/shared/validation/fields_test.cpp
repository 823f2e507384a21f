// The field checks every part shares: phone numbers (E.164 and national lengths), e-mail, URLs,
// dates, amounts and text limits, each through the Checker as the rules call it.
#include "shared/validation/field_rules.hpp"

#include "fixtures.hpp"

using namespace onb;
using namespace onb::validation;

namespace {
std::vector<std::string> run(auto check) {
  Problems out;
  Checker c{out, test::today};
  check(c);
  return test::codes(out);
}
using Codes = std::vector<std::string>;
}  // namespace

TEST_CASE("phone numbers") {
  auto phone = [](std::string_view v) { return run([&](Checker& c) { c.phone("/x", "phone", v); }); };
  SUBCASE("valid numbers with and without formatting") {
    CHECK(phone("+49 89 4520 1130") == Codes{});
    CHECK(phone("+1 (415) 555-0132") == Codes{});
    CHECK(phone("+44 20 7946 0958") == Codes{});
    CHECK(phone("+41.44.668.18.00") == Codes{});
    CHECK(phone("+81 3-1234-5678") == Codes{});
  }
  SUBCASE("not international") {
    CHECK(phone("089 4520 1130") == Codes{"/x/phone phone.format"});
    CHECK(phone("+49 89 ext 12") == Codes{"/x/phone phone.format"});
  }
  SUBCASE("unknown calling code") { CHECK(phone("+999 1234567") == Codes{"/x/phone phone.country_code"}); }
  SUBCASE("national lengths per calling code") {
    CHECK(phone("+1 415 555 013") == Codes{"/x/phone phone.length"});           // NANP: 10 digits
    CHECK(phone("+44 20 7946 09581") == Codes{"/x/phone phone.length"});        // GB: at most 10
    CHECK(phone("+49 1234 5678 9012 3456") == Codes{"/x/phone phone.length"});  // over 15 digits
  }
  SUBCASE("required unless optional") {
    CHECK(phone("") == Codes{"/x/phone field.required"});
    CHECK(run([](Checker& c) { c.phone("/x", "phone", "", false); }) == Codes{});
  }
}

TEST_CASE("e-mail addresses and URLs") {
  auto email = [](std::string_view v) { return run([&](Checker& c) { c.email("/x", "email", v); }); };
  auto url = [](std::string_view v) { return run([&](Checker& c) { c.url("/x", "website", v); }); };
  CHECK(email("k.wimmer+orders@alpenblick.example.de") == Codes{});
  CHECK(email("info@bücher.example") == Codes{});
  for (const char* bad : {"no-at.example.com", "a@b", "a..b@example.com", ".a@example.com", "a@-x.example.com",
                          "a@example.123", "a b@example.com"})
    CHECK_MESSAGE(email(bad) == Codes{"/x/email email.format"}, bad);
  CHECK(url("https://www.example.de/impressum?x=1") == Codes{});
  CHECK(url("http://example.com:8080") == Codes{});
  for (const char* bad : {"www.example.de", "ftp://example.de", "https://", "https://exa mple.de", "https://localhost"})
    CHECK_MESSAGE(url(bad) == Codes{"/x/website url.format"}, bad);
}

TEST_CASE("dates against today") {
  auto date = [](std::string_view v, Checker::When w) { return run([&](Checker& c) { c.date("/x", "d", v, w); }); };
  CHECK(date("2026-11-22", Checker::When::not_future) == Codes{});
  CHECK(date("2026-11-23", Checker::When::not_future) == Codes{"/x/d date.in_future"});
  CHECK(date("2026-11-22", Checker::When::future) == Codes{"/x/d date.not_in_future"});
  CHECK(date("2026-02-29", Checker::When::any) == Codes{"/x/d date.format"});
  CHECK(date("22.11.2026", Checker::When::any) == Codes{"/x/d date.format"});
}

TEST_CASE("amounts") {
  SUBCASE("parsing is exact and strict") {
    CHECK(parse_amount("1250000.50")->scaled == 12'500'005'000);
    CHECK(parse_amount("-0.0001")->scaled == -1);
    CHECK(parse_amount("900000000000000")->scaled == 9'000'000'000'000'000'000);
    for (const char* bad : {"", "-", "1.", ".5", "1e6", "+1", "1 000", "1,000.00", "1.23456", "900000000000001",
                            "1000000000000000", "99999999999999999999"})
      CHECK_FALSE_MESSAGE(parse_amount(bad), bad);
  }
  SUBCASE("decimals follow the currency's minor unit") {
    auto money = [](const char* a, const char* cur) {
      return run([&](Checker& c) { c.money("/x", "m", {a, cur}, false); });
    };
    CHECK(money("1000.25", "EUR") == Codes{});
    CHECK(money("1000.5", "JPY") == Codes{"/x/m/amount amount.decimals"});
    CHECK(money("1000.125", "KWD") == Codes{});
    CHECK(money("-1", "EUR") == Codes{"/x/m/amount amount.negative"});
    CHECK(money("1", "EURO") == Codes{"/x/m/currency currency.unknown"});
  }
}

TEST_CASE("text limits") {
  auto text = [](std::string_view v) { return run([&](Checker& c) { c.text("/x", "t", v, 5, true); }); };
  CHECK(text("Ärger") == Codes{});  // 5 code points, 6 bytes
  CHECK(text("Ärgers") == Codes{"/x/t text.length"});
  CHECK(text("  ") == Codes{"/x/t field.required"});
  CHECK(text("a\xff") == Codes{"/x/t text.utf8"});
  CHECK(text("a\nb") == Codes{"/x/t text.control_chars"});
}
