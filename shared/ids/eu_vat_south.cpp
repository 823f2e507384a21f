// National VAT numbers of southern member states: CY, ES, IT (GR, HR, MT, PT and SI
// are rows of eu_vat_table.cpp).
// Each follows the python-stdnum module of the same name (rules, order of checks, failure class).
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/text.hpp"

namespace onb::ids::detail {
namespace {

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

}  // namespace

constexpr Scheme cy_vat{"cy.vat", "Cypriot VAT number", cy_compact, cy_validate, format_compact<cy_validate>};
constexpr Scheme es_nif{"es.nif", "Spanish VAT number (NIF)", es_compact, es_validate, format_compact<es_validate>};
constexpr Scheme it_iva{"it.iva", "Italian VAT number (partita IVA)", it_compact, it_validate,
                        format_compact<it_validate>};

}  // namespace onb::ids::detail
