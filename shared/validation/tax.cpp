// Rules for tax registrations: each number checked by its shared/ids scheme, and the VAT prefix
// against the country of the registered office. Also the identifier() helper other rules use.
#include "shared/ids/scheme.hpp"
#include "shared/reference/countries.hpp"
#include "shared/validation/rules.hpp"

#include <set>
#include <utility>

namespace onb::validation::rules {
namespace {

constexpr std::size_t max_scheme_name = 32;

// The code prefix users and support know the failure by: "vat.checksum" rather than "eu.vat.checksum".
std::string_view code_prefix(std::string_view scheme) {
  if (scheme == "eu.vat" || scheme == "gb.vat" || scheme == "no.mva" || scheme == "ch.uid") return "vat";
  return "tax_id";
}

// The VAT prefix of a country: ISO code, except Greece which uses EL.
std::string vat_prefix(std::string_view country) { return country == "GR" ? "EL" : std::string(country); }

bool vat_expected(model::EntityType t) {
  return t == model::EntityType::company || t == model::EntityType::partnership || t == model::EntityType::cooperative;
}

}  // namespace

std::optional<std::string> identifier(Checker& c, std::string_view base, std::string_view field,
                                      std::string_view scheme, std::string_view prefix, std::string_view value) {
  const auto* s = ids::find_scheme(scheme);
  if (!s)
    return c.add(base, field, "tax_id.unknown_scheme", {{"scheme", std::string(scheme.substr(0, 32))}}), std::nullopt;
  // Schemes see bounded input: nothing real is longer, and it bounds their work on hostile text.
  if (value.size() > max_identifier_length)
    return c.add(base, field, std::string(prefix) + ".length", {{"scheme", std::string(s->title)}}), std::nullopt;
  auto check = s->validate(value);
  if (check.valid) return std::move(check.compact);
  const char* failure =
      check.failure == ids::Failure::none ? "format" : boost::describe::enum_to_string(check.failure, "format");
  c.add(base, field, std::string(prefix) + "." + failure, {{"scheme", std::string(s->title)}});
  return std::nullopt;
}

void tax_registrations(const model::Application& app, Checker& c) {
  const std::string& home = app.addresses.registered.country;
  const bool home_eu = reference::is_eu_vat_country(home);
  std::optional<std::pair<std::size_t, std::string>> first_foreign_vat;
  bool home_vat = false;
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < app.tax_registrations.size(); ++i) {
    const auto& r = app.tax_registrations[i];
    const std::string base = "/tax_registrations/" + std::to_string(i);
    const bool scheme_ok = c.text(base, "scheme", r.scheme, max_scheme_name, true);
    const bool number_ok = c.text(base, "number", r.number, max_identifier_length, true);
    if (!scheme_ok || !number_ok) continue;
    const auto compact = identifier(c, base, "number", r.scheme, code_prefix(r.scheme), r.number);
    if (!compact) continue;
    if (!seen.emplace(r.scheme, *compact).second) c.add(base, "", "tax_id.duplicate");
    if (r.scheme != "eu.vat" || compact->size() < 2) continue;
    const std::string prefix = compact->substr(0, 2);
    if (prefix == vat_prefix(home))
      home_vat = true;
    else if (!first_foreign_vat)
      first_foreign_vat.emplace(i, prefix);
  }
  if (home_eu && first_foreign_vat && !home_vat)
    c.add("/tax_registrations/" + std::to_string(first_foreign_vat->first), "number", "vat.country_mismatch",
          {{"prefix", first_foreign_vat->second}, {"country", home}, {"expected", vat_prefix(home)}});
  else if (home_eu && !home_vat && vat_expected(app.entity.entity_type))
    c.add("/tax_registrations", "", "vat.missing", {{"country", home}});
}

}  // namespace onb::validation::rules
