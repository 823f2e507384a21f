// The money side of an application: tax registrations, bank accounts, the credit asked for, financial
// statements, trade references and letter-of-credit terms. Amounts follow money.hpp. Checks of
// identifiers (VAT, IBAN, BIC) go through shared/ids from validation/, never from here.
#pragma once

#include "shared/model/money.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace onb::model {

struct TaxRegistration {
  std::string scheme;  // an identifier scheme of shared/ids: "eu.vat", "gb.vat", "us.ein", "in_.gstin"
  std::string number;  // as the applicant typed it; the scheme normalises
};
BOOST_DESCRIBE_STRUCT(TaxRegistration, (), (scheme, number))

// Domestic clearing systems for accounts without an IBAN. Each carries only its own currency.
BOOST_DEFINE_ENUM_CLASS(LocalAccountScheme, us_aba, gb_sort_code, ca_transit, au_bsb, other)

struct LocalAccount {
  LocalAccountScheme scheme = LocalAccountScheme::other;
  std::string bank_code;  // ABA routing number, sort code, transit+institution, BSB, or the bank's code
  std::string account_number;
};
BOOST_DESCRIBE_STRUCT(LocalAccount, (), (scheme, bank_code, account_number))

// Either an IBAN (with the BIC where the bank is outside SEPA) or a local account.
struct BankAccount {
  std::string account_holder;
  std::string country;   // ISO 3166-1 alpha-2 of the bank
  std::string currency;  // ISO 4217 of the account
  std::optional<std::string> iban;
  std::optional<std::string> bic;
  std::optional<LocalAccount> local;
};
BOOST_DESCRIBE_STRUCT(BankAccount, (), (account_holder, country, currency, iban, bic, local))

BOOST_DEFINE_ENUM_CLASS(PaymentTerms, prepayment, cash_on_delivery, net_15, net_30, net_45, net_60, net_90,
                        letter_of_credit, documentary_collection)

struct CreditRequest {
  Money limit;
  PaymentTerms payment_terms = PaymentTerms::net_30;
};
BOOST_DESCRIBE_STRUCT(CreditRequest, (), (limit, payment_terms))

// One fiscal year, all amounts in `currency` (money.hpp's Amount). Only the figures every balance sheet
// and income statement has are required; the others sharpen the credit analysis when given.
struct FinancialStatement {
  std::string fiscal_year_end;  // YYYY-MM-DD
  std::string currency;         // ISO 4217
  bool audited = false;
  std::optional<Amount> current_assets;
  std::optional<Amount> cash;
  std::optional<Amount> inventory;
  std::optional<Amount> receivables;
  Amount total_assets;
  std::optional<Amount> current_liabilities;
  Amount total_liabilities;
  std::optional<Amount> total_debt;
  Amount equity;
  Amount revenue;
  std::optional<Amount> gross_profit;
  std::optional<Amount> ebit;
  std::optional<Amount> interest_expense;
  Amount net_income;
  std::optional<Amount> operating_cash_flow;
};
BOOST_DESCRIBE_STRUCT(FinancialStatement, (),
                      (fiscal_year_end, currency, audited, current_assets, cash, inventory, receivables, total_assets,
                       current_liabilities, total_liabilities, total_debt, equity, revenue, gross_profit, ebit,
                       interest_expense, net_income, operating_cash_flow))

BOOST_DEFINE_ENUM_CLASS(PaymentExperience, prompt, mostly_prompt, slow, problematic)

struct TradeReference {
  std::string company_name;
  std::string contact_name;
  std::string email;
  std::string phone;  // E.164
  std::int32_t years_of_relationship = 0;
  std::optional<Money> typical_credit;
  PaymentExperience payment_experience = PaymentExperience::prompt;
};
BOOST_DESCRIBE_STRUCT(TradeReference, (),
                      (company_name, contact_name, email, phone, years_of_relationship, typical_credit,
                       payment_experience))

BOOST_DEFINE_ENUM_CLASS(LetterOfCreditType, irrevocable, confirmed_irrevocable, standby)

struct LetterOfCredit {
  std::string issuing_bank_name;
  std::string issuing_bank_bic;
  LetterOfCreditType type = LetterOfCreditType::confirmed_irrevocable;
  std::int32_t tenor_days = 0;    // 0 = at sight
  std::string rules = "UCP 600";  // the ICC rules the credit is subject to: "UCP 600", "ISP98"
};
BOOST_DESCRIBE_STRUCT(LetterOfCredit, (), (issuing_bank_name, issuing_bank_bic, type, tenor_days, rules))

struct InternationalTrade {
  std::optional<LetterOfCredit> letter_of_credit;  // required when payment_terms is letter_of_credit
  std::optional<std::string> incoterm;             // Incoterms 2020: "FCA", "DAP", ...
};
BOOST_DESCRIBE_STRUCT(InternationalTrade, (), (letter_of_credit, incoterm))

}  // namespace onb::model
