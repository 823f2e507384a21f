// Rules for the legal entity: required fields by entity type and country, register-number formats of
// the main registers, incorporation date in the past, website and industry code.
#include "shared/reference/countries.hpp"
#include "shared/reference/pattern.hpp"
#include "shared/validation/rules.hpp"

#include <array>
#include <memory>

namespace onb::validation::rules {
namespace {

using model::EntityType;

constexpr std::string_view k_base = "/entity";
constexpr Date k_earliest_incorporation{1600, 1, 1};  // older registered companies exist (1602 VOC); earlier is a typo

// Register numbers by country: the national format where one national register exists. Countries
// whose register number is an identifier scheme of shared/ids are checked through that scheme.
struct RegisterFormat {
  std::string_view country;
  std::string_view pattern;  // pattern.hpp subset, full match, upper case
  std::string_view example;
};
constexpr std::array<RegisterFormat, 6> k_register_formats = {{
    {"AT", "FN ?\\d{1,6} ?[A-Z]", "FN 123456 A"},                              // Firmenbuch
    {"DE", "(HRA|HRB|GNR|PR|VR|GSR) ?\\d{1,6}( ?[A-Z]{1,2})?", "HRB 123456"},  // Handelsregister
    {"FR", "\\d{3} ?\\d{3} ?\\d{3}", "552 100 554"},                           // SIREN
    {"GB", "(\\d{2}|SC|NI|OC|SO|NC|LP|SL|NL|R0)\\d{6}", "01234567"},           // Companies House
    {"IE", "\\d{5,6}", "123456"},                                              // CRO
    {"NL", "\\d{8}", "12345678"},                                              // KvK
}};
struct SchemeRegister {
  std::string_view country;
  std::string_view scheme;
};
constexpr std::array<SchemeRegister, 4> k_scheme_registers = {
    {{"BR", "br.cnpj"}, {"CH", "ch.uid"}, {"CN", "cn.uscc"}, {"JP", "jp.cn"}}};

bool needs_register_entry(EntityType t, std::string_view country) {
  if (t == EntityType::sole_trader || t == EntityType::public_body || t == EntityType::trust) return false;
  return country != "US";  // US entities are registered per state, without a national number
}

const reference::Pattern* register_pattern(std::size_t i) {
  static const auto compiled = [] {
    std::array<std::unique_ptr<reference::Pattern>, k_register_formats.size()> out;
    for (std::size_t k = 0; k < out.size(); ++k) out[k] = reference::Pattern::compile(k_register_formats[k].pattern);
    return out;
  }();
  return compiled[i].get();
}

void registration_number(const model::LegalEntity& e, Checker& c) {
  const bool required = needs_register_entry(e.entity_type, e.incorporation_country);
  if (!c.text(k_base, "registration_number", e.registration_number, max_identifier_length, required) ||
      e.registration_number.empty())
    return;
  for (const auto& s : k_scheme_registers)
    if (s.country == e.incorporation_country) {
      identifier(c, k_base, "registration_number", s.scheme, "registration_number", e.registration_number);
      return;
    }
  for (std::size_t i = 0; i < k_register_formats.size(); ++i) {
    if (k_register_formats[i].country != e.incorporation_country) continue;
    std::string upper(e.registration_number);
    for (char& ch : upper)
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    const auto* p = register_pattern(i);
    if (p && !p->full_match(upper))
      c.add(k_base, "registration_number", "registration_number.format",
            {{"country", e.incorporation_country}, {"example", std::string(k_register_formats[i].example)}});
  }
}

void industry(const model::IndustryCode& code, Checker& c) {
  static const auto nace = reference::Pattern::compile("\\d{2}(\\.\\d{1,2})?");
  static const auto naics = reference::Pattern::compile("\\d{2,6}");
  static const auto sic = reference::Pattern::compile("\\d{5}");
  static const auto isic = reference::Pattern::compile("\\d{4}");
  const reference::Pattern* p = nullptr;
  switch (code.scheme) {
    case model::IndustryScheme::nace_rev2:
      p = nace.get();
      break;
    case model::IndustryScheme::naics_2022:
      p = naics.get();
      break;
    case model::IndustryScheme::uk_sic_2007:
      p = sic.get();
      break;
    case model::IndustryScheme::isic_rev4:
      p = isic.get();
      break;
  }
  if (!p || !p->full_match(code.code))
    c.add("/entity/industry", "code", "industry.format",
          {{"scheme", boost::describe::enum_to_string(code.scheme, "?")}});
}

void dates_and_places(const model::Application& app, Checker& c) {
  const auto& e = app.entity;
  if (c.country(k_base, "incorporation_country", e.incorporation_country) &&
      reference::find_country(app.addresses.registered.country) &&
      e.incorporation_country != app.addresses.registered.country)
    c.add(k_base, "incorporation_country", "entity.foreign_seat",
          {{"incorporation", e.incorporation_country}, {"registered", app.addresses.registered.country}});
  if (e.incorporation_date.empty()) return c.add(k_base, "incorporation_date", "field.required");
  if (const auto d = c.date(k_base, "incorporation_date", e.incorporation_date, Checker::When::not_future);
      d && *d < k_earliest_incorporation)
    c.add(k_base, "incorporation_date", "date.implausible");
}

}  // namespace

void entity(const model::Application& app, Checker& c) {
  const auto& e = app.entity;
  c.text(k_base, "legal_name", e.legal_name, max_name_length, true);
  if (e.trading_name) c.text(k_base, "trading_name", *e.trading_name, max_name_length, false);
  const bool formal = e.entity_type != EntityType::sole_trader && e.entity_type != EntityType::public_body;
  c.text(k_base, "legal_form", e.legal_form, max_short_text, formal);
  registration_number(e, c);
  const bool court_register = e.incorporation_country == "DE" || e.incorporation_country == "AT";
  c.text(k_base, "register_name", e.register_name, max_short_text,
         court_register && needs_register_entry(e.entity_type, e.incorporation_country));
  dates_and_places(app, c);
  if (e.lei) identifier(c, k_base, "lei", "lei", "lei", *e.lei);
  if (e.website) c.url(k_base, "website", *e.website);
  if (e.industry) industry(*e.industry, c);
  if (e.employee_count && (*e.employee_count < 0 || *e.employee_count > 5'000'000))  // the largest employer ≈2.9 M
    c.add(k_base, "employee_count", "entity.employee_count");
  if (e.expected_annual_revenue) c.money(k_base, "expected_annual_revenue", *e.expected_annual_revenue, false);
}

}  // namespace onb::validation::rules
