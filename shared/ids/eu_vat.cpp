// eu.vat: the country prefix (ISO 3166-1, EL for Greece, XI for Northern Ireland, EU/IM for the
// One Stop Shop) chooses the national rule; the compact form always carries the prefix.
// eu.oss: numbers of the non-union (EU...) and import (IM...) one-stop-shop schemes.
#include "shared/ids/national.hpp"
#include "shared/ids/text.hpp"
#include "shared/reference/countries.hpp"

#include <algorithm>
#include <vector>

namespace onb::ids::detail {
namespace {

// [SECTION] eu.oss (python-stdnum HEAD): EU + 9 digits or IM + 10 digits; digits 3-5 are the ISO
// 3166-1 numeric code of the member state that issued it (900 for Northern Ireland). No check digit
// is published.
bool issued_by_member(std::string_view numeric) {
  const auto members = reference::eu_vat_members();
  return std::any_of(members.begin(), members.end(), [&](const auto& m) { return m.numeric == numeric; });
}

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
  if (!issued_by_member(msi))
    return fail(Failure::component, std::move(n), "Digits 3-5 are not the code of an EU member state.");
  return ok(std::move(n));
}

// [SECTION] eu.vat dispatch, as python-stdnum's eu.vat with MEMBER_STATES: the members of the EU VAT
// area (reference::eu_vat_members) by VAT prefix and by ISO code (EL and GR for Greece), and the
// one-stop-shop prefixes EU and IM. A member's rule is the scheme named after its ISO code, as
// python-stdnum's modules are ("at.uid" for AT); XI uses the UK rules.
struct Member {
  std::string_view prefix;
  const Scheme* scheme;
};

const Scheme* national_scheme(std::string_view alpha_2) {
  if (alpha_2 == "XI") return &gb_vat;
  const auto lower = [](char c) { return static_cast<char>(c - 'A' + 'a'); };
  for (const Scheme& s : schemes())
    if (s.name.size() > 3 && s.name[2] == '.' && s.name[0] == lower(alpha_2[0]) && s.name[1] == lower(alpha_2[1]))
      return &s;
  return nullptr;  // a member without a rule: the registry test says which
}

const std::vector<Member>& members() {
  static const std::vector<Member> all = [] {
    std::vector<Member> m = {{"EU", &eu_oss}, {"IM", &eu_oss}};
    for (const reference::EuVatMember& member : reference::eu_vat_members()) {
      m.push_back({member.alpha_2, national_scheme(member.alpha_2)});
      if (member.vat_prefix != member.alpha_2) m.push_back({member.vat_prefix, m.back().scheme});
    }
    return m;
  }();
  return all;
}

const Scheme* member_scheme(std::string_view prefix) {
  if (prefix.size() != 2) return nullptr;
  for (const Member& m : members())  // 32 two-letter codes: a plain scan beats a search here
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
