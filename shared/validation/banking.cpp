// Rules for bank accounts: IBAN and BIC through shared/ids, the domestic formats of the clearing
// systems without IBAN, and the account's country and currency where the clearing system fixes them.
#include "shared/validation/rules.hpp"

#include <array>

namespace onb::validation::rules {
namespace {

using model::LocalAccountScheme;

// Domestic clearing systems carry only their own currency in their own country; the digit counts are
// those of the bank code and the account number without separators.
struct Clearing {
  LocalAccountScheme scheme;
  std::string_view country;
  std::string_view currency;
  std::size_t bank_min, bank_max, account_min, account_max;
};
constexpr std::array<Clearing, 4> k_clearing = {{
    {LocalAccountScheme::us_aba, "US", "USD", 9, 9, 4, 17},
    {LocalAccountScheme::gb_sort_code, "GB", "GBP", 6, 6, 8, 8},
    {LocalAccountScheme::ca_transit, "CA", "CAD", 8, 8, 7, 12},
    {LocalAccountScheme::au_bsb, "AU", "AUD", 6, 6, 5, 9},
}};

// Digits of `s` ignoring spaces and dashes; nullopt on any other character.
std::optional<std::string> digits_only(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch >= '0' && ch <= '9')
      out += ch;
    else if (ch != ' ' && ch != '-')
      return std::nullopt;
  }
  return out;
}

// ABA routing numbers carry a check digit: 3·d1 + 7·d2 + d3 + 3·d4 ... ≡ 0 (mod 10).
bool aba_checksum_ok(std::string_view d) {
  static constexpr int weights[] = {3, 7, 1};
  int sum = 0;
  for (std::size_t i = 0; i < d.size(); ++i) sum += (d[i] - '0') * weights[i % 3];
  return sum % 10 == 0;
}

void local_account(const model::BankAccount& a, const std::string& base, Checker& c) {
  const auto& l = *a.local;
  const std::string path = base + "/local";
  for (const auto& k : k_clearing) {
    if (k.scheme != l.scheme) continue;
    const auto bank = digits_only(l.bank_code);
    const auto account = digits_only(l.account_number);
    if (!bank || bank->size() < k.bank_min || bank->size() > k.bank_max ||
        (k.scheme == LocalAccountScheme::us_aba && !aba_checksum_ok(*bank)))
      c.add(path, "bank_code", "bank.bank_code");
    if (!account || account->size() < k.account_min || account->size() > k.account_max)
      c.add(path, "account_number", "bank.account_number");
    if (!a.country.empty() && a.country != k.country)
      c.add(base, "country", "bank.country_mismatch", {{"expected", std::string(k.country)}});
    if (!a.currency.empty() && a.currency != k.currency)
      c.add(base, "currency", "bank.currency_mismatch", {{"expected", std::string(k.currency)}});
    return;
  }
  c.text(path, "bank_code", l.bank_code, max_identifier_length, true);
  c.text(path, "account_number", l.account_number, max_identifier_length, true);
  if (!a.bic) c.add(base, "bic", "bank.bic_required");  // other clearing: only the BIC routes a payment
}

void account(const model::BankAccount& a, const std::string& base, Checker& c) {
  c.text(base, "account_holder", a.account_holder, max_name_length, true);
  const bool country_ok = c.country(base, "country", a.country);
  c.currency(base, "currency", a.currency);
  if (a.iban && a.local) c.add(base, "", "bank.ambiguous");
  if (!a.iban && !a.local) c.add(base, "", "bank.account_required");
  if (a.iban) {
    const auto iban = identifier(c, base, "iban", "iban", "iban", *a.iban);
    if (iban && country_ok && iban->substr(0, 2) != a.country)
      c.add(base, "iban", "bank.country_mismatch", {{"expected", a.country}});
  }
  if (a.bic) {
    const auto bic = identifier(c, base, "bic", "bic", "bic", *a.bic);
    // Chars 5-6 of a BIC are its country; a branch abroad is legitimate but worth a second look.
    if (bic && bic->size() >= 6 && country_ok && bic->substr(4, 2) != a.country)
      c.add(base, "bic", "bic.country_mismatch", {{"bic_country", bic->substr(4, 2)}, {"country", a.country}});
  }
  if (a.local && !a.iban) local_account(a, base, c);
}

}  // namespace

void bank_accounts(const model::Application& app, Checker& c) {
  for (std::size_t i = 0; i < app.bank_accounts.size(); ++i)
    account(app.bank_accounts[i], "/bank_accounts/" + std::to_string(i), c);
  const bool on_credit = app.requested_credit && app.requested_credit->payment_terms != model::PaymentTerms::prepayment;
  if (on_credit && app.bank_accounts.empty()) c.add("/bank_accounts", "", "bank.required");
}

}  // namespace onb::validation::rules
