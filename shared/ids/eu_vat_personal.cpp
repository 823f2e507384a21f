// cz.dic and the personal numbers embedded in BG, CZ, RO and SK VAT numbers: each checks a birth
// date (as python-stdnum: a real calendar day, not compared with today) and a weighted check digit.
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/personal.hpp"
#include "shared/ids/text.hpp"

namespace onb::ids::detail {
namespace {

int two(std::string_view n, std::size_t at) { return static_cast<int>(to_int(n.substr(at, 2))); }

// The RČ birth date: yymmdd, women +50 on the month, +20 when the serial overflowed (2004 on).
// Nine-digit numbers were issued until 1953, ten-digit ones from 1954.
struct RcDate {
  Failure failure = Failure::none;
  int year = 0, month = 0, day = 0;
};
RcDate rc_birth_date(std::string_view n) {
  RcDate d{Failure::none, 1900 + two(n, 0), two(n, 2) % 50 % 20, two(n, 4)};
  if (n.size() == 9) {
    if (d.year >= 1980) d.year -= 100;
    if (d.year > 1953) d.failure = Failure::length;
  } else if (d.year < 1954) {
    d.year += 100;
  }
  if (d.failure == Failure::none && !is_valid_date(d.year, d.month, d.day)) d.failure = Failure::component;
  return d;
}

// [SECTION] cz.dic: 8 digits for companies (weights 8..2 mod 11; never starts with 9), 9 digits
// starting with 6 for people without an RČ, otherwise the 9/10-digit RČ itself.
std::string cz_compact(std::string_view in) { return compact_with(in, " /", "CZ"); }
char cz_legal_check(std::string_view seven) {
  long sum = 0;
  for (std::size_t i = 0; i < seven.size(); ++i) sum += static_cast<long>(8 - i) * digit(seven[i]);
  const long check = py_mod(11 - sum, 11);
  return static_cast<char>('0' + (check ? check : 1) % 10);
}
char cz_special_check(std::string_view seven) {
  long sum = 0;
  for (std::size_t i = 0; i < seven.size(); ++i) sum += static_cast<long>(8 - i) * digit(seven[i]);
  return static_cast<char>('0' + py_mod(8 - py_mod(10 - sum % 11, 11), 10));
}
Check cz_validate(std::string_view in) {
  std::string n = cz_compact(in);
  if (!is_digits(n)) return fail(Failure::format, std::move(n), "A Czech DIČ has digits only.");
  if (n.size() == 8) {
    if (n[0] == '9') return fail(Failure::component, std::move(n), "An 8-digit Czech DIČ does not start with 9.");
    if (n[7] != cz_legal_check(n.substr(0, 7)))
      return fail(Failure::checksum, std::move(n), "The Czech DIČ check digit does not match.");
    return ok(std::move(n));
  }
  if (n.size() == 9 && n[0] == '6') {
    if (n[8] != cz_special_check(n.substr(1, 7)))
      return fail(Failure::checksum, std::move(n), "The Czech DIČ check digit does not match.");
    return ok(std::move(n));
  }
  if (n.size() == 9 || n.size() == 10) return rebase(cz_rc_validate(n), n);
  return fail(Failure::length, std::move(n), "A Czech DIČ has 8, 9 or 10 digits.");
}

}  // namespace

Check cz_rc_validate(std::string_view n) {
  std::string s(n);
  if (!is_digits(n)) return fail(Failure::format, s, "A birth number has digits only.");
  if (n.size() != 9 && n.size() != 10) return fail(Failure::length, s, "A birth number has 9 or 10 digits.");
  const RcDate d = rc_birth_date(n);
  if (d.failure == Failure::length) return fail(d.failure, s, "Nine-digit birth numbers were issued until 1953.");
  if (d.failure != Failure::none) return fail(d.failure, s, "The birth date in the birth number is not a real date.");
  if (n.size() == 10) {
    long check = static_cast<long>(to_int(n.substr(0, 9)) % 11);
    if (d.year < 1985) check %= 10;  // before 1985 a remainder of 10 was written as 0
    if (check == 10 || n[9] != '0' + check)
      return fail(Failure::checksum, s, "The birth number check digit does not match.");
  }
  return ok(std::move(s));
}

bool bg_egn_valid(std::string_view n) {
  if (!is_digits(n) || n.size() != 10) return false;
  int year = two(n, 0) + 1900, month = two(n, 2);
  if (month > 40) {
    year += 100, month -= 40;
  } else if (month > 20) {
    year -= 100, month -= 20;
  }
  if (!is_valid_date(year, month, two(n, 4))) return false;
  return n[9] == '0' + weighted_sum(n, {2, 4, 8, 5, 10, 9, 7, 3, 6}) % 11 % 10;
}

bool bg_pnf_valid(std::string_view n) {
  return is_digits(n) && n.size() == 10 && n[9] == '0' + weighted_sum(n, {21, 19, 17, 13, 11, 9, 7, 3, 1}) % 10;
}

Check ro_cnp_validate(std::string_view n) {
  std::string s(n);
  if (!is_digits(n)) return fail(Failure::format, s, "A Romanian CNP has digits only.");
  if (n[0] == '0') return fail(Failure::component, s, "A Romanian CNP does not start with 0.");
  if (n.size() != 13) return fail(Failure::length, s, "A Romanian CNP has 13 digits.");
  // First digit: sex and century (1/2 1900s, 3/4 1800s, 5/6 2000s; others assumed 1900s).
  const int century = n[0] == '3' || n[0] == '4' ? 1800 : n[0] == '5' || n[0] == '6' ? 2000 : 1900;
  if (!is_valid_date(century + two(n, 1), two(n, 3), two(n, 5)))
    return fail(Failure::component, s, "The birth date in the CNP is not a real date.");
  const long check = weighted_sum(n, {2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9}) % 11;
  if (n[12] != (check == 10 ? '1' : '0' + check))
    return fail(Failure::checksum, s, "The CNP check digit does not match.");
  return ok(std::move(s));
}

constexpr Scheme cz_dic{"cz.dic", "Czech VAT number (DIČ)", cz_compact, cz_validate, format_compact<cz_validate>};

}  // namespace onb::ids::detail
