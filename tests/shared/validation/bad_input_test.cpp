// Hostile and broken input: malformed JSON, wrong types, 10 MB strings, deep nesting, invalid UTF-8,
// extreme numbers. Each gives a decode error or problems, never a crash or an exception.
#include "fixtures.hpp"

using namespace onb;

namespace {
Json complete_json() { return *parse_json(test::read_file("tests/data/applications/complete.json")); }

validation::ValidationReport decode_and_validate(const Json& j) {
  const auto app = decode<model::Application>(j);
  REQUIRE(app);
  return test::validate(*app);
}
}  // namespace

TEST_CASE("malformed JSON and wrong types are decode errors with a path") {
  SUBCASE("syntax") {
    for (const char* text : {"", "{", "{\"format_version\": 1,}", "[1, 2", "nul", "{\"a\" 1}"}) {
      const auto r = decode_text<model::Application>(text);
      REQUIRE_FALSE(r);
      CHECK(r.error().code == "json.syntax");
    }
  }
  SUBCASE("types and unknown fields") {
    Json j = complete_json();
    j["owners"][0]["ownership_percent"] = "60";
    CHECK(decode<model::Application>(j).error().path == "/owners/0/ownership_percent");
    j = complete_json();
    j["documents"][0]["size_bytes"] = -1;
    CHECK(decode<model::Application>(j).error().code == "json.range");
    j = complete_json();
    j["entity"]["legal_nmae"] = "typo";
    CHECK(decode<model::Application>(j).error().code == "json.unknown_field");
    j = complete_json();
    j["entity"]["entity_type"] = "llc";
    CHECK(decode<model::Application>(j).error().code == "json.enum");
  }
  SUBCASE("deep nesting") {
    const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
    const auto r = decode_text<model::Application>(deep);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "json.too_deep");
  }
  SUBCASE("invalid UTF-8 in the text is a syntax error") {
    Json j = complete_json();
    std::string text = j.dump();
    text.replace(text.find("Alpenblick"), 1, "\xC3\x28");
    CHECK(decode_text<model::Application>(text).error().code == "json.syntax");
  }
}

TEST_CASE("decodable but hostile values are problems") {
  Json j = complete_json();
  SUBCASE("10 MB strings everywhere a string goes") {
    const std::string huge(10 << 20, 'A');
    j["entity"]["legal_name"] = huge;
    j["addresses"]["registered"]["postal_code"] = huge;
    j["contacts"][0]["phone"] = huge;
    j["contacts"][0]["email"] = huge + "@x.de";
    j["tax_registrations"][0]["number"] = huge;
    j["bank_accounts"][0]["iban"] = huge;
    j["financial_statements"][0]["revenue"] = huge;
    j["documents"][0]["sha256"] = huge;
    const auto r = decode_and_validate(j);
    CHECK(test::has(r.problems, "/entity/legal_name text.length"));
    CHECK(test::has(r.problems, "/addresses/registered/postal_code text.length"));
    CHECK(test::has(r.problems, "/contacts/0/phone phone.format"));
    CHECK(test::has(r.problems, "/contacts/0/email email.format"));
    CHECK(test::has(r.problems, "/bank_accounts/0/iban iban.length"));
    CHECK(test::has(r.problems, "/financial_statements/0/revenue amount.format"));
    CHECK(test::has(r.problems, "/documents/0/sha256 document.sha256"));
  }
  SUBCASE("invalid UTF-8 inside a decoded string (escaped surrogates)") {
    j["entity"]["legal_name"] = std::string("Alpen\xED\xA0\x80");
    CHECK(test::has(decode_and_validate(j).problems, "/entity/legal_name text.utf8"));
  }
  SUBCASE("extreme numbers") {
    j["owners"][0]["ownership_percent"] = 1e308;
    j["owners"][1]["ownership_percent"] = -1e308;
    j["entity"]["employee_count"] = 2147483647;
    j["international_trade"]["letter_of_credit"] = {{"issuing_bank_name", "X"},
                                                    {"issuing_bank_bic", "DEUTDEFF"},
                                                    {"type", "standby"},
                                                    {"tenor_days", -2147483648LL},
                                                    {"rules", "ISP98"}};
    const auto r = decode_and_validate(j);
    CHECK(test::has(r.problems, "/owners/0/ownership_percent owner.ownership_range"));
    CHECK(test::has(r.problems, "/owners/1/ownership_percent owner.ownership_range"));
    CHECK(test::has(r.problems, "/entity/employee_count entity.employee_count"));
    CHECK(test::has(r.problems, "/international_trade/letter_of_credit/tenor_days lc.tenor_range"));
  }
  SUBCASE("an empty application reports what is missing, at once") {
    const auto app = decode<model::Application>(Json::parse(
        R"({"format_version":1,"entity":{"legal_name":"","entity_type":"company","legal_form":"","registration_number":"",
            "register_name":"","incorporation_date":"","incorporation_country":""},
            "addresses":{"registered":{"city":"","postal_code":"","country":""}}})"));
    REQUIRE(app);
    const auto r = test::validate(*app);
    CHECK(r.problems.size() >= 8);
    CHECK(test::has(r.problems, "/entity/legal_name field.required"));
    CHECK(test::has(r.problems, "/contacts contact.required"));
    CHECK(test::has(r.problems, "/consents consent.required"));
    CHECK(r.completeness == 0);
  }
}
