// Rules for financial statements: amounts in the statement's currency, one statement per fiscal year,
// the balance sheet adding up, statements not older than 18 months, and a requested credit that is
// not far above what the customer sells in a year.
#include "shared/validation/rules.hpp"

#include <algorithm>
#include <cstdlib>

namespace onb::validation::rules {
namespace {

using model::FinancialStatement;

inline constexpr int max_statement_age_months = 18;
// Assets = liabilities + equity within 0.5 % of total assets, or one currency unit: statements are
// often entered rounded to thousands, which leaves a small gap; a larger one is a typo.
inline constexpr std::int64_t balance_tolerance_per_mille = 5;
// A credit above half a year's revenue is exposure a supplier rarely has to one customer.
inline constexpr std::int64_t credit_to_revenue_limit_percent = 50;

struct Figures {
  std::optional<Decimal> total_assets, total_liabilities, equity, revenue, current_assets, current_liabilities;
};

Figures amounts(const FinancialStatement& s, const std::string& base, Checker& c) {
  const std::string_view cur = s.currency;
  auto opt = [&](std::string_view field, const std::optional<model::Amount>& v, bool negative_ok) {
    return v ? c.amount(base, field, *v, cur, negative_ok) : std::nullopt;
  };
  Figures f;
  f.current_assets = opt("current_assets", s.current_assets, false);
  opt("cash", s.cash, false);
  opt("inventory", s.inventory, false);
  opt("receivables", s.receivables, false);
  f.total_assets = c.amount(base, "total_assets", s.total_assets, cur, false);
  f.current_liabilities = opt("current_liabilities", s.current_liabilities, false);
  f.total_liabilities = c.amount(base, "total_liabilities", s.total_liabilities, cur, false);
  opt("total_debt", s.total_debt, false);
  f.equity = c.amount(base, "equity", s.equity, cur, true);
  f.revenue = c.amount(base, "revenue", s.revenue, cur, false);
  opt("gross_profit", s.gross_profit, true);
  opt("ebit", s.ebit, true);
  opt("interest_expense", s.interest_expense, false);
  c.amount(base, "net_income", s.net_income, cur, true);
  opt("operating_cash_flow", s.operating_cash_flow, true);
  return f;
}

void consistency(const Figures& f, const std::string& base, Checker& c) {
  if (f.total_assets && f.total_liabilities && f.equity) {
    // Each amount is at most 9·10^18 scaled; the difference of three may not fit, which is an imbalance too.
    std::int64_t gap = 0;
    const bool overflow = __builtin_sub_overflow(f.total_assets->scaled, f.total_liabilities->scaled, &gap) ||
                          __builtin_sub_overflow(gap, f.equity->scaled, &gap);
    const std::int64_t tolerance =
        std::max<std::int64_t>(amount_scale, f.total_assets->scaled / 1000 * balance_tolerance_per_mille);
    if (overflow || std::llabs(gap) > tolerance) c.add(base, "total_assets", "statement.balance");
  }
  if (f.current_assets && f.total_assets && f.current_assets->scaled > f.total_assets->scaled)
    c.add(base, "current_assets", "statement.current_assets");
  if (f.current_liabilities && f.total_liabilities && f.current_liabilities->scaled > f.total_liabilities->scaled)
    c.add(base, "current_liabilities", "statement.current_liabilities");
}

// The latest statement's revenue against the requested limit, when both are in the same currency
// (no FX rates offline); expected revenue stands in when there is no statement.
void credit_against_revenue(const model::Application& app, const FinancialStatement* latest, Checker& c) {
  if (!app.requested_credit) return;
  const auto& limit = app.requested_credit->limit;
  std::optional<Decimal> revenue;
  if (latest && latest->currency == limit.currency)
    revenue = parse_amount(latest->revenue);
  else if (!latest && app.entity.expected_annual_revenue &&
           app.entity.expected_annual_revenue->currency == limit.currency)
    revenue = parse_amount(app.entity.expected_annual_revenue->amount);
  const auto l = parse_amount(limit.amount);
  if (!revenue || !l || revenue->scaled < 0) return;
  if (l->scaled > revenue->scaled / 100 * credit_to_revenue_limit_percent)
    c.add("/requested_credit/limit", "amount", "credit.exceeds_revenue",
          {{"percent", std::to_string(credit_to_revenue_limit_percent)}});
}

}  // namespace

void financials(const model::Application& app, Checker& c) {
  const FinancialStatement* latest = nullptr;
  std::optional<Date> latest_end;
  for (std::size_t i = 0; i < app.financial_statements.size(); ++i) {
    const auto& s = app.financial_statements[i];
    const std::string base = "/financial_statements/" + std::to_string(i);
    const auto end = c.date(base, "fiscal_year_end", s.fiscal_year_end, Checker::When::not_future);
    c.currency(base, "currency", s.currency);
    consistency(amounts(s, base, c), base, c);
    if (!end) continue;
    for (std::size_t k = 0; k < i; ++k)
      if (const auto other = parse_date(app.financial_statements[k].fiscal_year_end); other && other->year == end->year)
        c.add(base, "fiscal_year_end", "statement.duplicate_year", {{"year", std::to_string(end->year)}});
    if (!latest_end || *end > *latest_end) latest_end = end, latest = &s;
  }
  if (latest_end && *latest_end < add_months(c.today, -max_statement_age_months))
    c.add("/financial_statements", "", "statement.outdated", {{"months", std::to_string(max_statement_age_months)}});
  const bool on_credit = app.requested_credit && app.requested_credit->payment_terms != model::PaymentTerms::prepayment;
  if (on_credit && app.financial_statements.empty()) c.add("/financial_statements", "", "statement.missing");
  credit_against_revenue(app, latest, c);
}

}  // namespace onb::validation::rules
