// The fast reader: JSON text straight into described values, without a Json tree, for the common
// case of text that decodes. At any doubt — a syntax error, an unknown or repeated key, a wrong
// type, an integer out of range or with a fraction — it gives up and decode_text falls back to the
// tree (decode.hpp), which finds and names the problem. So a value it returns is the value the tree
// would have decoded, and every error is the tree's; tests/shared/core/json_codec_test.cpp holds
// the two to that on fixtures and thousands of mutations.
#pragma once

#include "shared/core/json/decode.hpp"
#include "shared/core/json/kind.hpp"
#include "shared/core/json/parse.hpp"
#include "shared/core/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace onb {

namespace detail {

class FastReader {
 public:
  explicit FastReader(std::string_view text) : p_(text.data()), end_(text.data() + text.size()) {}

  bool at_end() {
    skip_ws();
    return p_ == end_;
  }
  bool consume(char c) {
    skip_ws();
    if (p_ == end_ || *p_ != c) return false;
    ++p_;
    return true;
  }
  bool literal(std::string_view word) {
    skip_ws();
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }
  bool enter() { return ++depth_ <= max_depth; }
  void leave() { --depth_; }

  // A key without escapes is a view into the text; one with escapes is decoded into `scratch`.
  bool read_key(std::string_view& key, std::string& scratch) {
    skip_ws();
    if (p_ == end_ || *p_ != '"') return false;
    const char* begin = p_ + 1;
    for (const char* q = begin; q < end_; ++q) {
      const auto c = static_cast<unsigned char>(*q);
      if (c == '"') {
        key = std::string_view(begin, static_cast<std::size_t>(q - begin));
        p_ = q + 1;
        return true;
      }
      if (c == '\\' || c < 0x20 || c >= 0x80) break;
    }
    if (!read_string(scratch)) return false;
    key = scratch;
    return true;
  }

  bool read_string(std::string& out) {
    skip_ws();
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    out.clear();
    bool ascii = true;
    const char* run = p_;
    for (;;) {
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') break;
      if (c < 0x20) return false;
      if (c >= 0x80) ascii = false;
      if (c != '\\') {
        ++p_;
        continue;
      }
      out.append(run, p_);
      if (++p_ == end_) return false;
      switch (*p_++) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          append_utf8(out, cp);
          break;
        }
        default: return false;
      }
      run = p_;
    }
    out.append(run, p_);
    ++p_;
    return ascii || core::utf8::valid(out);
  }

  // An integer as JSON spells one (no fraction, no exponent, no leading zero) that fits T.
  template <class T>
  bool read_integer(T& out) {
    skip_ws();
    const char* begin = p_;
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0' && p_ + 1 < end_ && p_[1] >= '0' && p_[1] <= '9') return false;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    if (p_ < end_ && (*p_ == '.' || *p_ == 'e' || *p_ == 'E')) return false;  // a number, but not an integer
    if (*begin == '-') {
      std::int64_t v = 0;
      const auto [end, ec] = std::from_chars(begin, p_, v);
      if (ec != std::errc() || end != p_) return false;
      if (v < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
          (v > 0 && static_cast<std::uint64_t>(v) > static_cast<std::uint64_t>(std::numeric_limits<T>::max())))
        return false;
      out = static_cast<T>(v);
      return true;
    }
    std::uint64_t v = 0;
    const auto [end, ec] = std::from_chars(begin, p_, v);
    if (ec != std::errc() || end != p_ || v > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
      return false;
    out = static_cast<T>(v);
    return true;
  }

  // Any JSON number, converted by strtod as nlohmann's lexer converts it (it hands strtod the token
  // with the locale's decimal point; under another locale than "C"'s '.', leave it to the tree).
  bool read_double(double& out) {
    skip_ws();
    const char* begin = p_;
    const auto digits = [this] {
      const char* from = p_;
      while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      return p_ > from;
    };
    if (p_ < end_ && *p_ == '-') ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return false;
    if (*p_ == '0') ++p_;
    else digits();
    if (p_ < end_ && *p_ == '.' && (++p_, !digits())) return false;
    if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digits()) return false;
    }
    const auto length = static_cast<std::size_t>(p_ - begin);
    const auto* point = std::localeconv()->decimal_point;
    if (length >= 64 || point == nullptr || std::string_view(point) != ".") return false;
    char token[64];
    std::memcpy(token, begin, length);
    token[length] = '\0';
    char* stop = nullptr;
    out = std::strtod(token, &stop);
    return stop == token + length && std::isfinite(out);
  }

 private:
  static constexpr int max_depth = static_cast<int>(max_json_depth);

  void skip_ws() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  bool hex4(std::uint32_t& cp) {
    if (end_ - p_ < 4) return false;
    for (int i = 0; i < 4; ++i) {
      const char c = *p_++;
      cp <<= 4;
      if (c >= '0' && c <= '9') cp |= static_cast<std::uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') cp |= static_cast<std::uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') cp |= static_cast<std::uint32_t>(c - 'A' + 10);
      else return false;
    }
    return true;
  }
  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  const char* p_;
  const char* end_;
  int depth_ = 0;
};

template <class T>
bool fast_read(FastReader& in, T& out);

// A struct's members by name (sorted, for a binary search), each with its reader.
template <class T>
struct MemberReaders {
  using Reader = bool (*)(FastReader& in, T& out);
  struct Entry {
    std::string_view name;
    Reader read;
    bool may_be_absent;
  };
  static const std::vector<Entry>& get() {
    static const std::vector<Entry> entries = [] {
      std::vector<Entry> e;
      boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
        using D = decltype(d);
        using M = std::decay_t<decltype(std::declval<T&>().*D::pointer)>;
        e.push_back({D::name, [](FastReader& in, T& out) { return fast_read(in, out.*D::pointer); },
                     may_be_absent<M>});
      });
      std::stable_sort(e.begin(), e.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
      return e;
    }();
    return entries;
  }
};

template <class T>
bool fast_read_struct(FastReader& in, T& out) {
  const auto& members = MemberReaders<T>::get();
  constexpr std::size_t max_members = 128;
  if (members.size() > max_members || !in.consume('{') || !in.enter()) return false;
  bool seen[max_members] = {};
  std::string scratch;
  if (!in.consume('}')) {
    do {
      std::string_view key;
      if (!in.read_key(key, scratch) || !in.consume(':')) return false;
      const auto it = std::lower_bound(members.begin(), members.end(), key,
                                       [](const auto& m, std::string_view k) { return m.name < k; });
      if (it == members.end() || it->name != key) return false;  // unknown: the tree names it
      const auto index = static_cast<std::size_t>(it - members.begin());
      if (seen[index]) return false;  // repeated: the tree keeps the last one; leave that to it
      seen[index] = true;
      if (!it->read(in, out)) return false;
    } while (in.consume(','));
    if (!in.consume('}')) return false;
  }
  for (std::size_t i = 0; i < members.size(); ++i)
    if (!seen[i] && !members[i].may_be_absent) return false;
  in.leave();
  return true;
}

template <class T>
bool fast_read(FastReader& in, T& out) {
  constexpr JsonKind kind = json_kind<T>;
  if constexpr (kind == JsonKind::boolean) {
    if (in.literal("true")) return out = true, true;
    if (in.literal("false")) return out = false, true;
    return false;
  } else if constexpr (kind == JsonKind::integer) {
    return in.read_integer(out);
  } else if constexpr (kind == JsonKind::floating) {
    if constexpr (std::is_same_v<T, double>) return in.read_double(out);
    else return false;  // float, long double: not in the model; the tree decodes them
  } else if constexpr (kind == JsonKind::string) {
    return in.read_string(out);
  } else if constexpr (kind == JsonKind::enumeration) {
    std::string name;
    return in.read_string(name) && boost::describe::enum_from_string(name.c_str(), out);
  } else if constexpr (kind == JsonKind::optional) {
    if (in.literal("null")) return out.reset(), true;
    typename T::value_type inner{};
    if (!fast_read(in, inner)) return false;
    out = std::move(inner);
    return true;
  } else if constexpr (kind == JsonKind::list) {
    out.clear();
    if (!in.consume('[') || !in.enter()) return false;
    if (!in.consume(']')) {
      do {
        if (!fast_read(in, out.emplace_back())) return false;
      } while (in.consume(','));
      if (!in.consume(']')) return false;
    }
    in.leave();
    return true;
  } else if constexpr (kind == JsonKind::string_map) {
    out.clear();
    if (!in.consume('{') || !in.enter()) return false;
    if (!in.consume('}')) {
      std::string key;
      do {
        if (!in.read_string(key) || !in.consume(':') || out.count(key)) return false;
        if (!fast_read(in, out[key])) return false;
      } while (in.consume(','));
      if (!in.consume('}')) return false;
    }
    in.leave();
    return true;
  } else if constexpr (kind == JsonKind::record) {
    return fast_read_struct(in, out);
  } else {
    static_assert(no_branch_for<kind>, "onb::decode_text: type is not described and not a supported JSON value type");
  }
}

}  // namespace detail

// parse_json + decode in one pass over the text when it decodes; through the tree when it does
// not, to name the problem.
template <class T>
[[nodiscard]] Result<T> decode_text(std::string_view text) {
  {
    T out{};
    detail::FastReader in(text);
    if (detail::fast_read(in, out) && in.at_end()) return Result<T>(boost::system::in_place_value, std::move(out));
  }
  return decode_text_tree<T>(text);
}

}  // namespace onb
