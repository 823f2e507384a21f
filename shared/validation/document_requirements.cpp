#include "shared/validation/document_requirements.hpp"

#include "shared/reference/countries.hpp"
#include "shared/validation/amount.hpp"
#include "shared/validation/messages.hpp"

#include <algorithm>

namespace onb::validation {
namespace {

using model::Application;
using model::DocumentRequirement;
using model::RequirementCondition;

inline constexpr double default_owner_threshold = 25.0;  // when an each_owner requirement names none

template <class V, class T>
bool contains(const V& list, const T& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

bool credit_above(const RequirementCondition& w, const Application& app) {
  if (w.credit_limit_above.empty()) return true;
  if (!app.requested_credit) return false;
  const auto& limit = app.requested_credit->limit;
  const auto it = w.credit_limit_above.find(limit.currency);
  if (it == w.credit_limit_above.end()) return true;  // unknown currency: ask rather than miss
  const auto threshold = parse_amount(it->second);
  const auto amount = parse_amount(limit.amount);
  return !threshold || !amount || amount->scaled > threshold->scaled;
}

bool applies(const RequirementCondition& w, const Application& app) {
  const std::string& home = app.addresses.registered.country;
  if (!w.entity_types.empty() && !contains(w.entity_types, app.entity.entity_type)) return false;
  if (!w.registered_countries.empty() && !contains(w.registered_countries, home)) return false;
  if (w.registered_in_eu && *w.registered_in_eu != reference::is_eu_vat_country(home)) return false;
  if (!w.payment_terms.empty() &&
      !(app.requested_credit && contains(w.payment_terms, app.requested_credit->payment_terms)))
    return false;
  return credit_above(w, app);
}

bool usable(const model::Document& d, const DocumentRequirement& r, Date today) {
  if (!contains(r.accepted_types, d.type)) return false;
  if (!d.expiry_date) return true;
  const auto expiry = parse_date(*d.expiry_date);
  return expiry && *expiry > today;
}

bool owner_has_document(const model::BeneficialOwner& o, const Application& app, const DocumentRequirement& r,
                        Date today) {
  if (!o.identity_document || !o.identity_document->document_id) return false;
  for (const auto& d : app.documents)
    if (d.id == *o.identity_document->document_id) return usable(d, r, today);
  return false;
}

void record(DocumentStatus& s, const DocumentRequirement& r, std::string path, bool ok, Problems& out) {
  ++s.required;
  if (ok) {
    ++s.satisfied;
    return;
  }
  out.push_back(make_problem(
      path, "document.missing",
      {{"requirement", r.id}, {"description_en", r.description_en}, {"description_de", r.description_de}}));
  s.missing.push_back({r.id, std::move(path), r.accepted_types, r.description_en, r.description_de});
}

}  // namespace

DocumentStatus check_document_requirements(const Application& app, const model::DocumentPolicy& policy, Date today,
                                           Problems& out) {
  DocumentStatus status;
  for (const auto& r : policy.requirements) {
    if (!applies(r.when, app)) continue;
    if (r.scope == model::RequirementScope::application) {
      const bool ok = std::any_of(app.documents.begin(), app.documents.end(),
                                  [&](const model::Document& d) { return usable(d, r, today); });
      record(status, r, "/documents", ok, out);
      continue;
    }
    const double threshold = r.when.owner_percent_at_least.value_or(default_owner_threshold);
    for (std::size_t i = 0; i < app.owners.size(); ++i) {
      if (app.owners[i].ownership_percent + 1e-6 < threshold) continue;
      record(status, r, "/owners/" + std::to_string(i) + "/identity_document",
             owner_has_document(app.owners[i], app, r, today), out);
    }
  }
  return status;
}

}  // namespace onb::validation
