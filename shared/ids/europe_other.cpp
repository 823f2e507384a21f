// VAT numbers of European countries outside the EU: gb.vat (also used for XI, Northern Ireland,
// by eu.vat), ch.uid and no.mva. Each follows the python-stdnum module of the same name.
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/text.hpp"

namespace onb::ids::detail {
namespace {

// [SECTION] gb.vat: 9 digits (12 for a branch), weights 8,7,6,5,4,3,2,10,1 mod 97 must be 0, or
// 42/55 for numbers from 100 on (the 1990s and 2010s series); GD/HA + 3 digits for government
// departments (< 500) and health authorities (>= 500).
std::string gb_compact(std::string_view in) {
  std::string s = clean_upper(in, " -.");
  if (s.starts_with("GB") || s.starts_with("XI")) s.erase(0, 2);
  return s;
}
bool gb_authority_ok(std::string_view kind, long number) {
  return (kind == "GD" && number < 500) || (kind == "HA" && number >= 500);
}
Check gb_validate_short(std::string n) {
  if (!is_digits(n.substr(2))) return fail(Failure::format, std::move(n), "A UK government VAT number is GD or HA and 3 digits.");
  if (!gb_authority_ok(n.substr(0, 2), static_cast<long>(to_int(n.substr(2)))))
    return fail(Failure::component, std::move(n), "GD numbers are below 500, HA numbers 500 or above.");
  return ok(std::move(n));
}
Check gb_validate_authority(std::string n) {
  if (!is_digits(n.substr(6)))
    return fail(Failure::format, std::move(n), "A UK government VAT number is GD8888 or HA8888 and 5 digits.");
  const long number = static_cast<long>(to_int(n.substr(6, 3)));
  if (!gb_authority_ok(n.substr(0, 2), number))
    return fail(Failure::component, std::move(n), "GD numbers are below 500, HA numbers 500 or above.");
  if (number % 97 != to_int(n.substr(9, 2)))
    return fail(Failure::checksum, std::move(n), "The last two digits are not the number mod 97.");
  return ok(std::move(n));
}
Check gb_validate(std::string_view in) {
  std::string n = gb_compact(in);
  if (n.size() == 5) return gb_validate_short(std::move(n));
  if (n.size() == 11 && (n.starts_with("GD8888") || n.starts_with("HA8888")))
    return gb_validate_authority(std::move(n));
  if (n.size() != 9 && n.size() != 12)
    return fail(Failure::length, std::move(n), "A UK VAT number has 9 or 12 digits (5 for GD/HA).");
  if (!is_digits(n)) return fail(Failure::format, std::move(n), "A UK VAT number has digits only.");
  const long sum = weighted_sum(n, {8, 7, 6, 5, 4, 3, 2, 10, 1}) % 97;
  const bool ok_sum = to_int(n.substr(0, 3)) >= 100 ? (sum == 0 || sum == 42 || sum == 55) : sum == 0;
  if (!ok_sum) return fail(Failure::checksum, std::move(n), "The UK VAT mod 97 check does not match.");
  return ok(std::move(n));
}
std::string gb_layout(std::string_view n) {
  if (n.size() == 5) return std::string(n);
  // As python-stdnum: the branch (12 digits) last; an 11-character GD8888/HA8888 number shows 9.
  return layout(n.substr(0, n.size() == 12 ? 12 : 9), {3, 4, 2}, "   ");
}

// [SECTION] ch.uid: CHE + 9 digits, weights 5,4,3,2,7,6,5,4 and check (11 - sum) mod 11 (10 never
// valid). python-stdnum HEAD adds the CHE prefix to 9 bare digits.
std::string ch_compact(std::string_view in) {
  std::string s = clean_upper(in, " -.");
  if (s.size() == 9 && is_digits(s)) s.insert(0, "CHE");
  return s;
}
Check ch_validate(std::string_view in) {
  std::string n = ch_compact(in);
  if (n.size() != 12) return fail(Failure::length, std::move(n), "A Swiss UID has CHE and 9 digits.");
  if (!n.starts_with("CHE")) return fail(Failure::component, std::move(n), "A Swiss UID starts with CHE.");
  if (!is_digits(n.substr(3))) return fail(Failure::format, std::move(n), "A Swiss UID has 9 digits after CHE.");
  const long check = py_mod(11 - weighted_sum(n.substr(3), {5, 4, 3, 2, 7, 6, 5, 4}), 11);
  if (check == 10 || n[11] != '0' + check)
    return fail(Failure::checksum, std::move(n), "The Swiss UID check digit does not match.");
  return ok(std::move(n));
}
std::string ch_layout(std::string_view n) {
  return layout(n, {3, 3, 3}, "-..");
}

// [SECTION] no.mva: the 9-digit organisation number (weights 3,2,7,6,5,4,3,2,1 sum to 0 mod 11)
// followed by MVA.
std::string no_compact(std::string_view in) { return compact_with(in, " ", "NO"); }
Check no_validate(std::string_view in) {
  std::string n = no_compact(in);
  if (!n.ends_with("MVA")) return fail(Failure::format, std::move(n), "A Norwegian MVA number ends with MVA.");
  std::string org = n.substr(0, n.size() - 3);
  strip(org);
  if (!is_digits(org))
    return fail(Failure::format, std::move(n), "A Norwegian MVA number has the 9-digit organisation number before MVA.");
  if (org.size() != 9) return fail(Failure::length, std::move(n), "A Norwegian organisation number has 9 digits.");
  if (weighted_sum(org, {3, 2, 7, 6, 5, 4, 3, 2, 1}) % 11 != 0)
    return fail(Failure::checksum, std::move(n), "The organisation number check digit does not match.");
  return ok(std::move(n));
}
std::string no_layout(std::string_view n) {
  return "NO " + layout(n, {3, 3, 3}, "   ");
}

}  // namespace

constexpr Scheme gb_vat{"gb.vat", "United Kingdom (and Isle of Man) VAT number", gb_compact, gb_validate,
                        format_valid<gb_validate, gb_layout>};
constexpr Scheme ch_uid{"ch.uid", "Swiss business identifier (UID)", ch_compact, ch_validate,
                        format_valid<ch_validate, ch_layout>};
constexpr Scheme no_mva{"no.mva", "Norwegian VAT number (MVA)", no_compact, no_validate,
                        format_valid<no_validate, no_layout>};

}  // namespace onb::ids::detail
