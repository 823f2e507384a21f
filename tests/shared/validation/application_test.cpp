// The whole validator over the golden applications: a complete one and a minimal one pass, each
// invalid one reports exactly its problems, all at once, with paths, codes and severities.
#include "fixtures.hpp"

using namespace onb;
using onb::validation::Severity;

namespace {
using Codes = std::vector<std::string>;
}

TEST_CASE("a complete realistic application is valid and complete") {
  const auto report = test::validate(test::golden("complete"));
  CHECK(test::codes(report.problems) == Codes{});
  CHECK(report.completeness == 100);
  CHECK(report.missing.empty());
}

TEST_CASE("a minimal sole-trader application is valid") {
  const auto report = test::validate(test::golden("minimal"));
  CHECK(test::codes(report.problems) == Codes{});
  CHECK(report.completeness == 100);
}

TEST_CASE("ownership rules report every problem at once") {
  const auto report = test::validate(test::golden("invalid-ownership"));
  CHECK(test::codes(report.problems) == Codes{
                                            "/owners/2/date_of_birth owner.date_of_birth_required",
                                            "/owners/2/nationality owner.nationality_required",
                                            "/owners/2/identity_document owner.identity_document_required",
                                            "/owners owner.ownership_sum",
                                            "/directors director.required",
                                            "/owners/2/identity_document document.missing",
                                        });
  CHECK(report.problems[3].params.at("sum") == "145.50");
  CHECK(report.completeness == 80);  // 4 of 5: incorporation, VAT, two of three owners' documents
  REQUIRE(report.missing.size() == 1);
  CHECK(report.missing[0].requirement_id == "owner_identity_document");
}

TEST_CASE("identifiers, contact details and addresses") {
  const auto report = test::validate(test::golden("invalid-identifiers"));
  CHECK(test::codes(report.problems) == Codes{
                                            "/entity/lei lei.checksum",
                                            "/entity/website url.format",
                                            "/addresses/registered/postal_code address.postal_code_format",
                                            "/contacts/0/email email.format",
                                            "/contacts/1/phone phone.format",
                                            "/tax_registrations/1/number vat.checksum",
                                            "/tax_registrations/2/number tax_id.unknown_scheme",
                                            "/tax_registrations/0/number vat.country_mismatch",
                                            "/bank_accounts/0/iban iban.checksum",
                                            "/bank_accounts/1/local/bank_code bank.bank_code",
                                            "/bank_accounts/1/country bank.country_mismatch",
                                            "/bank_accounts/1/currency bank.currency_mismatch",
                                        });
  SUBCASE("messages in both languages, with the values they mention") {
    const auto& mismatch = report.problems[7];
    CHECK(mismatch.message == "The VAT number starts with FR but the company is registered in DE (expected DE).");
    CHECK(validation::message_in(mismatch, validation::Language::de) ==
          "Die USt-IdNr. beginnt mit FR, das Unternehmen ist aber in DE registriert (erwartet: DE).");
    CHECK(report.problems[2].params.at("example") == "26133");
  }
}

TEST_CASE("financial statements and credit") {
  const auto report = test::validate(test::golden("invalid-financials"));
  CHECK(test::codes(report.problems) == Codes{
                                            "/international_trade/letter_of_credit lc.required",
                                            "/financial_statements/0/revenue amount.format",
                                            "/financial_statements/0/total_assets statement.balance",
                                            "/financial_statements/1/fiscal_year_end statement.duplicate_year",
                                            "/financial_statements statement.outdated",
                                            "/documents/3/expiry_date document.expired",
                                            "/consents consent.required",
                                            "/owners/0/identity_document document.missing",
                                            "/documents document.missing",
                                        });
  SUBCASE("warnings inform, errors block") {
    CHECK(report.problems[4].severity == Severity::warning);
    CHECK(report.problems[2].severity == Severity::error);
    CHECK_FALSE(validation::is_valid(report));
  }
  SUBCASE("missing documents are listed with the policy's ids") {
    std::vector<std::string> ids;
    for (const auto& m : report.missing) ids.push_back(m.requirement_id);
    // The 12 M credit is above the audit threshold, but audited statements are attached.
    CHECK(ids == std::vector<std::string>{"owner_identity_document", "letter_of_credit"});
  }
}
