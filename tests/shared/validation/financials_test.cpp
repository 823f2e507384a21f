// Financial statements and the requested credit: the balance-sheet tolerance, statement age, credit
// against revenue, letter-of-credit terms and the bank-account rules that depend on the credit.
#include "fixtures.hpp"

using namespace onb;

TEST_CASE("balance sheet consistency") {
  auto app = test::golden("complete");
  auto& s = app.financial_statements[0];  // 12,500,000 = 7,300,000 + 5,200,000
  SUBCASE("within 0.5 % of total assets is rounding") {
    s.equity = "5260000.00";
    CHECK_FALSE(test::has(test::validate(app).problems, "/financial_statements/0/total_assets statement.balance"));
  }
  SUBCASE("beyond it is an error") {
    s.equity = "5270000.00";
    CHECK(test::has(test::validate(app).problems, "/financial_statements/0/total_assets statement.balance"));
  }
  SUBCASE("negative equity balances too") {
    s.total_liabilities = "13000000.00";
    s.equity = "-500000.00";
    CHECK(test::codes(test::validate(app).problems) == std::vector<std::string>{});
  }
  SUBCASE("amounts at the limit do not overflow") {
    s.total_assets = "900000000000000";
    s.total_liabilities = "0";
    s.equity = "-900000000000000";
    CHECK(test::has(test::validate(app).problems, "/financial_statements/0/total_assets statement.balance"));
  }
  SUBCASE("parts cannot exceed totals") {
    s.current_assets = "13000000.00";
    CHECK(test::has(test::validate(app).problems, "/financial_statements/0/current_assets statement.current_assets"));
  }
}

TEST_CASE("statement age and credit against revenue") {
  auto app = test::golden("complete");
  SUBCASE("older than 18 months is a warning") {
    app.financial_statements.erase(app.financial_statements.begin());  // leaves 2024-12-31
    CHECK(test::codes(test::validate(app).problems) ==
          std::vector<std::string>{"/financial_statements statement.outdated"});
    CHECK(test::validate(app).problems[0].severity == validation::Severity::warning);
  }
  SUBCASE("credit above half the latest revenue is a warning") {
    app.requested_credit->limit.amount = "9200000.01";
    const auto ps = test::validate(app).problems;
    REQUIRE(test::has(ps, "/requested_credit/limit/amount credit.exceeds_revenue"));
    CHECK(validation::is_valid(test::validate(app)));  // warnings do not block
  }
  SUBCASE("in another currency it is not compared (no FX offline)") {
    app.requested_credit->limit = {"9200000.01", "CHF"};
    CHECK_FALSE(test::has(test::validate(app).problems, "/requested_credit/limit/amount credit.exceeds_revenue"));
  }
  SUBCASE("credit terms need statements and a bank account") {
    app.financial_statements.clear();
    app.bank_accounts.clear();
    const auto ps = test::validate(app).problems;
    CHECK(test::has(ps, "/financial_statements statement.missing"));
    CHECK(test::has(ps, "/bank_accounts bank.required"));
  }
}

TEST_CASE("letter of credit and local bank accounts") {
  auto app = test::golden("complete");
  SUBCASE("letter-of-credit terms need the details, the document and a valid BIC") {
    app.requested_credit->payment_terms = model::PaymentTerms::letter_of_credit;
    auto ps = test::validate(app).problems;
    CHECK(test::has(ps, "/international_trade/letter_of_credit lc.required"));
    CHECK(test::has(ps, "/documents document.missing"));
    app.international_trade->letter_of_credit =
        model::LetterOfCredit{"Deutsche Bank AG", "DEUTDEFF", {}, 400, "UCP 500"};
    ps = test::validate(app).problems;
    CHECK(test::has(ps, "/international_trade/letter_of_credit/tenor_days lc.tenor_range"));
    CHECK(test::has(ps, "/international_trade/letter_of_credit/rules lc.rules"));
    CHECK_FALSE(test::has(ps, "/international_trade/letter_of_credit lc.required"));
  }
  SUBCASE("a domestic clearing system fixes country and currency") {
    app.bank_accounts = {{"Alpenblick Inc.", "US", "USD", std::nullopt, std::nullopt,
                          model::LocalAccount{model::LocalAccountScheme::us_aba, "021000021", "000123456789"}}};
    CHECK(test::codes(test::validate(app).problems) == std::vector<std::string>{});
    app.bank_accounts[0].currency = "EUR";
    CHECK(test::has(test::validate(app).problems, "/bank_accounts/0/currency bank.currency_mismatch"));
  }
  SUBCASE("an IBAN from another country than the bank's") {
    app.bank_accounts[0].iban = "GB29NWBK60161331926819";
    CHECK(test::has(test::validate(app).problems, "/bank_accounts/0/iban bank.country_mismatch"));
  }
}
