// National VAT numbers of eastern member states: BG, LT, LV, RO, SK. EE, HU and PL are rows of
// eu_vat_table.cpp; CZ and the personal numbers embedded in BG, CZ, RO and SK VAT numbers are in
// eu_vat_personal.cpp.
// Each follows the python-stdnum module of the same name (rules, order of checks, failure class).
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/personal.hpp"
#include "shared/ids/text.hpp"

namespace onb::ids::detail {
namespace {

// [SECTION] bg.vat: 9 digits for companies (weights 1..8, retried with 3..10 when the sum mod 11
// is 10); 10 digits for people: an EGN, a PNF, or weights 4,3,2,7,6,5,4,3,2 mod 11.
std::string bg_compact(std::string_view in) { return compact_with(in, " -.", "BG"); }
char bg_legal_check(std::string_view eight) {
  long sum = 0;
  for (std::size_t i = 0; i < eight.size(); ++i) sum += static_cast<long>(i + 1) * digit(eight[i]);
  if (sum % 11 == 10) {
    sum = 0;
    for (std::size_t i = 0; i < eight.size(); ++i) sum += static_cast<long>(i + 3) * digit(eight[i]);
  }
  return static_cast<char>('0' + sum % 11 % 10);
}
bool bg_other_valid(std::string_view ten) {
  const long check = py_mod(11 - weighted_sum(ten, {4, 3, 2, 7, 6, 5, 4, 3, 2}), 11);
  return check < 10 && ten[9] == '0' + check;
}
Check bg_validate(std::string_view in) {
  std::string n = bg_compact(in);
  if (!is_digits(n)) return fail(Failure::format, std::move(n), "A Bulgarian VAT number has digits only.");
  if (n.size() == 9) {
    if (n[8] != bg_legal_check(n.substr(0, 8)))
      return fail(Failure::checksum, std::move(n), "The Bulgarian VAT check digit does not match.");
  } else if (n.size() == 10) {
    if (!bg_egn_valid(n) && !bg_pnf_valid(n) && !bg_other_valid(n))
      return fail(Failure::checksum, std::move(n), "The number is not a valid EGN, PNF or other Bulgarian VAT number.");
  } else {
    return fail(Failure::length, std::move(n), "A Bulgarian VAT number has 9 or 10 digits.");
  }
  return ok(std::move(n));
}

// [SECTION] lt.pvm: 9 digits (8th is 1) or 12 digits (11th is 1); weights 1..9,1.. mod 11,
// retried with weights shifted by two when the result is 10.
std::string lt_compact(std::string_view in) { return compact_with(in, " -", "LT"); }
char lt_check(std::string_view body) {
  long sum = 0;
  for (std::size_t i = 0; i < body.size(); ++i) sum += static_cast<long>(1 + i % 9) * digit(body[i]);
  if (sum % 11 == 10) {
    sum = 0;
    for (std::size_t i = 0; i < body.size(); ++i) sum += static_cast<long>(1 + (i + 2) % 9) * digit(body[i]);
  }
  return static_cast<char>('0' + sum % 11 % 10);
}
Check lt_validate(std::string_view in) {
  std::string n = lt_compact(in);
  if (!is_digits(n)) return fail(Failure::format, std::move(n), "A Lithuanian PVM code has digits only.");
  if (n.size() == 9) {
    if (n[7] != '1')
      return fail(Failure::component, std::move(n), "The 8th digit of a Lithuanian PVM code for a legal entity is 1.");
  } else if (n.size() == 12) {
    if (n[10] != '1') return fail(Failure::component, std::move(n), "The 11th digit of a 12-digit Lithuanian PVM code is 1.");
  } else {
    return fail(Failure::length, std::move(n), "A Lithuanian PVM code has 9 or 12 digits.");
  }
  if (n.back() != lt_check(std::string_view(n).substr(0, n.size() - 1)))
    return fail(Failure::checksum, std::move(n), "The Lithuanian PVM check digit does not match.");
  return ok(std::move(n));
}

// [SECTION] lv.pvn: 11 digits. First digit > 3: legal entity, weights 9,1,4,8,3,10,2,5,7,6,1 sum
// to 3 mod 11. Otherwise a personal code: ddmmyy + century digit (or, python-stdnum HEAD, "32"
// codes without a birth date, issued since July 2017) with check 1 + sum(10,5,8,4,2,1,6,3,7,9).
std::string lv_compact(std::string_view in) { return compact_with(in, " -", "LV"); }
bool lv_personal_check(std::string_view n) {
  const long check = (1 + weighted_sum(n, {10, 5, 8, 4, 2, 1, 6, 3, 7, 9})) % 11 % 10;
  return n[10] == '0' + check;
}
Check lv_validate(std::string_view in) {
  std::string n = lv_compact(in);
  if (!is_digits(n)) return fail(Failure::format, std::move(n), "A Latvian PVN has digits only.");
  if (n.size() != 11) return fail(Failure::length, std::move(n), "A Latvian PVN has 11 digits.");
  if (n[0] > '3') {
    if (weighted_sum(n, {9, 1, 4, 8, 3, 10, 2, 5, 7, 6, 1}) % 11 != 3)
      return fail(Failure::checksum, std::move(n), "The Latvian PVN check digit does not match.");
    return ok(std::move(n));
  }
  if (!n.starts_with("32")) {
    const int year = static_cast<int>(to_int(n.substr(4, 2))) + 1800 + digit(n[6]) * 100;
    if (!is_valid_date(year, static_cast<int>(to_int(n.substr(2, 2))), static_cast<int>(to_int(n.substr(0, 2)))))
      return fail(Failure::component, std::move(n), "The birth date in the Latvian personal code is not a real date.");
  }
  if (!lv_personal_check(n)) return fail(Failure::checksum, std::move(n), "The Latvian personal code check digit does not match.");
  return ok(std::move(n));
}

// [SECTION] ro.cf: a CUI (2-10 digits, weights 7,5,3,2,1,7,5,3,2 right-aligned, x10 mod 11 mod 10)
// or a 13-digit CNP. The RO prefix is kept in the compact form; a second RO is rejected (HEAD).
std::string ro_compact(std::string_view in) { return clean_upper(in, " -"); }
Check ro_cui(std::string_view n, std::string compact) {
  if (!is_digits(n) || n[0] == '0')
    return fail(Failure::format, std::move(compact), "A Romanian CUI has digits only and does not start with 0.");
  if (n.size() < 2 || n.size() > 10)
    return fail(Failure::length, std::move(compact), "A Romanian CUI has 2 to 10 digits.");
  const std::string body = zfill(n.substr(0, n.size() - 1), 9);
  const long check = 10 * weighted_sum(body, {7, 5, 3, 2, 1, 7, 5, 3, 2}) % 11 % 10;
  if (n.back() != '0' + check)
    return fail(Failure::checksum, std::move(compact), "The Romanian CUI check digit does not match.");
  return ok(std::move(compact));
}
Check ro_validate(std::string_view in) {
  std::string n = ro_compact(in);
  // The national part is trimmed again ("RO\t123..."), as stdnum's cui/cnp compact() do.
  std::string number = n.starts_with("RO") ? n.substr(2) : n;
  strip(number);
  if (number.size() == 13) return rebase(ro_cnp_validate(number), n);
  if (number.size() >= 2 && number.size() <= 10) return ro_cui(number, n);
  return fail(Failure::length, std::move(n), "A Romanian VAT number has 2 to 10 digits, or 13 for a CNP.");
}

// [SECTION] sk.dph: 10 digits; either a valid birth number (RČ) or: no leading 0, third digit
// in 2,3,4,7,8,9 and the whole number divisible by 11.
std::string sk_compact(std::string_view in) { return compact_with(in, " -", "SK"); }
Check sk_validate(std::string_view in) {
  std::string n = sk_compact(in);
  if (!is_digits(n)) return fail(Failure::format, std::move(n), "A Slovak IČ DPH has digits only.");
  if (n.size() != 10) return fail(Failure::length, std::move(n), "A Slovak IČ DPH has 10 digits.");
  if (cz_rc_validate(n).valid) return ok(std::move(n));
  if (n[0] == '0' || std::string_view("234789").find(n[2]) == std::string_view::npos)
    return fail(Failure::format, std::move(n), "A Slovak IČ DPH does not start with 0 and has 2, 3, 4, 7, 8 or 9 in third place.");
  if (to_int(n) % 11 != 0) return fail(Failure::checksum, std::move(n), "A Slovak IČ DPH is divisible by 11.");
  return ok(std::move(n));
}

}  // namespace

constexpr Scheme bg_vat{"bg.vat", "Bulgarian VAT number", bg_compact, bg_validate, format_compact<bg_validate>};
constexpr Scheme lt_pvm{"lt.pvm", "Lithuanian VAT number (PVM)", lt_compact, lt_validate, format_compact<lt_validate>};
constexpr Scheme lv_pvn{"lv.pvn", "Latvian VAT number (PVN)", lv_compact, lv_validate, format_compact<lv_validate>};
constexpr Scheme ro_cf{"ro.cf", "Romanian VAT number (CF)", ro_compact, ro_validate, format_compact<ro_validate>};
constexpr Scheme sk_dph{"sk.dph", "Slovak VAT number (IČ DPH)", sk_compact, sk_validate, format_compact<sk_validate>};

}  // namespace onb::ids::detail
