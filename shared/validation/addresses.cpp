// Rules for postal addresses: the fields each country uses and requires and its postal-code format,
// from Google's address metadata (shared/reference/postal_codes.hpp).
#include "shared/reference/postal_codes.hpp"
#include "shared/validation/rules.hpp"
#include "shared/validation/text.hpp"

namespace onb::validation::rules {
namespace {

constexpr std::size_t max_street_lines = 3;  // what printed labels and most carriers accept

void street(const model::Address& a, std::string_view base, bool required, Checker& c) {
  const std::string lines_path = join_path(base, "street_lines");
  if (a.street_lines.size() > max_street_lines)
    c.add(lines_path, "", "address.street_lines", {{"max", std::to_string(max_street_lines)}});
  bool any = false;
  for (std::size_t i = 0; i < a.street_lines.size() && i < max_street_lines; ++i) {
    c.text(lines_path, std::to_string(i), a.street_lines[i], max_short_text, false);
    any = any || !trim(a.street_lines[i]).empty();
  }
  if (required && !any) c.add(lines_path, "", "field.required");
}

void postal_code(const model::Address& a, std::string_view base, const reference::AddressFormat* f, Checker& c) {
  const std::string_view code = trim(a.postal_code);
  if (code.empty()) {
    if (f && f->requires_field('Z')) c.add(base, "postal_code", "field.required");
    return;
  }
  if (!c.text(base, "postal_code", a.postal_code, reference::max_postal_code_length, false) || !f) return;
  if (!reference::postal_code_matches(a.country, code))
    c.add(base, "postal_code", "address.postal_code_format",
          {{"country", a.country}, {"example", std::string(f->postal_code_example)}});
}

void address(const model::Address& a, std::string_view base, Checker& c) {
  const bool known = c.country(base, "country", a.country);
  const auto format = known ? reference::find_address_format(a.country) : std::nullopt;
  const auto* f = format ? &*format : nullptr;
  // Without metadata for the country, street and city are still asked for: every carrier needs them.
  street(a, base, !f || f->requires_field('A'), c);
  c.text(base, "city", a.city, max_short_text, !f || f->requires_field('C'));
  const bool region_required = f && f->requires_field('S');
  if (a.region)
    c.text(base, "region", *a.region, max_short_text, region_required);
  else if (region_required)
    c.add(base, "region", "field.required");
  if (a.dependent_locality)
    c.text(base, "dependent_locality", *a.dependent_locality, max_short_text, f && f->requires_field('D'));
  if (a.sorting_code) c.text(base, "sorting_code", *a.sorting_code, max_short_text, false);
  if (known) postal_code(a, base, f, c);
}

}  // namespace

void addresses(const model::Addresses& a, Checker& c) {
  address(a.registered, "/addresses/registered", c);
  if (a.billing) address(*a.billing, "/addresses/billing", c);
  if (a.shipping) address(*a.shipping, "/addresses/shipping", c);
}

}  // namespace onb::validation::rules
