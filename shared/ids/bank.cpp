// bic (ISO 9362 business identifier codes) and lei (ISO 17442 legal entity identifiers).
// Each follows the python-stdnum module of the same name; BIC country codes as stdnum HEAD.
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/text.hpp"
#include "shared/reference/countries.hpp"

#include <algorithm>
#include <array>

namespace onb::ids::detail {
namespace {

// [SECTION] bic: 4 letters (institution), 2 letters (ISO 3166-1 country, or XK for Kosovo),
// 2 letters/digits (location), optionally 3 letters/digits (branch).
std::string bic_compact(std::string_view in) { return clean_upper(in, " -"); }
// A template rather than a function pointer so that the class test inlines (millions of BICs a second).
template <class Pred>
bool all_of_class(std::string_view s, Pred pred) {
  bool ok = true;
  for (char c : s) ok &= pred(c);
  return ok;
}

// ISO 3166-1 alpha-2 codes plus XK, as a 26x26 table built once from shared/reference: a BIC check
// is then two array lookups instead of a search (check-id runs millions of them).
bool is_bic_country(std::string_view cc) {
  static const auto table = [] {
    std::array<bool, 26 * 26> t{};
    const auto set = [&t](std::string_view c) { t[static_cast<std::size_t>((c[0] - 'A') * 26 + (c[1] - 'A'))] = true; };
    for (const auto& c : onb::reference::countries())
      if (c.alpha_2.size() == 2 && is_upper(c.alpha_2[0]) && is_upper(c.alpha_2[1])) set(c.alpha_2);
    set("XK");  // Kosovo: no ISO code yet, but SWIFT issues BICs for it
    return t;
  }();
  return is_upper(cc[0]) && is_upper(cc[1]) && table[static_cast<std::size_t>((cc[0] - 'A') * 26 + (cc[1] - 'A'))];
}
Check bic_validate(std::string_view in) {
  std::string n = bic_compact(in);
  if (n.size() != 8 && n.size() != 11) return fail(Failure::length, std::move(n), "A BIC has 8 or 11 characters.");
  const std::string_view v = n;
  if (!all_of_class(v.substr(0, 6), [](char c) { return is_upper(c); }) ||
      !all_of_class(v.substr(6), [](char c) { return is_alnum_upper(c); }))
    return fail(Failure::format, std::move(n), "A BIC has 6 letters followed by letters or digits.");
  const std::string_view country = v.substr(4, 2);
  if (!is_bic_country(country)) return fail(Failure::component, std::move(n), "Letters 5-6 of a BIC are not a country code.");
  return ok(std::move(n));
}

// [SECTION] lei: 18 characters + 2 check digits, ISO 7064 MOD 97-10 over the whole code
// (python-stdnum checks no length beyond that).
std::string lei_compact(std::string_view in) { return clean_upper(in, " -"); }
Check lei_validate(std::string_view in) {
  std::string n = lei_compact(in);
  const int rest = n.empty() ? -1 : mod_97_10_checksum(n);
  if (rest < 0) return fail(Failure::format, std::move(n), "An LEI has letters and digits only.");
  if (rest != 1) return fail(Failure::checksum, std::move(n), "The LEI check digits (ISO 7064 MOD 97-10) do not match.");
  return ok(std::move(n));
}

}  // namespace

constexpr Scheme bic{"bic", "Business Identifier Code (BIC, ISO 9362)", bic_compact, bic_validate,
                     format_compact<bic_validate>};
constexpr Scheme lei{"lei", "Legal Entity Identifier (LEI, ISO 17442)", lei_compact, lei_validate,
                     format_compact<lei_validate>};

}  // namespace onb::ids::detail
