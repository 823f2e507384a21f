// The company basics form: each rule, and that all problems come at once.
#include "shared/validation/company_basics.hpp"

#include "../support.hpp"

using onb::model::CompanyBasics;
using onb::validation::validate_company_basics;

namespace {
std::vector<std::string> codes(const onb::validation::Problems& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) out.push_back(p.path + " " + p.code);
  return out;
}
}  // namespace

TEST_CASE("company basics") {
  SUBCASE("a complete entry in any script is fine") {
    CHECK(validate_company_basics({"Société Générale", "FR", "FR 40 303 265 045"}).empty());
    CHECK(validate_company_basics({"Ελληνική Εταιρεία", "GR", "EL094259216"}).empty());
    CHECK(validate_company_basics({"ООО Ромашка", "RU", ""}).empty());
  }
  SUBCASE("an empty form reports every required field at once") {
    CHECK(codes(validate_company_basics({})) ==
          std::vector<std::string>{"/legal_name legal_name.required", "/country country.required"});
  }
  SUBCASE("unknown country") { CHECK(codes(validate_company_basics({"A", "XX", ""}))[0] == "/country country.unknown"); }
  SUBCASE("VAT prefix must match an EU country, Greece being EL") {
    CHECK(codes(validate_company_basics({"A", "DE", "FR40303265045"})) ==
          std::vector<std::string>{"/vat_number vat.country_mismatch"});
    CHECK(codes(validate_company_basics({"A", "GR", "GR094259216"})) ==
          std::vector<std::string>{"/vat_number vat.country_mismatch"});
  }
  SUBCASE("bad characters and lengths") {
    CHECK(codes(validate_company_basics({"A", "DE", "DE12_34"}))[0] == "/vat_number vat.format");
    CHECK(codes(validate_company_basics({"A", "DE", "DE123"}))[0] == "/vat_number vat.length");
  }
  SUBCASE("names: too long, control characters, invalid UTF-8") {
    CHECK(codes(validate_company_basics({std::string(201, 'a'), "DE", ""}))[0] == "/legal_name legal_name.length");
    CHECK(validate_company_basics({std::string(200, 'a'), "DE", ""}).empty());
    CHECK(codes(validate_company_basics({"A\tB", "DE", ""}))[0] == "/legal_name text.control_chars");
    CHECK(codes(validate_company_basics({"A\xC3", "DE", ""}))[0] == "/legal_name text.utf8");
  }
}
