// Business identifiers of the Americas: us.ein, ca.bn, br.cnpj (with the alphanumeric form valid
// from July 2026) and mx.rfc. Each follows the python-stdnum module of the same name.
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/options.hpp"
#include "shared/ids/text.hpp"

#include <algorithm>
#include <array>

namespace onb::ids::detail {
namespace {

// [SECTION] us.ein: 2-digit prefix (an IRS campus, list compiled in), optional dash, 7 digits.
constexpr std::string_view ein_prefixes[] = {
#include "shared/ids/us_ein_prefixes.inc"
};
std::string ein_compact(std::string_view in) {
  std::string s = clean(in, "-");
  strip(s);
  return s;
}
bool ein_shape(std::string_view s) {
  const bool dash = s.size() == 10 && s[2] == '-';
  if (s.size() != 9 && !dash) return false;
  return is_digits(s.substr(0, 2)) && is_digits(s.substr(dash ? 3 : 2));
}
Check ein_validate(std::string_view in) {
  std::string plain = clean(in, "");
  strip(plain);
  std::string n = ein_compact(in);
  if (!ein_shape(plain)) return fail(Failure::format, std::move(n), "An EIN is 9 digits, written NN-NNNNNNN.");
  if (!std::binary_search(std::begin(ein_prefixes), std::end(ein_prefixes), std::string_view(n).substr(0, 2)))
    return fail(Failure::component, std::move(n), "The first two digits are not an EIN prefix the IRS assigns.");
  return ok(std::move(n));
}
std::string ein_layout(std::string_view n) { return layout(n, {2}, "-"); }

// [SECTION] ca.bn: 9 digits with a Luhn check digit, optionally followed by a program account
// (RC, RM, RP or RT and 4 digits).
std::string bn_compact(std::string_view in) {
  std::string s = clean(in, "- ");
  strip(s);
  return s;
}
Check bn_validate(std::string_view in) {
  std::string n = bn_compact(in);
  if (n.size() != 9 && n.size() != 15)
    return fail(Failure::length, std::move(n), "A business number has 9 digits, or 15 characters with a program account.");
  if (!is_digits(n.substr(0, 9))) return fail(Failure::format, std::move(n), "A business number starts with 9 digits.");
  if (luhn_checksum(n.substr(0, 9)) != 0)
    return fail(Failure::checksum, std::move(n), "The business number Luhn check digit does not match.");
  if (n.size() == 15) {
    const std::string_view program = std::string_view(n).substr(9, 2);
    if (program != "RC" && program != "RM" && program != "RP" && program != "RT")
      return fail(Failure::component, std::move(n), "The program identifier is not RC, RM, RP or RT.");
    if (!is_digits(n.substr(11))) return fail(Failure::format, std::move(n), "The program account ends with 4 digits.");
  }
  return ok(std::move(n));
}

// [SECTION] br.cnpj: 12 letters/digits + 2 check digits, mod 11 with weights 5..2,9..2 and
// 6..2,9..2 over (ASCII code - 48), so digits keep their value (Receita Federal, IN RFB 2.229/2024).
std::string cnpj_compact(std::string_view in) { return clean_upper(in, " -./"); }
std::array<int, 2> cnpj_check_digits(std::string_view n) {
  constexpr int w1[12] = {5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  constexpr int w2[13] = {6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2};
  long s1 = 0, s2 = 0;
  for (std::size_t i = 0; i < 12; ++i) s1 += w1[i] * (n[i] - 48);
  const int d1 = static_cast<int>(py_mod(11 - s1, 11) % 10);
  for (std::size_t i = 0; i < 12; ++i) s2 += w2[i] * (n[i] - 48);
  s2 += w2[12] * d1;
  return {d1, static_cast<int>(py_mod(11 - s2, 11) % 10)};
}
Check cnpj_validate(std::string_view in) {
  std::string n = cnpj_compact(in);
  if (n.empty() || !std::all_of(n.begin(), n.end(), [](char c) { return is_alnum_upper(c); }) || n.starts_with("000000000000"))
    return fail(Failure::format, std::move(n), "A CNPJ has letters and digits only, not all zero.");
  if (n.size() != 14) return fail(Failure::length, std::move(n), "A CNPJ has 14 characters.");
  const auto d = cnpj_check_digits(n);
  if (n[12] != '0' + d[0] || n[13] != '0' + d[1])
    return fail(Failure::checksum, std::move(n), "The CNPJ check digits do not match.");
  return ok(std::move(n));
}
std::string cnpj_layout(std::string_view n) {
  return layout(n, {2, 3, 3, 4}, "../-");
}

}  // namespace

constexpr Scheme us_ein{"us.ein", "U.S. Employer Identification Number (EIN)", ein_compact, ein_validate,
                        format_valid<ein_validate, ein_layout>};
constexpr Scheme ca_bn{"ca.bn", "Canadian Business Number (BN)", bn_compact, bn_validate, format_compact<bn_validate>};
constexpr Scheme br_cnpj{"br.cnpj", "Brazilian company identifier (CNPJ)", cnpj_compact, cnpj_validate,
                         format_valid<cnpj_validate, cnpj_layout>};

}  // namespace onb::ids::detail
