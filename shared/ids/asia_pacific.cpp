// Business identifiers of Asia and the Pacific: au.abn, in_.gstin, cn.uscc and jp.cn.
// Each follows the python-stdnum module of the same name.
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/text.hpp"

#include <algorithm>

namespace onb::ids::detail {
namespace {

std::string clean_strip(std::string_view in, std::string_view seps) {
  std::string s = clean(in, seps);
  strip(s);
  return s;
}

// [SECTION] au.abn: 11 digits; the first two are 11 + ((-sum(w*d) - 1) mod 89) over the other nine
// with weights 3,5,...,19 (the ATO's "subtract 1 from the first digit, weights, mod 89" rule).
std::string abn_compact(std::string_view in) { return clean_strip(in, " "); }
Check abn_validate(std::string_view in) {
  std::string n = abn_compact(in);
  if (!is_digits(n)) return fail(Failure::format, std::move(n), "An ABN has digits only.");
  if (n.size() != 11) return fail(Failure::length, std::move(n), "An ABN has 11 digits.");
  const long check = 11 + py_mod(-weighted_sum(n.substr(2), {3, 5, 7, 9, 11, 13, 15, 17, 19}) - 1, 89);
  if (to_int(n.substr(0, 2)) != check) return fail(Failure::checksum, std::move(n), "The ABN check digits do not match.");
  return ok(std::move(n));
}
std::string abn_layout(std::string_view n) {
  return layout(n, {2, 3, 3}, "   ");
}

// [SECTION] in_.gstin: state code (01-37), the holder's PAN, registration count (not 0), Z, and
// a Luhn mod 36 check character over the whole number.
constexpr std::string_view base36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
std::string gstin_compact(std::string_view in) { return clean_upper(in, " -"); }
bool gstin_shape(std::string_view n) {
  const auto all = [](std::string_view s, bool (*p)(char)) { return std::all_of(s.begin(), s.end(), p); };
  return all(n.substr(0, 2), is_digit) && all(n.substr(2, 5), is_upper) && all(n.substr(7, 4), is_digit) &&
         is_upper(n[11]) && all(n.substr(12, 3), is_alnum_upper);
}
Check gstin_validate(std::string_view in) {
  std::string n = gstin_compact(in);
  if (n.size() != 15) return fail(Failure::length, std::move(n), "A GSTIN has 15 characters.");
  if (!gstin_shape(n))
    return fail(Failure::format, std::move(n),
                "A GSTIN is 2 digits, a PAN (5 letters, 4 digits, letter) and 3 letters or digits.");
  const long state = static_cast<long>(to_int(n.substr(0, 2)));
  if (state < 1 || state > 37 || n[12] == '0' || n[13] != 'Z')
    return fail(Failure::component, std::move(n), "Unknown state code, registration count 0, or no Z in 14th place.");
  // The PAN's 4th letter is the holder type; its serial is never 0000.
  if (std::string_view("ABCFGHLJPTK").find(n[5]) == std::string_view::npos)
    return fail(Failure::component, std::move(n), "The PAN holder type is unknown.");
  if (n.substr(7, 4) == "0000") return fail(Failure::component, std::move(n), "The PAN serial number is 0000.");
  if (luhn_checksum(n, base36) != 0) return fail(Failure::checksum, std::move(n), "The GSTIN check character does not match.");
  return ok(std::move(n));
}

// [SECTION] cn.uscc: 18 characters (GB 32100-2015): 8 digits, 9 characters of the 31-letter
// alphabet (no I, O, S, V, Z), then a check character: weights 3^i mod 31, (31 - sum) mod 31.
constexpr std::string_view uscc_alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
std::string uscc_compact(std::string_view in) { return clean_upper(in, " -"); }
Check uscc_validate(std::string_view in) {
  std::string n = uscc_compact(in);
  if (n.size() != 18) return fail(Failure::length, std::move(n), "A USCC has 18 characters.");
  if (!is_digits(n.substr(0, 8)) ||
      !std::all_of(n.begin() + 8, n.end(), [](char c) { return uscc_alphabet.find(c) != std::string_view::npos; }))
    return fail(Failure::format, std::move(n), "A USCC has 8 digits then letters and digits without I, O, S, V, Z.");
  constexpr int weights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  long sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += weights[i] * static_cast<long>(uscc_alphabet.find(n[i]));
  if (n[17] != uscc_alphabet[static_cast<std::size_t>(py_mod(31 - sum, 31))])
    return fail(Failure::checksum, std::move(n), "The USCC check character does not match.");
  return ok(std::move(n));
}

// [SECTION] jp.cn: 13 digits; the first is 9 - (sum of the other twelve, weighted 1,2 from the
// right) mod 9.
std::string jpcn_compact(std::string_view in) { return clean_strip(in, "- "); }
Check jpcn_validate(std::string_view in) {
  std::string n = jpcn_compact(in);
  if (n.size() != 13) return fail(Failure::length, std::move(n), "A corporate number has 13 digits.");
  if (!is_digits(n)) return fail(Failure::format, std::move(n), "A corporate number has digits only.");
  long sum = 0;
  for (std::size_t i = 0; i < 12; ++i) sum += (i % 2 ? 2 : 1) * digit(n[12 - i]);
  if (n[0] != '0' + (9 - sum % 9))
    return fail(Failure::checksum, std::move(n), "The corporate number check digit does not match.");
  return ok(std::move(n));
}
std::string jpcn_layout(std::string_view n) {
  return layout(n, {1, 4, 4}, "---");
}

}  // namespace

constexpr Scheme au_abn{"au.abn", "Australian Business Number (ABN)", abn_compact, abn_validate,
                        format_valid<abn_validate, abn_layout>};
constexpr Scheme in_gstin{"in_.gstin", "Indian VAT number (GSTIN)", gstin_compact, gstin_validate,
                          format_compact<gstin_validate>};
constexpr Scheme cn_uscc{"cn.uscc", "Chinese Unified Social Credit Code (USCC)", uscc_compact, uscc_validate,
                         format_compact<uscc_validate>};
constexpr Scheme jp_cn{"jp.cn", "Japanese Corporate Number (法人番号)", jpcn_compact, jpcn_validate,
                       format_valid<jpcn_validate, jpcn_layout>};

}  // namespace onb::ids::detail
