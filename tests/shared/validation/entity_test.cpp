// The legal entity and its addresses: required fields by entity type and country, register-number
// formats, incorporation in the past, per-country address fields, VAT prefix against the registered
// country.
#include "fixtures.hpp"

using namespace onb;
using model::EntityType;
using Codes = std::vector<std::string>;

TEST_CASE("required fields by entity type and country") {
  auto app = test::golden("complete");
  app.entity.registration_number.clear();
  app.entity.register_name.clear();
  app.entity.legal_form.clear();
  SUBCASE("a German company needs its register entry and legal form") {
    CHECK(test::codes(test::validate(app).problems) == Codes{"/entity/legal_form field.required",
                                                             "/entity/registration_number field.required",
                                                             "/entity/register_name field.required"});
  }
  SUBCASE("a sole trader does not") {
    app.entity.entity_type = EntityType::sole_trader;
    const auto ps = test::validate(app).problems;
    CHECK_FALSE(test::has(ps, "/entity/registration_number field.required"));
    CHECK_FALSE(test::has(ps, "/entity/legal_form field.required"));
  }
  SUBCASE("a US company has no national register number") {
    app.entity.incorporation_country = "US";
    app.entity.legal_form = "LLC";
    CHECK_FALSE(test::has(test::validate(app).problems, "/entity/registration_number field.required"));
  }
}

TEST_CASE("register numbers and dates") {
  auto app = test::golden("complete");
  SUBCASE("national formats") {
    app.entity.registration_number = "HRX 12";
    CHECK(test::has(test::validate(app).problems, "/entity/registration_number registration_number.format"));
    app.entity.registration_number = "hrb 214365";  // case does not matter
    CHECK_FALSE(test::has(test::validate(app).problems, "/entity/registration_number registration_number.format"));
  }
  SUBCASE("incorporation in the past") {
    app.entity.incorporation_date = "2026-11-23";
    CHECK(test::has(test::validate(app).problems, "/entity/incorporation_date date.in_future"));
    app.entity.incorporation_date = "1500-01-01";
    CHECK(test::has(test::validate(app).problems, "/entity/incorporation_date date.implausible"));
  }
  SUBCASE("seat abroad is a warning") {
    app.entity.incorporation_country = "AT";
    app.entity.registration_number = "FN 123456 a";
    const auto ps = test::validate(app).problems;
    CHECK(test::codes(ps) == Codes{"/entity/incorporation_country entity.foreign_seat"});
  }
  SUBCASE("industry codes per scheme") {
    app.entity.industry = model::IndustryCode{model::IndustryScheme::naics_2022, "28.41"};
    CHECK(test::has(test::validate(app).problems, "/entity/industry/code industry.format"));
  }
}

TEST_CASE("addresses follow the country's format") {
  auto app = test::golden("complete");
  auto& a = app.addresses.registered;
  SUBCASE("a US address needs a state") {
    a = {{"1 Infinite Loop"}, std::nullopt, "Cupertino", std::nullopt, "95014", std::nullopt, "US"};
    CHECK(test::has(test::validate(app).problems, "/addresses/registered/region field.required"));
  }
  SUBCASE("postal codes, street lines, unknown country") {
    a.postal_code = "";
    a.street_lines = {"1", "2", "3", "4"};
    auto ps = test::validate(app).problems;
    CHECK(test::has(ps, "/addresses/registered/postal_code field.required"));
    CHECK(test::has(ps, "/addresses/registered/street_lines address.street_lines"));
    a.country = "XX";
    CHECK(test::has(test::validate(app).problems, "/addresses/registered/country country.unknown"));
  }
  SUBCASE("an optional address is checked when given") {
    app.addresses.shipping->postal_code = "ABC";
    CHECK(test::has(test::validate(app).problems, "/addresses/shipping/postal_code address.postal_code_format"));
  }
}

TEST_CASE("VAT registrations against the registered country") {
  auto app = test::golden("complete");
  SUBCASE("a foreign VAT number besides the home one is fine") {
    app.tax_registrations.push_back({"eu.vat", "FR40303265045"});
    CHECK(test::codes(test::validate(app).problems) == Codes{});
  }
  SUBCASE("only a foreign one: the prefix does not match") {
    app.tax_registrations = {{"eu.vat", "FR40303265045"}};
    CHECK(test::has(test::validate(app).problems, "/tax_registrations/0/number vat.country_mismatch"));
  }
  SUBCASE("none at all: a warning") {
    app.tax_registrations.clear();
    CHECK(test::codes(test::validate(app).problems) == Codes{"/tax_registrations vat.missing"});
  }
  SUBCASE("listed twice") {
    app.tax_registrations.push_back({"eu.vat", "DE 136 695 976"});
    CHECK(test::has(test::validate(app).problems, "/tax_registrations/1 tax_id.duplicate"));
  }
}
