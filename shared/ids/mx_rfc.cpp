// mx.rfc: the Mexican Registro Federal de Contribuyentes, as python-stdnum's mx.rfc. Names may
// contain Ñ, so the number is checked in a one-byte-per-character form (Ñ -> \x01) and turned back
// to UTF-8 only for display.
#include "shared/ids/checksum.hpp"
#include "shared/ids/national.hpp"
#include "shared/ids/options.hpp"
#include "shared/ids/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace onb::ids::detail {
namespace {

constexpr char enye = '\x01';  // stands for Ñ in the narrow form

// Four-letter words SAT never issues as the name part of a personal RFC, sorted.
constexpr std::string_view blacklist[] = {
    "BUEI", "BUEY", "CACA", "CACO", "CAGA", "CAGO", "CAKA", "CAKO", "COGE", "COJA", "COJE", "COJI", "COJO", "CULO",
    "FETO", "GUEY", "JOTO", "KACA", "KACO", "KAGA", "KAGO", "KAKA", "KOGE", "KOJO", "KULO", "MAME", "MAMO", "MEAR",
    "MEAS", "MEON", "MION", "MOCO", "MULA", "PEDA", "PEDO", "PENE", "PUTA", "PUTO", "QULO", "RATA", "RUIN"};

// The homoclave check digit alphabet: value = index, Ñ is 38.
constexpr std::string_view check_alphabet = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ \x01";

std::string narrow(std::string_view utf8) {
  std::string out(utf8.size(), '\0');  // never longer: Ñ shrinks from two bytes to one
  std::size_t w = 0;
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    if (utf8[i] == '\xC3' && i + 1 < utf8.size() && utf8[i + 1] == '\x91') {
      out[w++] = enye;
      ++i;
    } else {
      out[w++] = utf8[i] == enye ? '\x02' : utf8[i];  // a raw \x01 must not pass for Ñ
    }
  }
  out.resize(w);
  return out;
}

std::string widen(std::string_view n) {
  std::string out;
  for (char c : n) c == enye ? out.append("\xC3\x91") : out.append(1, c);
  return out;
}

bool name_char(char c) { return is_upper(c) || c == '&' || c == enye; }

// [A-Z&Ñ]{letters}[0-9]{6}[0-9A-Z]{rest}, the whole string.
bool shape(std::string_view n, std::size_t letters) {
  if (n.size() < letters + 6) return false;
  bool ok = true;
  for (std::size_t i = 0; i < letters; ++i) ok &= name_char(n[i]);
  for (std::size_t i = letters; i < letters + 6; ++i) ok &= is_digit(n[i]);
  for (std::size_t i = letters + 6; i < n.size(); ++i) ok &= is_alnum_upper(n[i]);
  return ok;
}

// The four letters as one number, first letter highest: ordered as the strings are.
constexpr std::uint32_t pack4(std::string_view s) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(s[0])) << 24 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[1])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(s[2])) << 8 | static_cast<unsigned char>(s[3]);
}
constexpr auto blacklist_packed = [] {
  std::array<std::uint32_t, std::size(blacklist)> t{};
  for (std::size_t i = 0; i < t.size(); ++i) t[i] = pack4(blacklist[i]);
  return t;
}();

bool blacklisted(std::string_view name4) {  // the list is sorted
  return std::binary_search(blacklist_packed.begin(), blacklist_packed.end(), pack4(name4));
}

bool date_ok(std::string_view yymmdd) {
  return is_valid_date(2000 + static_cast<int>(to_int(yymmdd.substr(0, 2))),
                       static_cast<int>(to_int(yymmdd.substr(2, 2))), static_cast<int>(to_int(yymmdd.substr(4, 2))));
}

char check_digit(std::string_view body) {
  const std::string padded = std::string(3, ' ') + std::string(body);
  const std::string_view last12 = std::string_view(padded).substr(padded.size() - 12);
  long sum = 0;
  for (std::size_t i = 0; i < 12; ++i)
    sum += static_cast<long>(check_alphabet.find(last12[i])) * static_cast<long>(13 - i);
  return check_alphabet[static_cast<std::size_t>(py_mod(11 - sum, 11))];
}

bool homoclave_shape(std::string_view h) {
  return ((h[0] >= '1' && h[0] <= '9') || (h[0] >= 'A' && h[0] <= 'V')) &&
         ((h[1] >= '1' && h[1] <= '9') || is_upper(h[1])) && (is_digit(h[2]) || h[2] == 'A');
}

std::string rfc_compact(std::string_view in) { return clean_upper(in, "-_ "); }

Check rfc_check(std::string_view in, bool check_digits) {
  std::string compact = rfc_compact(in);
  // Most numbers have no Ñ (and no stray \x01): then the narrow form is the compact form itself.
  bool plain = true;  // a loop, not find_first_of: that calls memchr once per character
  for (char c : compact) plain &= c != '\xC3' && c != enye;
  const std::string narrowed = plain ? std::string() : narrow(compact);
  const std::string_view n = plain ? std::string_view(compact) : std::string_view(narrowed);
  if (n.size() == 10 || n.size() == 13) {  // a person: 4 letters of the name, birth date, homoclave
    if (!shape(n, 4))
      return fail(Failure::format, std::move(compact),
                  "A personal RFC is 4 letters, 6 date digits and an optional 3-character homoclave.");
    if (blacklisted(std::string_view(n).substr(0, 4)))
      return fail(Failure::component, std::move(compact), "The name part of the RFC is a word SAT does not issue.");
    if (!date_ok(std::string_view(n).substr(4, 6)))
      return fail(Failure::component, std::move(compact), "The date in the RFC is not a real date.");
  } else if (n.size() == 12) {  // a company: 3 letters of the name, founding date, homoclave
    if (!shape(n, 3))
      return fail(Failure::format, std::move(compact), "A company RFC is 3 letters, 6 date digits and a 3-character homoclave.");
    if (!date_ok(std::string_view(n).substr(3, 6)))
      return fail(Failure::component, std::move(compact), "The date in the RFC is not a real date.");
  } else {
    return fail(Failure::length, std::move(compact), "An RFC has 10 or 13 characters (people) or 12 (companies).");
  }
  if (check_digits && n.size() >= 12) {
    if (!homoclave_shape(std::string_view(n).substr(n.size() - 3)))
      return fail(Failure::component, std::move(compact), "The homoclave has characters SAT does not use.");
    if (n.back() != check_digit(std::string_view(n).substr(0, n.size() - 1)))
      return fail(Failure::checksum, std::move(compact), "The RFC check digit does not match.");
  }
  return ok(std::move(compact));
}
Check rfc_validate(std::string_view in) { return rfc_check(in, false); }

std::string rfc_layout(std::string_view compact) {
  const std::string n = narrow(compact);
  return widen(layout(n, {n.size() == 12 ? 3u : 4u, 6}, "  "));  // name, date, homoclave (if any)
}

}  // namespace

constexpr Scheme mx_rfc{"mx.rfc", "Mexican tax number (RFC)", rfc_compact, rfc_validate,
                        format_valid<rfc_validate, rfc_layout>};

}  // namespace onb::ids::detail

namespace onb::ids {
Check validate_mx_rfc(std::string_view input, bool check_digits) { return detail::rfc_check(input, check_digits); }
}  // namespace onb::ids
