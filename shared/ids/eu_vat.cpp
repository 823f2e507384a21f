// eu.vat: the country prefix (ISO 3166-1, EL for Greece, XI for Northern Ireland, EU/IM for the
// One Stop Shop) chooses the national rule; the compact form always carries the prefix.
// eu.oss: numbers of the non-union (EU...) and import (IM...) one-stop-shop schemes.
#include "shared/ids/national.hpp"
#include "shared/ids/text.hpp"

#include <algorithm>
#include <array>

namespace onb::ids::detail {
namespace {

// [SECTION] eu.oss (python-stdnum HEAD): EU + 9 digits or IM + 10 digits; digits 3-5 are the ISO
// 3166-1 numeric code of the member state that issued it (900 for Northern Ireland). No check digit
// is published.
constexpr std::array<std::string_view, 28> oss_member_states = {
    "040", "056", "100", "191", "196", "203", "208", "233", "246", "250", "276", "300", "348", "372",
    "380", "428", "440", "442", "470", "528", "616", "620", "642", "703", "705", "724", "752", "900"};

std::string oss_compact(std::string_view in) { return clean_upper(in, " -"); }
Check oss_validate(std::string_view in) {
  std::string n = oss_compact(in);
  if (n.starts_with("EU")) {
    if (n.size() != 11) return fail(Failure::length, std::move(n), "An EU OSS number has EU and 9 digits.");
  } else if (n.starts_with("IM")) {
    if (n.size() != 12) return fail(Failure::length, std::move(n), "An IOSS number has IM and 10 digits.");
  } else {
    return fail(Failure::component, std::move(n), "A one-stop-shop number starts with EU or IM.");
  }
  if (!is_digits(n.substr(2))) return fail(Failure::format, std::move(n), "A one-stop-shop number has digits after the prefix.");
  const std::string_view msi = std::string_view(n).substr(2, 3);
  if (std::find(oss_member_states.begin(), oss_member_states.end(), msi) == oss_member_states.end())
    return fail(Failure::component, std::move(n), "Digits 3-5 are not the code of an EU member state.");
  return ok(std::move(n));
}

// [SECTION] eu.vat dispatch, as python-stdnum's eu.vat with MEMBER_STATES (GR is accepted as well
// as EL, XI uses the UK rules).
struct Member {
  std::string_view prefix;
  const Scheme* scheme;
};
const std::array<Member, 32> members = {{
    {"AT", &at_uid}, {"BE", &be_vat},  {"BG", &bg_vat}, {"CY", &cy_vat},  {"CZ", &cz_dic}, {"DE", &de_vat},
    {"DK", &dk_cvr}, {"EE", &ee_kmkr}, {"EL", &gr_vat}, {"ES", &es_nif},  {"EU", &eu_oss}, {"FI", &fi_alv},
    {"FR", &fr_tva}, {"GR", &gr_vat},  {"HR", &hr_oib}, {"HU", &hu_anum}, {"IE", &ie_vat}, {"IM", &eu_oss},
    {"IT", &it_iva}, {"LT", &lt_pvm},  {"LU", &lu_tva}, {"LV", &lv_pvn},  {"MT", &mt_vat}, {"NL", &nl_btw},
    {"PL", &pl_nip}, {"PT", &pt_nif},  {"RO", &ro_cf},  {"SE", &se_vat},  {"SI", &si_ddv}, {"SK", &sk_dph},
    {"XI", &gb_vat}, {"XX", nullptr},  // "XX": no scheme, fills the array
}};

const Scheme* member_scheme(std::string_view prefix) {
  if (prefix.size() != 2) return nullptr;
  for (const Member& m : members)  // 32 two-letter codes: a plain scan beats a search here
    if (m.prefix[0] == prefix[0] && m.prefix[1] == prefix[1]) return m.scheme;
  return nullptr;
}

// Puts the two-letter country prefix in front unless it is there (in place: check-id calls this
// millions of times, and every copy of a short string is a library call).
void add_prefix(std::string_view prefix, std::string& number) {
  if (number.size() < 2 || number[0] != prefix[0] || number[1] != prefix[1]) number.insert(0, prefix);
}

std::string with_prefix(std::string_view prefix, std::string number) {
  add_prefix(prefix, number);
  return number;
}

// The country prefix: the first two characters after python-stdnum's clean().upper().strip().
// Letters are never produced by the look-alike map, so when the input starts (after ASCII white
// space) with two ASCII letters those are the prefix; anything else takes the full clean().
std::string prefix_of(std::string_view in) {
  std::size_t i = 0;
  while (i < in.size() && (in[i] == ' ' || (in[i] >= 0x09 && in[i] <= 0x0D))) ++i;
  const auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (i + 2 <= in.size() && letter(in[i]) && letter(in[i + 1])) {
    std::string p(in.substr(i, 2));
    upper(p);
    return p;
  }
  const std::string s = clean_upper(in, "");
  return s.substr(0, std::min<std::size_t>(2, s.size()));
}

// The national rules clean the raw input themselves: cleaning it here first would give the same
// result (clean, upper and strip are idempotent and commute with dropping separators), only slower.
std::string vat_compact(std::string_view in) {
  const std::string prefix = prefix_of(in);
  const Scheme* national = member_scheme(prefix);
  return national ? with_prefix(prefix, national->compact(in)) : clean_upper(in, "");
}

Check vat_validate(std::string_view in) {
  const std::string prefix = prefix_of(in);
  const Scheme* national = member_scheme(prefix);
  if (!national)
    return fail(Failure::component, clean_upper(in, ""),
                "The number does not start with the VAT prefix of an EU member state.");
  Check c = national->validate(in);
  add_prefix(prefix, c.compact);
  return c;
}

}  // namespace

constexpr Scheme eu_oss{"eu.oss", "European VAT on e-Commerce One Stop Shop number", oss_compact, oss_validate,
                        format_compact<oss_validate>};
constexpr Scheme eu_vat{"eu.vat", "European Union VAT number", vat_compact, vat_validate, format_compact<vat_validate>};

}  // namespace onb::ids::detail
