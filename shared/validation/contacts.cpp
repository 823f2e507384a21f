// Rules for contacts: at least one, a primary one, and each reachable (e-mail and E.164 phone).
#include "shared/validation/rules.hpp"

namespace onb::validation::rules {

void contacts(const model::Application& app, Checker& c) {
  if (app.contacts.empty()) return c.add("/contacts", "", "contact.required");
  bool primary = false;
  for (std::size_t i = 0; i < app.contacts.size(); ++i) {
    const auto& ct = app.contacts[i];
    const std::string base = "/contacts/" + std::to_string(i);
    c.text(base, "name", ct.name, max_name_length, true);
    if (ct.job_title) c.text(base, "job_title", *ct.job_title, max_short_text, false);
    c.email(base, "email", ct.email);
    c.phone(base, "phone", ct.phone);
    primary = primary || ct.role == model::ContactRole::primary;
  }
  if (!primary) c.add("/contacts", "", "contact.primary_required");
}

}  // namespace onb::validation::rules
