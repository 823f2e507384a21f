// The compiled-in reference data the rules use: postal-code patterns (Google's address metadata) and
// their matcher, calling codes and national lengths (libphonenumber metadata), currency minor units.
#include "shared/reference/currency_units.hpp"
#include "shared/reference/pattern.hpp"
#include "shared/reference/phone_plan.hpp"
#include "shared/reference/postal_codes.hpp"

#include "../support.hpp"

#include <algorithm>
#include <string>

using namespace onb::reference;

TEST_CASE("the pattern subset") {
  auto match = [](const char* pattern, const char* input) {
    const auto p = Pattern::compile(pattern);
    REQUIRE(p);
    return p->full_match(input);
  };
  CHECK(match("\\d{5}", "80687"));
  CHECK_FALSE(match("\\d{5}", "8068"));
  CHECK_FALSE(match("\\d{5}", "806870"));
  CHECK(match("(\\d{5})(?:[ \\-](\\d{4}))?", "95014-1234"));
  CHECK(match("[A-HJ-NP-Z]\\d?", "K"));
  CHECK_FALSE(match("[A-HJ-NP-Z]\\d?", "I"));
  CHECK(match("a|bc|d", "bc"));
  CHECK(match("(a|ab)c", "abc"));  // backtracks into the group
  CHECK(match("x+y*", "xxx"));
  SUBCASE("syntax outside the subset is refused, never guessed") {
    for (const char* bad : {"(ab", "[a-", "a{2", "a{3,1}", "*a", "\\", "a)"})
      CHECK_MESSAGE(!Pattern::compile(bad), bad);
  }
}

TEST_CASE("postal codes from Google's address metadata") {
  CHECK(all_postal_patterns_compile());
  CHECK(address_formats().size() > 200);
  CHECK(std::is_sorted(address_formats().begin(), address_formats().end(),
                       [](const auto& a, const auto& b) { return a.alpha_2 < b.alpha_2; }));
  SUBCASE("every country's own example matches its pattern") {
    for (const auto& f : address_formats()) {
      if (f.postal_code_example.empty()) continue;
      CAPTURE(f.alpha_2);
      CHECK(postal_code_matches(f.alpha_2, f.postal_code_example));
    }
  }
  SUBCASE("countries") {
    CHECK(postal_code_matches("GB", "sw1a 2aa"));  // matched upper-cased
    CHECK(postal_code_matches("GB", "HX7 8AB"));
    CHECK_FALSE(postal_code_matches("GB", "HX7 8A"));
    CHECK(postal_code_matches("CA", "K1A 0B1"));
    CHECK_FALSE(postal_code_matches("CA", "K1A 0B"));
    CHECK(postal_code_matches("NL", "1012 AB"));
    CHECK_FALSE(postal_code_matches("DE", "8068"));
    CHECK(postal_code_matches("AE", "anything"));  // no postal codes in the UAE
    CHECK_FALSE(postal_code_matches("DE", std::string(10'000, '1')));
  }
  SUBCASE("required fields") {
    CHECK(find_address_format("US")->requires_field('S'));
    CHECK_FALSE(find_address_format("DE")->requires_field('S'));
    CHECK(find_address_format("DE")->requires_field('Z'));
  }
}

TEST_CASE("calling codes") {
  CHECK(match_calling_code("4989123")->code == 49);
  CHECK(match_calling_code("14155550132")->code == 1);
  CHECK(match_calling_code("35312345")->code == 353);
  CHECK_FALSE(match_calling_code("999"));
  CHECK(find_phone_region("US")->calling_code == 1);
  CHECK(find_phone_region("CA")->calling_code == 1);
}

TEST_CASE("currency minor units") {
  CHECK(currency_minor_digits("EUR") == 2);
  CHECK(currency_minor_digits("JPY") == 0);
  CHECK(currency_minor_digits("KWD") == 3);
  CHECK(currency_minor_digits("CLF") == 4);
}
