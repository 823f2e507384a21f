// Rules for the requested credit, its letter-of-credit terms and the trade references that support it.
#include "shared/validation/rules.hpp"

#include <array>

namespace onb::validation::rules {
namespace {

inline constexpr std::int32_t max_lc_tenor_days = 360;  // usance credits beyond a year are not trade finance
inline constexpr std::int32_t max_relationship_years = 200;
constexpr std::array<std::string_view, 3> k_lc_rules = {"UCP 600", "ISP98", "URDG 758"};
constexpr std::array<std::string_view, 11> k_incoterms = {"EXW", "FCA", "CPT", "CIP", "DAP", "DPU",
                                                          "DDP", "FAS", "FOB", "CFR", "CIF"};  // Incoterms 2020

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view v) {
  for (auto e : list)
    if (e == v) return true;
  return false;
}

void letter_of_credit(const model::LetterOfCredit& lc, Checker& c) {
  constexpr std::string_view base = "/international_trade/letter_of_credit";
  c.text(base, "issuing_bank_name", lc.issuing_bank_name, max_name_length, true);
  if (lc.issuing_bank_bic.empty())
    c.add(base, "issuing_bank_bic", "field.required");
  else
    identifier(c, base, "issuing_bank_bic", "bic", "bic", lc.issuing_bank_bic);
  if (lc.tenor_days < 0 || lc.tenor_days > max_lc_tenor_days)
    c.add(base, "tenor_days", "lc.tenor_range", {{"max", std::to_string(max_lc_tenor_days)}});
  if (!listed(k_lc_rules, lc.rules)) c.add(base, "rules", "lc.rules");
}

void trade_reference(const model::TradeReference& r, const std::string& base, Checker& c) {
  c.text(base, "company_name", r.company_name, max_name_length, true);
  c.text(base, "contact_name", r.contact_name, max_name_length, true);
  c.email(base, "email", r.email);
  c.phone(base, "phone", r.phone);
  if (r.years_of_relationship < 0 || r.years_of_relationship > max_relationship_years)
    c.add(base, "years_of_relationship", "trade_reference.years");
  if (r.typical_credit) c.money(base, "typical_credit", *r.typical_credit, false);
  if (r.payment_experience == model::PaymentExperience::problematic)
    c.add(base, "payment_experience", "trade_reference.problematic");
}

}  // namespace

void credit(const model::Application& app, Checker& c) {
  const auto& rc = app.requested_credit;
  if (rc) {
    const auto limit = c.money("/requested_credit", "limit", rc->limit, false);
    if (limit && limit->scaled == 0) c.add("/requested_credit/limit", "amount", "credit.limit_zero");
  }
  const auto* trade = app.international_trade ? &*app.international_trade : nullptr;
  if (rc && rc->payment_terms == model::PaymentTerms::letter_of_credit && !(trade && trade->letter_of_credit))
    c.add("/international_trade/letter_of_credit", "", "lc.required");
  if (trade && trade->letter_of_credit) letter_of_credit(*trade->letter_of_credit, c);
  if (trade && trade->incoterm && !listed(k_incoterms, *trade->incoterm))
    c.add("/international_trade", "incoterm", "trade.incoterm");
  for (std::size_t i = 0; i < app.trade_references.size(); ++i)
    trade_reference(app.trade_references[i], "/trade_references/" + std::to_string(i), c);
}

}  // namespace onb::validation::rules
