// Normalisation helpers: python-stdnum's clean/strip/slicing semantics.
#include "shared/ids/text.hpp"
#include "shared/ids/checksum.hpp"

#include "../support.hpp"

using namespace onb::ids::detail;

TEST_CASE("clean maps Unicode look-alikes to ASCII before removing separators") {
  SUBCASE("dashes, spaces and dots") {
    CHECK(clean("1\xE2\x80\x93"
                "2\xE2\x80\x94"
                "3",
                "") == "1-2-3");  // en and em dash
    CHECK(clean("12\xC2\xA0"
                "34\xE3\x80\x80"
                "5",
                " ") == "12345");  // no-break and ideographic space
    CHECK(clean("1\xE3\x83\xBB"
                "2",
                ".") == "12");  // katakana middle dot
  }
  SUBCASE("full-width and mathematical digits are digits") {
    CHECK(clean("\xEF\xBC\x91\xEF\xBC\x92", "") == "12");
    CHECK(clean("\xF0\x9D\x9F\x8E", "") == "0");
  }
  SUBCASE("other non-ASCII text and broken UTF-8 stay as they are") {
    CHECK(clean("\xC3\xA9", "") == "\xC3\xA9");
    CHECK(clean("\xE2\x80", "") == "\xE2\x80");
  }
}

TEST_CASE("upper, strip, slices and zfill behave like Python's str") {
  std::string s = "ab\xC3\xB1z";
  upper(s);
  CHECK(s == "AB\xC3\x91Z");
  std::string t =
      " \t\x1f"
      "AB \xE2\x80\xA8";
  strip(t);
  CHECK(t == "AB");
  CHECK(py_slice("abcdef", 1, -1) == "bcde");
  CHECK(py_slice("abc", -5, 99) == "abc");
  CHECK(py_slice("abc", 2, 1).empty());
  CHECK(zfill("12", 5) == "00012");
  CHECK(zfill("+12", 5) == "+0012");
  CHECK(zfill("123456", 3) == "123456");
}

TEST_CASE("compact_with and layout, the two helpers most schemes are written with") {
  SUBCASE("compact_with cleans, upper-cases and drops the country prefix once") {
    CHECK(compact_with(" dk 13 58-56 27 ", " -", "DK") == "13585627");
    CHECK(compact_with("DKDK12", "", "DK") == "DK12");
    CHECK(compact_with("12DK", "", "DK") == "12DK");
  }
  SUBCASE("layout writes fixed groups and the rest, and no separator before nothing") {
    CHECK(layout("1234567890", {3, 3, 2}, "---") == "123-456-78-90");
    CHECK(layout("123456789", {3, 4, 2}, "   ") == "123 4567 89");
    CHECK(layout("123456789000", {3, 4, 2}, "   ") == "123 4567 89 000");
    CHECK(layout("1234", {3, 3}, "  ") == "123 4");
    CHECK(layout("", {2}, "-").empty());
  }
}

TEST_CASE("check-digit algorithms") {
  SUBCASE("Luhn") {
    CHECK(luhn_checksum("7894") == 6);
    CHECK(luhn_checksum("78949") == 0);
    CHECK(luhn_check_digit("7894") == '9');
    CHECK(luhn_checksum("1234", "0123456789abcdef") == 14);
    CHECK(luhn_checksum("12a4") == -1);
  }
  SUBCASE("ISO 7064 MOD 11,10") {
    CHECK(mod_11_10_checksum("794623") == 1);
    CHECK(mod_11_10_checksum("002006673085") == 1);
    CHECK(mod_11_10_checksum("794624") != 1);
  }
  SUBCASE("ISO 7064 MOD 97-10 with letters") {
    CHECK(mod_97_10_checksum("9999123456789012141490") == 1);
    CHECK(mod_97_10_checksum("213800KUD8LAJWSQ9D15") == 1);
    CHECK(mod_97_10_checksum("12-3") == -1);
  }
  SUBCASE("calendar days") {
    CHECK(is_valid_date(2000, 2, 29));
    CHECK(!is_valid_date(1900, 2, 29));
    CHECK(!is_valid_date(2020, 13, 1));
    CHECK(!is_valid_date(0, 1, 1));
  }
}
