// iban, bic and lei: one SUBCASE per rule.
#include "shared/ids/options.hpp"

#include "support_ids.hpp"

using namespace ids_test;
using onb::ids::Failure;

TEST_CASE("iban") {
  SUBCASE("valid numbers, compact and display forms") {
    CHECK(compact("iban", "GR16 0110 1050 0000 1054 7023 795") == "GR1601101050000010547023795");
    CHECK(format("iban", "GR1601101050000010547023795") == "GR16 0110 1050 0000 1054 7023 795");
    CHECK(failure("iban", "de89 3704 0044 0532 0130 00") == Failure::none);
  }
  SUBCASE("MOD 97-10 check digits") {
    CHECK(failure("iban", "GR15 0110 1050 0000 1054 7023 795") == Failure::checksum);
    CHECK(failure("iban", "GR16 0110 1050 0000 1054 7023 79!") == Failure::format);
    CHECK(failure("iban", "") == Failure::format);
  }
  SUBCASE("country must be in the registry, BBAN must have its structure") {
    CHECK(failure("iban", "XX431234") == Failure::component);
    CHECK(failure("iban", "0001") == Failure::component);
    CHECK(failure("iban", "DE75512108001245126199") == Failure::none);
    CHECK(failure("iban", "DE47370400440532013A00") == Failure::format);  // MOD 97 fine, but DE accounts are digits
    CHECK(failure("iban", "SE") == Failure::format);  // "SE" alone passes MOD 97-10 and has no account part
  }
  SUBCASE("registry release 101 countries") { CHECK(failure("iban", "SO21 1000 0010 0100 0100 141") == Failure::none); }
  SUBCASE("national account checks (BE, ES, ME, NO) and check_country=False") {
    CHECK(failure("iban", "BE41091811735141") == Failure::checksum);
    CHECK(failure("iban", "ES15 1234-1234-17 1234567890") == Failure::checksum);
    CHECK(failure("iban", "ES77 1234-1234-16 1234567890") == Failure::none);
    CHECK(failure("iban", "ME52510000000006234132") == Failure::checksum);
    CHECK(failure("iban", "NO23 8601 1117 946") == Failure::checksum);
    CHECK(onb::ids::validate_iban("ES15 1234-1234-17 1234567890", false).valid);
  }
}

TEST_CASE("bic") {
  SUBCASE("8 or 11 characters, upper-cased, spaces and dashes dropped") {
    CHECK(compact("bic", "ABNA BE 2A") == "ABNABE2A");
    CHECK(failure("bic", "AGRIFRPP882") == Failure::none);
    CHECK(failure("bic", "AGRIFRPP8") == Failure::length);
    CHECK(format("bic", "agriFRPP") == "AGRIFRPP");
  }
  SUBCASE("letters where letters belong, a real country (or XK)") {
    CHECK(failure("bic", "AGRIF2PP") == Failure::format);
    CHECK(failure("bic", "MULTIPLE") == Failure::component);
    CHECK(failure("bic", "RBKOXKPR") == Failure::none);
  }
}

TEST_CASE("lei") {
  CHECK(failure("lei", "213800KUD8LAJWSQ9D15") == Failure::none);
  CHECK(failure("lei", "2138 00KU D8LA JWSQ 9D15") == Failure::none);
  CHECK(failure("lei", "213800KUD8LXJWSQ9D15") == Failure::checksum);
  CHECK(failure("lei", "213800KUD8LAJWSQ9D1_") == Failure::format);
}
