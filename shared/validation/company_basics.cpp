#include "shared/validation/company_basics.hpp"

#include "shared/reference/countries.hpp"
#include "shared/validation/text.hpp"

#include <cctype>

namespace onb::validation {
namespace {

void check_legal_name(const std::string& name, Problems& out) {
  const auto len = utf8_length(name);
  if (!len) out.push_back({"/legal_name", "text.utf8", Severity::error, "The legal name is not valid UTF-8 text."});
  else if (trim(name).empty())
    out.push_back({"/legal_name", "legal_name.required", Severity::error, "Enter the company's legal name."});
  else if (*len > max_legal_name_length)
    out.push_back({"/legal_name", "legal_name.length", Severity::error,
                   "The legal name is longer than " + std::to_string(max_legal_name_length) + " characters."});
  else if (has_control_chars(name))
    out.push_back({"/legal_name", "text.control_chars", Severity::error,
                   "The legal name contains control characters."});
}

void check_country(const std::string& country, Problems& out) {
  if (country.empty())
    out.push_back({"/country", "country.required", Severity::error, "Choose the country of the registered office."});
  else if (!reference::find_country(country))
    out.push_back({"/country", "country.unknown", Severity::error,
                   "'" + country + "' is not an ISO 3166-1 alpha-2 country code."});
}

// The VAT prefix of a country: ISO code, except Greece which uses EL.
std::string vat_prefix(const std::string& country) { return country == "GR" ? "EL" : country; }

void check_vat_number(const model::CompanyBasics& c, Problems& out) {
  std::string compact;
  for (char ch : c.vat_number)
    if (ch != ' ' && ch != '.' && ch != '-') compact += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (compact.empty()) return;
  for (char ch : compact)
    if (!std::isalnum(static_cast<unsigned char>(ch))) {
      out.push_back({"/vat_number", "vat.format", Severity::error,
                     "A VAT number has only letters and digits (spaces, dots and dashes are ignored)."});
      return;
    }
  const bool has_prefix = compact.size() >= 2 && std::isalpha(static_cast<unsigned char>(compact[0])) &&
                          std::isalpha(static_cast<unsigned char>(compact[1]));
  if (has_prefix && reference::find_country(c.country) && reference::is_eu_vat_country(c.country) &&
      compact.substr(0, 2) != vat_prefix(c.country))
    out.push_back({"/vat_number", "vat.country_mismatch", Severity::error,
                   "The VAT number starts with " + compact.substr(0, 2) + " but the company is registered in " +
                       c.country + " (expected " + vat_prefix(c.country) + ")."});
  const std::size_t body = compact.size() - (has_prefix ? 2 : 0);
  if (body < 8 || body > 12)
    out.push_back({"/vat_number", "vat.length", Severity::error,
                   "A VAT number has 8 to 12 characters after the country prefix."});
}

}  // namespace

Problems validate_company_basics(const model::CompanyBasics& c) {
  Problems out;
  check_legal_name(c.legal_name, out);
  check_country(c.country, out);
  check_vat_number(c, out);
  return out;
}

}  // namespace onb::validation
