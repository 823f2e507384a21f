// iban: ISO 13616. Two check digits by ISO 7064 MOD 97-10 over the rearranged number, the BBAN
// structure of the country from the SWIFT IBAN registry (compiled in, see gen_numdb.py), and the
// national account check digits python-stdnum verifies for BE, ES, ME and NO.
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/options.hpp"
#include "shared/ids/text.hpp"

#include <algorithm>

namespace onb::ids::detail {
namespace {

struct Country {
  std::string_view code;
  std::string_view name;
  std::string_view bban;  // one class per character: n digit, a upper-case letter, c letter or digit
};

constexpr Country registry[] = {
#include "shared/ids/iban_registry.inc"
};

const Country* find_country(std::string_view n) {
  if (n.size() < 2) return nullptr;
  const auto code = n.substr(0, 2);
  const auto* end = std::end(registry);
  const auto* it = std::lower_bound(std::begin(registry), end, code,
                                    [](const Country& c, std::string_view v) { return c.code < v; });
  return it != end && it->code == code ? it : nullptr;
}

bool matches(std::string_view bban, std::string_view pattern) {
  if (bban.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < bban.size(); ++i) {
    const char c = bban[i];
    const bool lower = c >= 'a' && c <= 'z';
    const bool ok = pattern[i] == 'n' ? is_digit(c) : pattern[i] == 'a' ? is_upper(c) : is_alnum_upper(c) || lower;
    if (!ok) return false;
  }
  return true;
}

// [SECTION] national account checks
// Belgium: the last two digits are the first ten mod 97 (97 for 0).
Check check_be(std::string n) {
  const long rest = static_cast<long>(to_int(n.substr(4, 10)) % 97);
  if (to_int(n.substr(14, 2)) != (rest ? rest : 97))
    return fail(Failure::checksum, std::move(n), "The Belgian account check digits do not match.");
  return ok(std::move(n));
}
// Spain: the CCC has two check digits, over "00" + bank + office and over the account number,
// each with weights 2^i mod 11.
char ccc_check(std::string_view ten) {
  long sum = 0;
  for (std::size_t i = 0; i < ten.size(); ++i) sum += digit(ten[i]) * (1L << i);
  sum %= 11;
  return static_cast<char>('0' + (sum < 2 ? sum : 11 - sum));
}
Check check_es(std::string n) {
  const std::string_view ccc = std::string_view(n).substr(4);
  if (ccc.size() != 20) return fail(Failure::length, std::move(n), "A Spanish account number (CCC) has 20 digits.");
  if (!is_digits(ccc)) return fail(Failure::format, std::move(n), "A Spanish account number (CCC) has digits only.");
  const std::string first = "00" + std::string(ccc.substr(0, 8));
  if (ccc[8] != ccc_check(first) || ccc[9] != ccc_check(ccc.substr(10)))
    return fail(Failure::checksum, std::move(n), "The Spanish CCC check digits do not match.");
  return ok(std::move(n));
}
// Montenegro: the BBAN itself is 1 mod 97.
Check check_me(std::string n) {
  if (mod_97_10_checksum(std::string_view(n).substr(4)) != 1)
    return fail(Failure::checksum, std::move(n), "The Montenegrin account check digits do not match.");
  return ok(std::move(n));
}
// Norway: 11-digit account with weights 6,7,8,9,4,5,6,7,8,9 mod 11, or after the 0000 postgiro
// bank code a 7-digit Luhn number.
Check check_no(std::string n) {
  std::string_view acc = std::string_view(n).substr(4);
  if (acc.starts_with("0000")) acc.remove_prefix(4);
  if (!is_digits(acc)) return fail(Failure::format, std::move(n), "A Norwegian account number has digits only.");
  bool valid = false;
  if (acc.size() == 7) {
    valid = luhn_checksum(acc) == 0;
  } else if (acc.size() == 11) {
    const long check = weighted_sum(acc, {6, 7, 8, 9, 4, 5, 6, 7, 8, 9}) % 11;
    valid = check < 10 && acc[10] == '0' + check;
  } else {
    return fail(Failure::length, std::move(n), "A Norwegian account number has 7 or 11 digits.");
  }
  if (!valid) return fail(Failure::checksum, std::move(n), "The Norwegian account check digit does not match.");
  return ok(std::move(n));
}

Check check_national(std::string n) {
  if (n.starts_with("BE")) return check_be(std::move(n));
  if (n.starts_with("ES")) return check_es(std::move(n));
  if (n.starts_with("ME")) return check_me(std::move(n));
  if (n.starts_with("NO")) return check_no(std::move(n));
  return ok(std::move(n));
}

// [SECTION] the scheme
std::string iban_compact(std::string_view in) { return clean_upper(in, " -."); }

Check iban_check(std::string_view in, bool check_country) {
  std::string n = iban_compact(in);
  const std::string rearranged = std::string(py_slice(n, 4)) + std::string(py_slice(n, 0, 4));
  const int rest = rearranged.empty() ? -1 : mod_97_10_checksum(rearranged);
  if (rest < 0) return fail(Failure::format, std::move(n), "An IBAN has letters and digits only.");
  if (rest != 1) return fail(Failure::checksum, std::move(n), "The IBAN check digits (ISO 7064 MOD 97-10) do not match.");
  const Country* country = find_country(n);
  if (!country) return fail(Failure::component, std::move(n), "The IBAN country is not in the IBAN registry.");
  if (!matches(py_slice(n, 4), country->bban))  // py_slice: "SE" alone passes MOD 97-10
    return fail(Failure::format, std::move(n),
                "The account part does not have the structure the registry gives for this country.");
  return check_country ? check_national(std::move(n)) : ok(std::move(n));
}
Check iban_validate(std::string_view in) { return iban_check(in, true); }

std::string iban_layout(std::string_view n) {
  std::string out;
  for (std::size_t i = 0; i < n.size(); i += 4) {
    if (i) out.push_back(' ');
    out.append(n.substr(i, 4));
  }
  return out;
}

}  // namespace

constexpr Scheme iban{"iban", "International Bank Account Number (IBAN)", iban_compact, iban_validate,
                      format_valid<iban_validate, iban_layout>};

}  // namespace onb::ids::detail

namespace onb::ids {
Check validate_iban(std::string_view input, bool check_country) { return detail::iban_check(input, check_country); }
}  // namespace onb::ids
