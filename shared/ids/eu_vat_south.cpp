// National VAT numbers of southern member states: CY, ES, GR (EL), HR, IT, MT, PT, SI.
// Each follows the python-stdnum module of the same name (rules, order of checks, failure class).
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/text.hpp"

namespace onb::ids::detail {
namespace {

std::string compact_with(std::string_view in, std::string_view seps, std::string_view prefix) {
  std::string s = clean_upper(in, seps);
  drop_prefix(s, prefix);
  return s;
}

// [SECTION] cy.vat: 8 digits + check letter; digits in even places are mapped through a fixed
// table, odd places count as themselves, sum mod 26 gives the letter. Never starts with 12.
std::string cy_compact(std::string_view in) { return compact_with(in, " -", "CY"); }
char cy_check_letter(std::string_view eight) {
  constexpr int even_value[10] = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21};
  int sum = 0;
  for (std::size_t i = 0; i < eight.size(); ++i) sum += i % 2 == 0 ? even_value[digit(eight[i])] : digit(eight[i]);
  return static_cast<char>('A' + sum % 26);
}
Check cy_validate(std::string_view in) {
  std::string n = cy_compact(in);
  if (!is_digits(py_slice(n, 0, -1)))
    return fail(Failure::format, std::move(n), "A Cypriot VAT number has 8 digits and a letter.");
  if (n.size() != 9) return fail(Failure::length, std::move(n), "A Cypriot VAT number has 9 characters.");
  if (n.starts_with("12")) return fail(Failure::component, std::move(n), "A Cypriot VAT number cannot start with 12.");
  if (n[8] != cy_check_letter(n.substr(0, 8)))
    return fail(Failure::checksum, std::move(n), "The Cypriot VAT check letter does not match.");
  return ok(std::move(n));
}

// [SECTION] es.nif: DNI (8 digits + letter, number mod 23), NIE (X/Y/Z = 0/1/2 + DNI rule),
// K/L/M (DNI rule over the 7 digits) or CIF (organisation letter + 7 digits + Luhn digit or letter).
constexpr std::string_view dni_letters = "TRWAGMYFPDXBNJZSQVHLCKE";
std::string es_compact(std::string_view in) { return compact_with(in, " -", "ES"); }
char dni_letter(std::string_view digits) { return dni_letters[static_cast<std::size_t>(to_int(digits) % 23)]; }
Check es_cif(std::string n) {
  if (std::string_view("ABCDEFGHJNPQRSUVW").find(n[0]) == std::string_view::npos)
    return fail(Failure::format, std::move(n), "A Spanish CIF starts with an organisation-type letter.");
  const char check = luhn_check_digit(n.substr(1, 7));
  if (n[8] != check && n[8] != "JABCDEFGHI"[digit(check)])
    return fail(Failure::checksum, std::move(n), "The Spanish CIF check character does not match.");
  return ok(std::move(n));
}
Check es_validate(std::string_view in) {
  std::string n = es_compact(in);
  if (!is_digits(py_slice(n, 1, -1)))
    return fail(Failure::format, std::move(n), "A Spanish NIF has 7 digits between a leading and a trailing character.");
  if (n.size() != 9) return fail(Failure::length, std::move(n), "A Spanish NIF has 9 characters.");
  const char first = n[0];
  if (first == 'K' || first == 'L' || first == 'M') {
    if (n[8] != dni_letter(n.substr(1, 7)))
      return fail(Failure::checksum, std::move(n), "The Spanish NIF check letter does not match.");
  } else if (is_digit(first)) {
    if (n[8] != dni_letter(n.substr(0, 8)))
      return fail(Failure::checksum, std::move(n), "The Spanish DNI check letter does not match.");
  } else if (first == 'X' || first == 'Y' || first == 'Z') {
    const std::string digits = std::string(1, static_cast<char>('0' + (first - 'X'))) + n.substr(1, 7);
    if (n[8] != dni_letter(digits)) return fail(Failure::checksum, std::move(n), "The Spanish NIE check letter does not match.");
  } else {
    return es_cif(std::move(n));
  }
  return ok(std::move(n));
}

// [SECTION] gr.vat: 9 digits (old 8-digit numbers get a leading 0); the check digit is
// sum(d_i * 2^(8-i)) mod 11 mod 10. Prefix EL (VAT) or GR (ISO).
std::string gr_compact(std::string_view in) {
  std::string s = clean_upper(in, " -./:");
  if (s.starts_with("EL") || s.starts_with("GR")) s.erase(0, 2);
  if (s.size() == 8) s.insert(0, 1, '0');
  return s;
}
Check gr_validate(std::string_view in) {
  std::string n = gr_compact(in);
  if (!is_digits(n)) return fail(Failure::format, std::move(n), "A Greek VAT number has digits only.");
  if (n.size() != 9) return fail(Failure::length, std::move(n), "A Greek VAT number has 9 digits.");
  long sum = 0;
  for (std::size_t i = 0; i < 8; ++i) sum = sum * 2 + digit(n[i]);
  if (n[8] != '0' + sum * 2 % 11 % 10) return fail(Failure::checksum, std::move(n), "The Greek VAT check digit does not match.");
  return ok(std::move(n));
}

// [SECTION] hr.oib: 11 digits, ISO 7064 MOD 11,10.
std::string hr_compact(std::string_view in) { return compact_with(in, " -", "HR"); }
Check hr_validate(std::string_view in) {
  std::string n = hr_compact(in);
  if (!is_digits(n)) return fail(Failure::format, std::move(n), "A Croatian OIB has digits only.");
  if (n.size() != 11) return fail(Failure::length, std::move(n), "A Croatian OIB has 11 digits.");
  if (mod_11_10_checksum(n) != 1)
    return fail(Failure::checksum, std::move(n), "The ISO 7064 MOD 11,10 check digit does not match.");
  return ok(std::move(n));
}

// [SECTION] it.iva: 11 digits: 7 of company, 3 of province office (001-100, 120, 121, 888, 999),
// Luhn check digit.
std::string it_compact(std::string_view in) { return compact_with(in, " -:", "IT"); }
bool it_office_known(std::string_view o) {
  return (o >= "001" && o <= "100") || o == "120" || o == "121" || o == "888" || o == "999";
}
Check it_validate(std::string_view in) {
  std::string n = it_compact(in);
  if (!is_digits(n) || to_int(py_slice(n, 0, 7)) == 0)
    return fail(Failure::format, std::move(n), "An Italian partita IVA has digits only, not starting with 7 zeros.");
  if (n.size() != 11) return fail(Failure::length, std::move(n), "An Italian partita IVA has 11 digits.");
  if (!it_office_known(n.substr(7, 3)))
    return fail(Failure::component, std::move(n), "Digits 8-10 are not a known Italian tax office.");
  if (luhn_checksum(n) != 0) return fail(Failure::checksum, std::move(n), "The Luhn check digit does not match.");
  return ok(std::move(n));
}

// [SECTION] mt.vat: 8 digits, weights 3,4,6,7,8,9,10,1 sum to 0 mod 37.
std::string mt_compact(std::string_view in) { return compact_with(in, " -", "MT"); }
Check mt_validate(std::string_view in) {
  std::string n = mt_compact(in);
  if (!is_digits(n) || n[0] == '0')
    return fail(Failure::format, std::move(n), "A Maltese VAT number has digits only and does not start with 0.");
  if (n.size() != 8) return fail(Failure::length, std::move(n), "A Maltese VAT number has 8 digits.");
  if (weighted_sum(n, {3, 4, 6, 7, 8, 9, 10, 1}) % 37 != 0)
    return fail(Failure::checksum, std::move(n), "The Maltese mod 37 check does not match.");
  return ok(std::move(n));
}

// [SECTION] pt.nif: 9 digits, weights 9..2, check digit (11 - sum mod 11) mod 11 mod 10.
std::string pt_compact(std::string_view in) { return compact_with(in, " -.", "PT"); }
Check pt_validate(std::string_view in) {
  std::string n = pt_compact(in);
  if (!is_digits(n) || n[0] == '0')
    return fail(Failure::format, std::move(n), "A Portuguese NIF has digits only and does not start with 0.");
  if (n.size() != 9) return fail(Failure::length, std::move(n), "A Portuguese NIF has 9 digits.");
  const long check = py_mod(11 - weighted_sum(n, {9, 8, 7, 6, 5, 4, 3, 2}), 11) % 10;
  if (n[8] != '0' + check) return fail(Failure::checksum, std::move(n), "The Portuguese NIF check digit does not match.");
  return ok(std::move(n));
}

// [SECTION] si.ddv: 8 digits, weights 8..2, check 11 - sum mod 11 (10 -> 0, 11 never valid).
std::string si_compact(std::string_view in) { return compact_with(in, " -", "SI"); }
Check si_validate(std::string_view in) {
  std::string n = si_compact(in);
  if (!is_digits(n) || n[0] == '0')
    return fail(Failure::format, std::move(n), "A Slovenian DDV number has digits only and does not start with 0.");
  if (n.size() != 8) return fail(Failure::length, std::move(n), "A Slovenian DDV number has 8 digits.");
  const long check = 11 - weighted_sum(n, {8, 7, 6, 5, 4, 3, 2}) % 11;
  if (check == 11 || n[7] != '0' + check % 10)
    return fail(Failure::checksum, std::move(n), "The Slovenian DDV check digit does not match.");
  return ok(std::move(n));
}

}  // namespace

constexpr Scheme cy_vat{"cy.vat", "Cypriot VAT number", cy_compact, cy_validate, format_compact<cy_validate>};
constexpr Scheme es_nif{"es.nif", "Spanish VAT number (NIF)", es_compact, es_validate, format_compact<es_validate>};
constexpr Scheme gr_vat{"gr.vat", "Greek VAT number (ΑΦΜ)", gr_compact, gr_validate, format_compact<gr_validate>};
constexpr Scheme hr_oib{"hr.oib", "Croatian identification number (OIB)", hr_compact, hr_validate,
                        format_compact<hr_validate>};
constexpr Scheme it_iva{"it.iva", "Italian VAT number (partita IVA)", it_compact, it_validate,
                        format_compact<it_validate>};
constexpr Scheme mt_vat{"mt.vat", "Maltese VAT number", mt_compact, mt_validate, format_compact<mt_validate>};
constexpr Scheme pt_nif{"pt.nif", "Portuguese VAT number (NIF)", pt_compact, pt_validate, format_compact<pt_validate>};
constexpr Scheme si_ddv{"si.ddv", "Slovenian VAT number (ID za DDV)", si_compact, si_validate,
                        format_compact<si_validate>};

}  // namespace onb::ids::detail
