// Rules for beneficial owners and directors: ownership in (0, 100] summing to at most 100, KYC data
// for every owner at the 25 % threshold of the EU AML directive, identity documents that point to an
// attached document, at least one director.
#include "shared/validation/rules.hpp"

#include <cstdio>

namespace onb::validation::rules {
namespace {

using model::EntityType;

inline constexpr double kyc_threshold_percent = 25.0;  // EU AMLD beneficial-ownership threshold
// Ownership is entered with up to two decimals; a sum like 33.33+33.33+33.34 must not fail on binary rounding.
inline constexpr double percent_tolerance = 1e-6;
inline constexpr Date k_earliest_birth{1900, 1, 1};

void person_name(std::string_view base, const std::string& given, const std::string& family, Checker& c) {
  c.text(base, "given_names", given, max_name_length, true);
  c.text(base, "family_name", family, max_name_length, true);
}

void birth_date(std::string_view base, const std::optional<std::string>& dob, Checker& c) {
  if (!dob) return;
  if (const auto d = c.date(base, "date_of_birth", *dob, Checker::When::not_future); d && *d < k_earliest_birth)
    c.add(base, "date_of_birth", "date.implausible");
}

const model::Document* find_document(const model::Application& app, std::string_view id) {
  for (const auto& d : app.documents)
    if (d.id == id) return &d;
  return nullptr;
}

void identity_document(const model::Application& app, const model::IdentityDocument& doc, std::string_view owner_base,
                       Checker& c) {
  const std::string base = join_path(owner_base, "identity_document");
  c.text(base, "number", doc.number, max_identifier_length, true);
  c.country(base, "issuing_country", doc.issuing_country);
  if (doc.expiry_date) c.date(base, "expiry_date", *doc.expiry_date, Checker::When::future);
  if (!doc.document_id) return;
  const auto* attached = find_document(app, *doc.document_id);
  if (!attached)
    c.add(base, "document_id", "document.unknown_reference", {{"id", doc.document_id->substr(0, 64)}});
  else if (attached->type != model::DocumentType::identity_document)
    c.add(base, "document_id", "document.wrong_type", {{"expected", "identity_document"}});
}

void owner(const model::Application& app, std::size_t i, Checker& c) {
  const auto& o = app.owners[i];
  const std::string base = "/owners/" + std::to_string(i);
  person_name(base, o.given_names, o.family_name, c);
  c.country(base, "residence_country", o.residence_country);
  if (o.nationality) c.country(base, "nationality", *o.nationality);
  birth_date(base, o.date_of_birth, c);
  if (!(o.ownership_percent > 0 && o.ownership_percent <= 100 + percent_tolerance))
    c.add(base, "ownership_percent", "owner.ownership_range");
  if (o.identity_document) identity_document(app, *o.identity_document, base, c);
  if (o.ownership_percent + percent_tolerance < kyc_threshold_percent) return;
  const Params at{{"threshold", "25"}};
  if (!o.date_of_birth) c.add(base, "date_of_birth", "owner.date_of_birth_required", at);
  if (!o.nationality) c.add(base, "nationality", "owner.nationality_required", at);
  if (!o.identity_document) c.add(base, "identity_document", "owner.identity_document_required", at);
}

}  // namespace

void owners(const model::Application& app, Checker& c) {
  double sum = 0;
  for (std::size_t i = 0; i < app.owners.size(); ++i) {
    owner(app, i, c);
    sum += app.owners[i].ownership_percent;
  }
  if (sum > 100 + percent_tolerance) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", sum);
    c.add("/owners", "", "owner.ownership_sum", {{"sum", buf}});
  }
  const auto type = app.entity.entity_type;
  if (type == EntityType::sole_trader &&
      (app.owners.size() != 1 || app.owners[0].ownership_percent + percent_tolerance < 100))
    c.add("/owners", "", "owner.sole_trader");
  // No owner listed: AML rules then name the senior managing official; worth a prompt, not a block.
  if (app.owners.empty() && type != EntityType::public_body && type != EntityType::sole_trader)
    c.add("/owners", "", "owner.none");
}

void directors(const model::Application& app, Checker& c) {
  if (app.directors.empty()) c.add("/directors", "", "director.required");
  for (std::size_t i = 0; i < app.directors.size(); ++i) {
    const auto& d = app.directors[i];
    const std::string base = "/directors/" + std::to_string(i);
    person_name(base, d.given_names, d.family_name, c);
    birth_date(base, d.date_of_birth, c);
    if (d.nationality) c.country(base, "nationality", *d.nationality);
  }
}

}  // namespace onb::validation::rules
