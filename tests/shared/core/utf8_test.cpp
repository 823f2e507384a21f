// UTF-8: which bytes are well-formed (RFC 3629, Unicode table 3-7), what counts as a control
// character, and how ill-formed text is repaired for output. The repair is checked against
// nlohmann::json's error_handler_t::replace, an independent decoder, on random bytes.
#include "shared/core/utf8.hpp"

#include "../support.hpp"

#include <nlohmann/json.hpp>

#include <random>

namespace utf8 = onb::core::utf8;
using namespace std::string_view_literals;

static_assert(utf8::decode("\xE2\x82\xAC", 0).code_point == 0x20AC, "decode is usable at compile time");

TEST_CASE("well-formed UTF-8") {
  SUBCASE("one to four bytes, up to U+10FFFF") {
    CHECK(utf8::valid(""));
    CHECK(utf8::valid("ascii only"));
    CHECK(utf8::valid("Gr\xC3\xBC\xC3\x9F" "e \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
    CHECK(utf8::length("Gr\xC3\xBC\xC3\x9F" "e") == 5);
    CHECK(utf8::length("\xF0\x9F\x98\x80") == 1);
    CHECK(utf8::decode("\xF4\x8F\xBF\xBF", 0).code_point == 0x10FFFF);
  }
  SUBCASE("ill-formed: stray, cut off, overlong, surrogate, past U+10FFFF, bytes never used") {
    for (std::string_view bad : {"\x80"sv, "a\xBF"sv, "\xC3"sv, "\xE2\x82"sv, "\xF0\x9F\x98"sv, "\xC0\x80"sv,
                                 "\xC1\xBF"sv, "\xE0\x80\xAF"sv, "\xF0\x80\x80\xAF"sv, "\xED\xA0\x80"sv,
                                 "\xED\xBF\xBF"sv, "\xF4\x90\x80\x80"sv, "\xF5\x80\x80\x80"sv, "\xFF"sv,
                                 "\xC3\x28"sv}) {
      CAPTURE(bad);
      CHECK_FALSE(utf8::valid(bad));
      CHECK_FALSE(utf8::length(bad));
    }
  }
  SUBCASE("an ill-formed part never swallows the byte that starts the next character") {
    const auto q = utf8::decode("\xE2\x82" "A", 0);
    CHECK_FALSE(q.valid);
    CHECK(q.length == 2);
    CHECK(utf8::decode("\xED\xA0\x80", 0).length == 1);  // ED A0 cannot begin any character
  }
}

TEST_CASE("control characters are C0, DEL and C1") {
  CHECK(utf8::has_control("tab\there"));
  CHECK(utf8::has_control("line\nbreak"));
  CHECK(utf8::has_control("del\x7F"));
  CHECK(utf8::has_control("next line \xC2\x85"));     // U+0085, a C1 control
  CHECK(utf8::has_control("csi \xC2\x9B" "31m"));     // U+009B: starts a terminal escape
  CHECK_FALSE(utf8::has_control("no-break\xC2\xA0space"));  // U+00A0 is not a control
  CHECK_FALSE(utf8::has_control("M\xC3\xBCller & Co."));
  CHECK_FALSE(utf8::has_control("\x85\x9B"));  // bare continuation bytes are ill-formed, not C1 controls
}

TEST_CASE("sanitize replaces each ill-formed part by U+FFFD") {
  SUBCASE("well-formed text comes back unchanged") {
    CHECK(utf8::sanitize("") == "");
    CHECK(utf8::sanitize("K\xC3\xB6ln \xF0\x9F\x98\x80") == "K\xC3\xB6ln \xF0\x9F\x98\x80");
  }
  SUBCASE("one U+FFFD per maximal subpart") {
    CHECK(utf8::sanitize("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(utf8::sanitize("\xE2\x82" "A") == "\xEF\xBF\xBD" "A");        // cut off: one replacement
    CHECK(utf8::sanitize("\xF0\x9F\x98") == "\xEF\xBF\xBD");            // cut off at the end
    CHECK(utf8::sanitize("\xC0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");    // overlong: two bytes never valid
    CHECK(utf8::sanitize("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  }
  SUBCASE("the result is always well-formed and agrees with nlohmann's replace handler") {
    std::mt19937 rng(15);
    // Bytes biased toward the interesting ones: lead bytes, continuation bytes, ASCII.
    constexpr unsigned char pool[] = {'a', '"', 0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0,
                                      0xE1, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x8F, 0x90, 0xC3, 0xE2, 0xF1};
    for (int round = 0; round < 3000; ++round) {
      std::string s(rng() % 12, '\0');
      for (char& c : s)
        c = static_cast<char>(rng() % 3 == 0 ? rng() % 256 : pool[rng() % sizeof pool]);
      const std::string fixed = utf8::sanitize(s);
      CAPTURE(round);
      REQUIRE(utf8::valid(fixed));
      CHECK(nlohmann::json(fixed).dump() == nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
  }
}
