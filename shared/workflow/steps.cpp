#include "shared/workflow/steps.hpp"

#include <algorithm>

namespace onb::workflow {
namespace {

using model::EntityType;
using model::PaymentTerms;

bool on_credit(const model::Application& app) {
  return app.requested_credit && app.requested_credit->payment_terms != PaymentTerms::prepayment;
}

bool trades_on_documents(const model::Application& app) {
  return app.requested_credit && (app.requested_credit->payment_terms == PaymentTerms::letter_of_credit ||
                                  app.requested_credit->payment_terms == PaymentTerms::documentary_collection);
}

bool shown(const std::string& section, const model::Application& app) {
  const auto type = app.entity.entity_type;
  if (section == "/owners") return type != EntityType::public_body;
  if (section == "/financial_statements") return on_credit(app);
  if (section == "/international_trade")
    return trades_on_documents(app) || app.international_trade.has_value();  // never hide data already entered
  if (section == "/trade_references") return on_credit(app) || !app.trade_references.empty();
  return true;
}

}  // namespace

bool at_or_below(const std::string& path, const std::string& prefix) {
  return path.size() >= prefix.size() && path.compare(0, prefix.size(), prefix) == 0 &&
         (path.size() == prefix.size() || path[prefix.size()] == '/' || prefix.empty());
}

int problems_under(const validation::Problems& problems, const std::string& prefix, validation::Severity severity) {
  return static_cast<int>(std::count_if(problems.begin(), problems.end(), [&](const validation::Problem& p) {
    return p.severity == severity && at_or_below(p.path, prefix);
  }));
}

std::vector<std::string> step_sections(StepId step) {
  switch (step) {
    case StepId::company: return {"/entity"};
    case StepId::addresses_contacts: return {"/addresses", "/contacts"};
    case StepId::tax_bank: return {"/tax_registrations", "/bank_accounts"};
    case StepId::owners_directors: return {"/owners", "/directors"};
    case StepId::credit_financials:
      return {"/requested_credit", "/financial_statements", "/international_trade"};
    case StepId::trade_references: return {"/trade_references"};
    case StepId::documents: return {"/documents", "/consents"};
    case StepId::review: return {};
  }
  return {};
}

std::vector<std::string> visible_sections(StepId step, const model::Application& app) {
  std::vector<std::string> out;
  for (auto& s : step_sections(step))
    if (shown(s, app)) out.push_back(std::move(s));
  return out;
}

std::vector<StepId> steps_for(const model::Application& app) {
  std::vector<StepId> out;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<StepId>>([&](auto d) {
    if (d.value == StepId::review || !visible_sections(d.value, app).empty()) out.push_back(d.value);
  });
  return out;
}

std::vector<StepCount> step_counts(const model::Application& app, const validation::ValidationReport& report) {
  std::vector<StepCount> out;
  for (StepId step : steps_for(app)) {
    StepCount c{step, 0, 0};
    if (step == StepId::review) {
      c.errors = problems_under(report.problems, "", validation::Severity::error);
      c.warnings = problems_under(report.problems, "", validation::Severity::warning);
    }
    for (const auto& section : step_sections(step)) {  // all sections: a hidden one's problems still count
      c.errors += problems_under(report.problems, section, validation::Severity::error);
      c.warnings += problems_under(report.problems, section, validation::Severity::warning);
    }
    out.push_back(c);
  }
  return out;
}

}  // namespace onb::workflow
