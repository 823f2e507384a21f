#include "shared/validation/application.hpp"

#include "shared/validation/rules.hpp"

namespace onb::validation {

ValidationReport validate_application(const model::Application& app, const model::DocumentPolicy& policy, Date today) {
  ValidationReport report;
  Checker c{report.problems, today};
  if (app.format_version != model::application_format_version)
    c.add("/format_version", "", "application.format_version",
          {{"expected", std::to_string(model::application_format_version)}});
  rules::entity(app, c);
  rules::addresses(app.addresses, c);
  rules::contacts(app, c);
  rules::tax_registrations(app, c);
  rules::bank_accounts(app, c);
  rules::owners(app, c);
  rules::directors(app, c);
  rules::credit(app, c);
  rules::financials(app, c);
  rules::documents(app, c);
  rules::consents(app, c);
  auto status = check_document_requirements(app, policy, today, report.problems);
  report.completeness = status.completeness_percent();
  report.missing = std::move(status.missing);
  return report;
}

}  // namespace onb::validation
