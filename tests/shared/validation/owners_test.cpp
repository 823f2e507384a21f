// Beneficial owners and directors: the ownership matrix, the 25 % KYC threshold, identity documents
// that must point to an attached document, and the entity-type rules.
#include "fixtures.hpp"

using namespace onb;
using model::EntityType;

TEST_CASE("ownership percentages") {
  auto app = test::golden("complete");
  SUBCASE("each in (0, 100]") {
    app.owners[1].ownership_percent = 0;
    CHECK(test::has(test::validate(app).problems, "/owners/1/ownership_percent owner.ownership_range"));
    app.owners[1].ownership_percent = 100.5;
    CHECK(test::has(test::validate(app).problems, "/owners/1/ownership_percent owner.ownership_range"));
  }
  SUBCASE("a sum of exactly 100 with decimals is fine despite binary rounding") {
    app.owners[0].ownership_percent = 33.34;
    app.owners[1].ownership_percent = 33.33;
    app.owners.push_back(app.owners[1]);
    CHECK_FALSE(test::has(test::validate(app).problems, "/owners owner.ownership_sum"));
  }
  SUBCASE("a sum above 100 is one problem on the list") {
    app.owners[1].ownership_percent = 40.01;
    const auto ps = test::validate(app).problems;
    REQUIRE(test::has(ps, "/owners owner.ownership_sum"));
    CHECK(std::count_if(ps.begin(), ps.end(), [](const auto& p) { return p.code == "owner.ownership_sum"; }) == 1);
  }
}

TEST_CASE("KYC data at the 25 % threshold") {
  auto app = test::golden("complete");
  auto& owner = app.owners[1];
  owner.date_of_birth.reset();
  owner.nationality.reset();
  owner.identity_document.reset();
  SUBCASE("at 25 % all three are required") {
    owner.ownership_percent = 25;
    const auto ps = test::validate(app).problems;
    CHECK(test::has(ps, "/owners/1/date_of_birth owner.date_of_birth_required"));
    CHECK(test::has(ps, "/owners/1/nationality owner.nationality_required"));
    CHECK(test::has(ps, "/owners/1/identity_document owner.identity_document_required"));
  }
  SUBCASE("below 25 % none is") {
    owner.ownership_percent = 24.99;
    const auto ps = test::validate(app).problems;
    CHECK(test::codes(ps) == std::vector<std::string>{});
  }
}

TEST_CASE("identity documents") {
  auto app = test::golden("complete");
  auto& id = *app.owners[0].identity_document;
  SUBCASE("must reference an attached document") {
    id.document_id = "nope";
    CHECK(
        test::has(test::validate(app).problems, "/owners/0/identity_document/document_id document.unknown_reference"));
  }
  SUBCASE("of the identity_document type") {
    id.document_id = "vat";
    CHECK(test::has(test::validate(app).problems, "/owners/0/identity_document/document_id document.wrong_type"));
  }
  SUBCASE("and not expired") {
    id.expiry_date = "2026-11-22";
    CHECK(test::has(test::validate(app).problems, "/owners/0/identity_document/expiry_date date.not_in_future"));
  }
  SUBCASE("date of birth in the past and plausible") {
    app.owners[0].date_of_birth = "2027-01-01";
    CHECK(test::has(test::validate(app).problems, "/owners/0/date_of_birth date.in_future"));
    app.owners[0].date_of_birth = "1850-01-01";
    CHECK(test::has(test::validate(app).problems, "/owners/0/date_of_birth date.implausible"));
  }
}

TEST_CASE("entity types") {
  auto app = test::golden("complete");
  SUBCASE("at least one director") {
    app.directors.clear();
    CHECK(test::has(test::validate(app).problems, "/directors director.required"));
  }
  SUBCASE("a sole trader has one owner at 100 %") {
    app.entity.entity_type = EntityType::sole_trader;
    CHECK(test::has(test::validate(app).problems, "/owners owner.sole_trader"));
  }
  SUBCASE("no owners: a warning for a company, nothing for a public body") {
    app.owners.clear();
    const auto ps = test::validate(app).problems;
    REQUIRE(test::has(ps, "/owners owner.none"));
    app.entity.entity_type = EntityType::public_body;
    CHECK_FALSE(test::has(test::validate(app).problems, "/owners owner.none"));
  }
}
