// The national VAT rules that share one shape, as data: clean and drop the prefix, digits only (some
// not starting with 0), one length, then check digits derived from the digits by a weighted sum or an
// ISO 7064 system. One generic checker reads a row; rules of another shape (alternative lengths,
// letters, embedded personal numbers, components) stay functions in eu_vat_west/south/east.cpp.
// Each row follows the python-stdnum module of the same name (order of checks, failure class).
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/text.hpp"

#include <array>

namespace onb::ids::detail {
namespace {

// How the check digits follow from the others. Σ is the weighted sum of the digits (weights past the
// row's list count 0), N the row's modulus, "last" the last digit.
enum class Derive {
  zero_sum,            // Σ over every digit, check digit included, is 0 mod N (Python's %, never negative)
  remainder,           // last = Σ mod N mod 10
  complement,          // last = (N − Σ) mod N mod 10
  complement_nonzero,  // last = (N − Σ mod N) mod 10, and Σ mod N = 0 is never valid
  number_remainder,    // the last two digits = (the number the others form) mod N
  iso7064_mod_11_10,   // ISO 7064 MOD 11,10 over every digit is 1
};

struct DigitRule {
  std::string_view name;  // the scheme's name, as python-stdnum's module
  std::string_view title;
  std::string_view separators;  // dropped by compact(), as the module's compact()
  std::string_view prefix;      // the country prefix compact() drops
  std::size_t length;
  bool no_leading_zero;
  Derive derive;
  int modulus;
  std::array<int, 10> weights;
  Message format, wrong_length, checksum;
  std::string (*compact)(std::string_view) = nullptr;  // when compact() does more than drop the prefix
  std::string (*layout)(std::string_view) = nullptr;   // the display form, when it is not the compact form
};

// gr.vat: EL (VAT) or GR (ISO) prefix; numbers of the old 8-digit series get a leading 0.
std::string gr_compact(std::string_view in) {
  std::string s = clean_upper(in, " -./:");
  if (s.starts_with("EL") || s.starts_with("GR")) s.erase(0, 2);
  if (s.size() == 8) s.insert(0, 1, '0');
  return s;
}

std::string pl_layout(std::string_view n) { return layout(n, {3, 3, 2}, "---"); }

using enum Derive;
constexpr DigitRule k_rules[] = {
    {"de.vat", "German VAT number (USt-IdNr.)", " -./,", "DE", 9, true, iso7064_mod_11_10, 11, {},
     "A German USt-IdNr. has digits only and does not start with 0.", "A German USt-IdNr. has 9 digits.",
     "The ISO 7064 MOD 11,10 check digit does not match."},
    {"dk.cvr", "Danish VAT number (CVR)", " -.,/:", "DK", 8, true, zero_sum, 11, {2, 7, 6, 5, 4, 3, 2, 1},
     "A Danish CVR has digits only and does not start with 0.", "A Danish CVR has 8 digits.",
     "The Danish CVR mod 11 check does not match."},
    {"ee.kmkr", "Estonian VAT number (KMKR)", " ", "EE", 9, false, zero_sum, 10, {3, 7, 1, 3, 7, 1, 3, 7, 1},
     "An Estonian KMKR number has digits only.", "An Estonian KMKR number has 9 digits.",
     "The Estonian KMKR check digit does not match."},
    {"fi.alv", "Finnish VAT number (ALV)", " -", "FI", 8, false, zero_sum, 11, {7, 9, 10, 5, 8, 4, 2, 1},
     "A Finnish ALV number has digits only.", "A Finnish ALV number has 8 digits.",
     "The Finnish mod 11 check does not match."},
    {"gr.vat", "Greek VAT number (ΑΦΜ)", " -./:", "", 9, false, remainder, 11, {256, 128, 64, 32, 16, 8, 4, 2},
     "A Greek VAT number has digits only.", "A Greek VAT number has 9 digits.",
     "The Greek VAT check digit does not match.", gr_compact},
    {"hr.oib", "Croatian identification number (OIB)", " -", "HR", 11, false, iso7064_mod_11_10, 11, {},
     "A Croatian OIB has digits only.", "A Croatian OIB has 11 digits.",
     "The ISO 7064 MOD 11,10 check digit does not match."},
    {"hu.anum", "Hungarian VAT number (ANUM)", " -", "HU", 8, false, zero_sum, 10, {9, 7, 3, 1, 9, 7, 3, 1},
     "A Hungarian ANUM has digits only.", "A Hungarian ANUM has 8 digits.",
     "The Hungarian ANUM check digit does not match."},
    {"lu.tva", "Luxembourg VAT number (TVA)", " :.-", "LU", 8, false, number_remainder, 89, {},
     "A Luxembourg TVA number has digits only.", "A Luxembourg TVA number has 8 digits.",
     "The Luxembourg mod 89 check digits do not match."},
    {"mt.vat", "Maltese VAT number", " -", "MT", 8, true, zero_sum, 37, {3, 4, 6, 7, 8, 9, 10, 1},
     "A Maltese VAT number has digits only and does not start with 0.", "A Maltese VAT number has 8 digits.",
     "The Maltese mod 37 check does not match."},
    {"pl.nip", "Polish VAT number (NIP)", " -", "PL", 10, false, zero_sum, 11, {6, 5, 7, 2, 3, 4, 5, 6, 7, -1},
     "A Polish NIP has digits only.", "A Polish NIP has 10 digits.", "The Polish NIP check digit does not match.",
     nullptr, pl_layout},
    {"pt.nif", "Portuguese VAT number (NIF)", " -.", "PT", 9, true, complement, 11, {9, 8, 7, 6, 5, 4, 3, 2},
     "A Portuguese NIF has digits only and does not start with 0.", "A Portuguese NIF has 9 digits.",
     "The Portuguese NIF check digit does not match."},
    {"si.ddv", "Slovenian VAT number (ID za DDV)", " -", "SI", 8, true, complement_nonzero, 11,
     {8, 7, 6, 5, 4, 3, 2}, "A Slovenian DDV number has digits only and does not start with 0.",
     "A Slovenian DDV number has 8 digits.", "The Slovenian DDV check digit does not match."},
};

consteval std::size_t row(std::string_view name) {
  for (std::size_t i = 0; i < std::size(k_rules); ++i)
    if (k_rules[i].name == name) return i;
  throw "no such row in k_rules";
}

long weighted(const DigitRule& r, std::string_view digits) {
  long sum = 0;
  for (std::size_t i = 0; i < digits.size() && i < r.weights.size(); ++i) sum += r.weights[i] * digit(digits[i]);
  return sum;
}

bool check_digits_match(const DigitRule& r, std::string_view n) {
  const long last = digit(n.back());
  switch (r.derive) {
    case zero_sum: return py_mod(weighted(r, n), r.modulus) == 0;
    case remainder: return last == weighted(r, n) % r.modulus % 10;
    case complement: return last == py_mod(r.modulus - weighted(r, n), r.modulus) % 10;
    case complement_nonzero: {
      const long rest = weighted(r, n) % r.modulus;
      return rest != 0 && last == (r.modulus - rest) % 10;
    }
    case number_remainder: return to_int(n.substr(0, n.size() - 2)) % r.modulus == to_int(n.substr(n.size() - 2));
    case iso7064_mod_11_10: return mod_11_10_checksum(n) == 1;
  }
  return false;
}

template <std::size_t I>
std::string rule_compact(std::string_view in) {
  constexpr const DigitRule& r = k_rules[I];
  if constexpr (r.compact != nullptr) return r.compact(in);
  return compact_with(in, r.separators, r.prefix);
}

template <std::size_t I>
Check rule_validate(std::string_view in) {
  constexpr const DigitRule& r = k_rules[I];
  std::string n = rule_compact<I>(in);
  if (!is_digits(n) || (r.no_leading_zero && n[0] == '0')) return fail(Failure::format, std::move(n), r.format);
  if (n.size() != r.length) return fail(Failure::length, std::move(n), r.wrong_length);
  if (!check_digits_match(r, n)) return fail(Failure::checksum, std::move(n), r.checksum);
  return ok(std::move(n));
}

template <std::size_t I>
std::string rule_format(std::string_view in) {
  constexpr const DigitRule& r = k_rules[I];
  if constexpr (r.layout != nullptr) return format_valid<rule_validate<I>, r.layout>(in);
  return format_compact<rule_validate<I>>(in);
}

template <std::size_t I>
constexpr Scheme scheme_of() {
  return {k_rules[I].name, k_rules[I].title, rule_compact<I>, rule_validate<I>, rule_format<I>};
}

}  // namespace

constexpr Scheme de_vat = scheme_of<row("de.vat")>();
constexpr Scheme dk_cvr = scheme_of<row("dk.cvr")>();
constexpr Scheme ee_kmkr = scheme_of<row("ee.kmkr")>();
constexpr Scheme fi_alv = scheme_of<row("fi.alv")>();
constexpr Scheme gr_vat = scheme_of<row("gr.vat")>();
constexpr Scheme hr_oib = scheme_of<row("hr.oib")>();
constexpr Scheme hu_anum = scheme_of<row("hu.anum")>();
constexpr Scheme lu_tva = scheme_of<row("lu.tva")>();
constexpr Scheme mt_vat = scheme_of<row("mt.vat")>();
constexpr Scheme pl_nip = scheme_of<row("pl.nip")>();
constexpr Scheme pt_nif = scheme_of<row("pt.nif")>();
constexpr Scheme si_ddv = scheme_of<row("si.ddv")>();

}  // namespace onb::ids::detail
