// Normalisation shared by every scheme: the look-alike map, separator removal, case and trimming,
// following python-stdnum's util.clean() so that both accept the same pasted input.
#include "shared/ids/text.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace onb::ids::detail {
namespace {

struct LookAlike {
  std::uint32_t code_point;
  char ascii;
};

// The non-ASCII characters python-stdnum's util.clean() replaces (dashes, spaces, dots, commas,
// slashes, colons, apostrophes, asterisks, full-width and mathematical digits), by code point.
// Derived from the Unicode names listed in stdnum/util.py; sorted for binary search.
constexpr LookAlike look_alikes[] = {
    {0x00A0, ' '},  {0x00AF, '-'},  {0x00B4, '\''}, {0x00B7, '.'},  {0x00B8, ','},  {0x02B9, '\''}, {0x02BB, '\''},
    {0x02BC, '\''}, {0x02BE, '\''}, {0x02BF, '\''}, {0x02C8, '\''}, {0x02D7, '-'},  {0x02D9, '.'},  {0x0300, '\''},
    {0x0301, '\''}, {0x0312, '\''}, {0x0313, '\''}, {0x0387, '.'},  {0x055A, '\''}, {0x058A, '-'},  {0x05BE, '-'},
    {0x060C, ','},  {0x066B, ','},  {0x066C, ','},  {0x066D, '*'},  {0x06D4, '.'},  {0x0701, '.'},  {0x0702, '.'},
    {0x070D, '*'},  {0x0830, '.'},  {0x083C, '/'},  {0x0F0B, '.'},  {0x0F0C, '.'},  {0x1361, ':'},  {0x1680, '-'},
    {0x16EB, '.'},  {0x16EC, ':'},  {0x1804, ':'},  {0x180A, '-'},  {0x2000, ' '},  {0x2001, ' '},  {0x2002, ' '},
    {0x2003, ' '},  {0x2004, ' '},  {0x2005, ' '},  {0x2006, ' '},  {0x2007, ' '},  {0x2008, ' '},  {0x2009, ' '},
    {0x200A, ' '},  {0x2010, '-'},  {0x2011, '-'},  {0x2012, '-'},  {0x2013, '-'},  {0x2014, '-'},  {0x2015, '-'},
    {0x2018, '\''}, {0x2019, '\''}, {0x201A, ','},  {0x201B, '\''}, {0x2022, '.'},  {0x2024, '.'},  {0x2027, '.'},
    {0x202F, ' '},  {0x2032, ','},  {0x203E, '-'},  {0x2043, '-'},  {0x2044, '/'},  {0x204E, '*'},  {0x2055, '*'},
    {0x205F, ' '},  {0x207B, '-'},  {0x208B, '-'},  {0x2212, '-'},  {0x2215, '/'},  {0x2217, '*'},  {0x2219, '.'},
    {0x22C5, '.'},  {0x22C6, '*'},  {0x23AF, '-'},  {0x23BA, '-'},  {0x23BB, '-'},  {0x23BC, '-'},  {0x23BD, '-'},
    {0x23E4, '-'},  {0x2731, '*'},  {0x2732, '*'},  {0x2733, '*'},  {0x273A, '*'},  {0x273B, '*'},  {0x273C, '*'},
    {0x273D, '*'},  {0x274A, '*'},  {0x274B, '*'},  {0x27CB, '/'},  {0x29F8, '/'},  {0x2E31, '.'},  {0x2E33, '.'},
    {0x2E34, ','},  {0x3000, ' '},  {0x3001, ','},  {0x3002, '.'},  {0x30FB, '.'},  {0xA60E, '*'},  {0xFBB2, '.'},
    {0xFBB3, '.'},  {0xFE10, ','},  {0xFE13, ':'},  {0xFE30, ':'},  {0xFE50, ','},  {0xFE51, ','},  {0xFE52, '.'},
    {0xFE55, ':'},  {0xFE61, '*'},  {0xFE63, '-'},  {0xFF0A, '*'},  {0xFF0C, ','},  {0xFF0D, '-'},  {0xFF0E, '.'},
    {0xFF0F, '/'},  {0xFF10, '0'},  {0xFF11, '1'},  {0xFF12, '2'},  {0xFF13, '3'},  {0xFF14, '4'},  {0xFF15, '5'},
    {0xFF16, '6'},  {0xFF17, '7'},  {0xFF18, '8'},  {0xFF19, '9'},  {0xFF1A, ':'},  {0xFF65, '.'},  {0xFFE3, '-'},
    {0x10101, '.'}, {0x1091F, '.'}, {0x10A50, '.'}, {0x1D7CE, '0'}, {0x1D7CF, '1'}, {0x1D7D0, '2'}, {0x1D7D1, '3'},
    {0x1D7D2, '4'}, {0x1D7D3, '5'}, {0x1D7D4, '6'}, {0x1D7D5, '7'}, {0x1D7D6, '8'}, {0x1D7D7, '9'}, {0x1D7D8, '0'},
    {0x1D7D9, '1'}, {0x1D7DA, '2'}, {0x1D7DB, '3'}, {0x1D7DC, '4'}, {0x1D7DD, '5'}, {0x1D7DE, '6'}, {0x1D7DF, '7'},
    {0x1D7E0, '8'}, {0x1D7E1, '9'}, {0x1D7E2, '0'}, {0x1D7E3, '1'}, {0x1D7E4, '2'}, {0x1D7E5, '3'}, {0x1D7E6, '4'},
    {0x1D7E7, '5'}, {0x1D7E8, '6'}, {0x1D7E9, '7'}, {0x1D7EA, '8'}, {0x1D7EB, '9'}, {0x1D7EC, '0'}, {0x1D7ED, '1'},
    {0x1D7EE, '2'}, {0x1D7EF, '3'}, {0x1D7F0, '4'}, {0x1D7F1, '5'}, {0x1D7F2, '6'}, {0x1D7F3, '7'}, {0x1D7F4, '8'},
    {0x1D7F5, '9'}, {0x1D7F6, '0'}, {0x1D7F7, '1'}, {0x1D7F8, '2'}, {0x1D7F9, '3'}, {0x1D7FA, '4'}, {0x1D7FB, '5'},
    {0x1D7FC, '6'}, {0x1D7FD, '7'}, {0x1D7FE, '8'}, {0x1D7FF, '9'},
};

char look_alike(std::uint32_t cp) {
  const auto* end = std::end(look_alikes);
  const auto* it = std::lower_bound(std::begin(look_alikes), end, cp,
                                    [](const LookAlike& l, std::uint32_t v) { return l.code_point < v; });
  return it != end && it->code_point == cp ? it->ascii : '\0';
}

// The separators to drop, as a set of ASCII characters (one bit each): looked up once per character.
struct Removed {
  std::uint64_t bits[2] = {0, 0};
  explicit Removed(std::string_view chars) {
    for (char c : chars)
      if (static_cast<unsigned char>(c) < 128) bits[c >> 6] |= std::uint64_t{1} << (c & 63);
  }
  bool has(char c) const { return static_cast<unsigned char>(c) < 128 && (bits[c >> 6] >> (c & 63)) & 1; }
};

// Length of the white space (as Python's str.isspace) starting at s[i], or 0.
std::size_t space_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F)) return 1;
  if (c != 0xC2 && c != 0xE2) return 0;  // the common case: no need to look further
  if (s.substr(i, 2) == "\xC2\x85") return 2;
  if (s.substr(i, 3) == "\xE2\x80\xA8" || s.substr(i, 3) == "\xE2\x80\xA9") return 3;
  return 0;
}

// Same, for white space ending just before s[end].
std::size_t space_before(std::string_view s, std::size_t end) {
  if (end >= 1 && space_at(s, end - 1) == 1) return 1;
  if (end >= 2 && space_at(s, end - 2) == 2) return 2;
  if (end >= 3 && space_at(s, end - 3) == 3) return 3;
  return 0;
}

}  // namespace

namespace {

// clean(), optionally upper-casing ASCII on the way (one pass instead of two for clean_upper).
// Reports whether any non-ASCII byte was kept, the only case where upper() still has work (ñ).
std::string clean_impl(std::string_view input, std::string_view remove_chars, bool upper_ascii, bool& kept_non_ascii) {
  const Removed removed(remove_chars);
  std::string out(input.size(), '\0');  // never longer than the input: each mapping shrinks or keeps
  char* w = out.data();
  kept_non_ascii = false;
  for (std::size_t i = 0; i < input.size();) {
    const char c = input[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (!removed.has(c)) *w++ = upper_ascii && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      ++i;
      continue;
    }
    const core::utf8::Sequence q = core::utf8::decode(input, i);
    const char ascii = q.valid ? look_alike(q.code_point) : '\0';
    if (ascii != '\0') {
      if (!removed.has(ascii)) *w++ = ascii;  // look-alikes are never letters: upper case changes nothing
    } else {
      for (std::size_t k = 0; k < q.length; ++k) *w++ = input[i + k];  // ill-formed bytes too, as they are
      kept_non_ascii = true;
    }
    i += q.length;
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
  return out;
}

}  // namespace

std::string clean(std::string_view input, std::string_view remove_chars) {
  bool kept_non_ascii = false;
  return clean_impl(input, remove_chars, false, kept_non_ascii);
}

void upper(std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] >= 'a' && s[i] <= 'z')
      s[i] = static_cast<char>(s[i] - 'a' + 'A');
    else if (s[i] == '\xC3' && i + 1 < s.size() && s[i + 1] == '\xB1')
      s[++i] = '\x91';  // ñ -> Ñ
  }
}

void strip(std::string& s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    const std::size_t n = space_at(s, begin);
    if (n == 0) break;
    begin += n;
  }
  std::size_t end = s.size();
  while (end > begin) {
    const std::size_t n = space_before(s, end);
    if (n == 0) break;
    end -= n;
  }
  if (begin > 0 || end < s.size()) s = s.substr(begin, end - begin);
}

std::string clean_upper(std::string_view input, std::string_view remove) {
  bool kept_non_ascii = false;
  std::string s = clean_impl(input, remove, true, kept_non_ascii);
  if (kept_non_ascii) upper(s);
  strip(s);
  return s;
}

void drop_prefix(std::string& s, std::string_view prefix) {
  if (s.starts_with(prefix)) s.erase(0, prefix.size());
}

std::string compact_with(std::string_view input, std::string_view separators, std::string_view prefix) {
  std::string s = clean_upper(input, separators);
  drop_prefix(s, prefix);
  return s;
}

std::string_view py_slice(std::string_view s, long begin, long end) {
  const long n = static_cast<long>(s.size());
  const auto norm = [n](long i) { return i < 0 ? std::max(0L, n + i) : std::min(i, n); };
  const long b = norm(begin);
  const long e = norm(end);
  return b < e ? s.substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)) : std::string_view{};
}

Check ok(std::string compact) { return Check{true, std::move(compact), Failure::none, {}}; }

Check fail(Failure failure, std::string compact, Message message) {
  return Check{false, std::move(compact), failure, message.text};
}

Check rebase(Check nested, std::string compact) {
  nested.compact = std::move(compact);
  return nested;
}

}  // namespace onb::ids::detail

namespace onb::ids::detail {

std::string zfill(std::string_view s, std::size_t width) {
  if (s.size() >= width) return std::string(s);
  const std::size_t sign = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
  std::string out(s.substr(0, sign));
  out.append(width - s.size(), '0');
  out.append(s.substr(sign));
  return out;
}

}  // namespace onb::ids::detail

namespace onb::ids::detail {

std::string layout(std::string_view compact, std::initializer_list<std::size_t> sizes, std::string_view separators) {
  std::string out;
  out.reserve(compact.size() + sizes.size());
  std::size_t at = 0, k = 0;
  for (std::size_t size : sizes) {
    out.append(compact.substr(std::min(at, compact.size()), size));
    at += size;
    if (at < compact.size() && k < separators.size()) out.push_back(separators[k]);
    ++k;
  }
  if (at < compact.size()) out.append(compact.substr(at));
  return out;
}

}  // namespace onb::ids::detail
