// The one JSON codec: any type made of described structs, described enums (as strings), optionals,
// vectors, string-keyed maps, strings, integers, doubles and booleans encodes and decodes here.
// Decoding is strict — wrong type, unknown field, missing required field, out-of-range number — and
// reports the first problem as an Error with the JSON pointer of the field. It never throws.
// Per-type JSON code does not belong anywhere in the project: describe the type instead.
#pragma once

#include "shared/core/describe_traits.hpp"
#include "shared/core/json_pointer.hpp"
#include "shared/core/result.hpp"
#include "shared/core/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace onb {

using Json = nlohmann::json;

// ---------------------------------------------------------------------------------------------- encode

template <class T>
Json encode(const T& value);

namespace detail {

template <class T>
void encode_into(Json& out, const T& v) {
  if constexpr (std::is_same_v<T, bool> || Integer<T> || std::is_floating_point_v<T> ||
                std::is_same_v<T, std::string>) {
    out = v;
  } else if constexpr (DescribedEnum<T>) {
    const char* name = boost::describe::enum_to_string(v, nullptr);
    out = name ? Json(name) : Json(nullptr);  // an undescribed value cannot be named; null is decoded as an error
  } else if constexpr (is_optional<T>::value) {
    if (v) encode_into(out, *v);
    else out = nullptr;
  } else if constexpr (is_vector<T>::value) {
    out = Json::array();
    for (const auto& e : v) encode_into(out.emplace_back(), e);
  } else if constexpr (is_string_map<T>::value) {
    out = Json::object();
    for (const auto& [k, e] : v) encode_into(out[k], e);
  } else if constexpr (DescribedStruct<T>) {
    out = Json::object();
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
      const auto& member = v.*d.pointer;
      if constexpr (is_optional<std::decay_t<decltype(member)>>::value) {
        if (!member) return;  // absent optionals are omitted rather than written as null
      }
      encode_into(out[d.name], member);
    });
  } else {
    static_assert(sizeof(T) == 0, "onb::encode: type is not described and not a supported JSON value type");
  }
}

// The text writer: the bytes of encode(v).dump(-1, ' ', false, error_handler_t::replace), written
// straight from the value with no Json tree in between (building the tree, a std::map per object,
// was most of the time of encoding a whole enrollment). Keys come in the tree's order (sorted), the
// escapes are nlohmann's; the rare cases it would spell in its own way (doubles, invalid UTF-8) are
// handed to nlohmann itself, so the two can never differ.

inline bool valid_utf8(std::string_view s) { return core::utf8::valid(s); }

inline void write_json_string(std::string& out, std::string_view s) {
  if (!valid_utf8(s)) {
    out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;  // bytes copied as they are, in one append
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const char* escape = nullptr;
    switch (c) {
      case '"': escape = "\\\""; break;
      case '\\': escape = "\\\\"; break;
      case '\b': escape = "\\b"; break;
      case '\f': escape = "\\f"; break;
      case '\n': escape = "\\n"; break;
      case '\r': escape = "\\r"; break;
      case '\t': escape = "\\t"; break;
      default:
        if (c >= 0x20) continue;
    }
    out.append(s.data() + run, i - run);
    run = i + 1;
    if (escape) {
      out += escape;
    } else {
      const char u[] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
      out.append(u, sizeof u);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

template <class T>
void write_json(std::string& out, const T& v);

// A struct's members in the order the Json tree keeps its keys, each with its writer.
template <class T>
struct SortedMembers {
  using Writer = bool (*)(std::string& out, const T& v, bool first);  // false: an absent optional, nothing written
  struct Entry {
    std::string_view name;
    Writer write;
  };
  static const std::vector<Entry>& get() {
    static const std::vector<Entry> entries = [] {
      std::vector<Entry> e;
      boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
        using D = decltype(d);
        e.push_back({D::name, [](std::string& out, const T& v, bool first) -> bool {
                       const auto& member = v.*D::pointer;
                       if constexpr (is_optional<std::decay_t<decltype(member)>>::value) {
                         if (!member) return false;
                       }
                       if (!first) out += ',';
                       write_json_string(out, D::name);
                       out += ':';
                       write_json(out, member);
                       return true;
                     }});
      });
      std::stable_sort(e.begin(), e.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
      return e;
    }();
    return entries;
  }
};

template <class T>
void write_json(std::string& out, const T& v) {
  if constexpr (std::is_same_v<T, bool>) {
    out += v ? "true" : "false";
  } else if constexpr (Integer<T>) {
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v);
    out.append(digits, end);
  } else if constexpr (std::is_floating_point_v<T>) {
    out += Json(v).dump();
  } else if constexpr (std::is_same_v<T, std::string>) {
    write_json_string(out, v);
  } else if constexpr (DescribedEnum<T>) {
    const char* name = boost::describe::enum_to_string(v, nullptr);
    if (name) write_json_string(out, name);
    else out += "null";
  } else if constexpr (is_optional<T>::value) {
    if (v) write_json(out, *v);
    else out += "null";
  } else if constexpr (is_vector<T>::value) {
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out += ',';
      write_json(out, v[i]);
    }
    out += ']';
  } else if constexpr (is_string_map<T>::value) {
    out += '{';
    bool first = true;
    for (const auto& [k, e] : v) {
      if (!first) out += ',';
      first = false;
      write_json_string(out, k);
      out += ':';
      write_json(out, e);
    }
    out += '}';
  } else if constexpr (DescribedStruct<T>) {
    out += '{';
    bool first = true;
    for (const auto& m : SortedMembers<T>::get())
      if (m.write(out, v, first)) first = false;
    out += '}';
  } else {
    static_assert(sizeof(T) == 0, "onb::encode_text: type is not described and not a supported JSON value type");
  }
}

inline const char* json_type_name(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return "null";
    case Json::value_t::object: return "object";
    case Json::value_t::array: return "array";
    case Json::value_t::string: return "string";
    case Json::value_t::boolean: return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned: return "integer";
    case Json::value_t::number_float: return "number";
    default: return "invalid value";
  }
}

inline Error type_error(const std::string& path, std::string_view expected, const Json& got) {
  return make_error("json.type", path,
                    "expected " + std::string(expected) + ", got " + json_type_name(got));
}

// ---------------------------------------------------------------------------------------------- decode

// Where a value sits, turned into a JSON pointer only when an error names it: a decode that succeeds
// builds no path string at all (it built one per member before, most of a large decode's allocations).
struct PathLink {
  enum class Kind { root, key, index };
  Kind kind = Kind::root;
  const PathLink* parent = nullptr;
  std::string_view text;  // root: the caller's prefix; key: the member name or map key
  std::size_t index = 0;

  PathLink child(std::string_view key) const { return PathLink{Kind::key, this, key, 0}; }
  PathLink child(std::size_t i) const { return PathLink{Kind::index, this, {}, i}; }
  std::string str() const {
    if (kind == Kind::root) return std::string(text);
    return kind == Kind::key ? pointer_append(parent->str(), text) : pointer_append(parent->str(), index);
  }
};

template <class T>
std::optional<Error> decode_into(const Json& j, T& out, const PathLink& path);

template <class T>
std::optional<Error> decode_integer(const Json& j, T& out, const PathLink& path) {
  if (j.is_number_unsigned()) {
    const auto u = j.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<T>::max()))
      return make_error("json.range", path.str(), "number " + std::to_string(u) + " is too large");
    out = static_cast<T>(u);
    return std::nullopt;
  }
  if (j.is_number_integer()) {
    const auto s = j.get<std::int64_t>();
    if (s < static_cast<std::int64_t>(std::numeric_limits<T>::min()) ||
        (s > 0 && static_cast<std::uint64_t>(s) > static_cast<std::uint64_t>(std::numeric_limits<T>::max())))
      return make_error("json.range", path.str(), "number " + std::to_string(s) + " is out of range");
    out = static_cast<T>(s);
    return std::nullopt;
  }
  return type_error(path.str(), "integer", j);
}

template <class T>
std::optional<Error> decode_enum(const Json& j, T& out, const PathLink& path) {
  if (!j.is_string()) return type_error(path.str(), "string", j);
  const auto& s = j.get_ref<const std::string&>();
  if (boost::describe::enum_from_string(s.c_str(), out)) return std::nullopt;
  std::string allowed;
  boost::mp11::mp_for_each<boost::describe::describe_enumerators<T>>([&](auto d) {
    allowed += allowed.empty() ? "" : ", ";
    allowed += d.name;
  });
  return make_error("json.enum", path.str(), "'" + s + "' is not one of: " + allowed);
}

template <class T>
std::optional<Error> decode_struct(const Json& j, T& out, const PathLink& path) {
  if (!j.is_object()) return type_error(path.str(), "object", j);
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();  // not a structured binding: clang 14 cannot capture those
    bool known = false;
    boost::mp11::mp_for_each<public_members<T>>([&](auto d) { known = known || key == d.name; });
    if (!known) return make_error("json.unknown_field", path.child(key).str(), "unknown field '" + key + "'");
  }
  std::optional<Error> err;
  boost::mp11::mp_for_each<public_members<T>>([&](auto d) {
    if (err) return;
    using M = std::decay_t<decltype(out.*d.pointer)>;
    const auto member_path = path.child(d.name);
    const auto it = j.find(d.name);
    if (it == j.end()) {
      if constexpr (!may_be_absent<M>)
        err = make_error("json.missing_field", member_path.str(),
                         std::string("missing required field '") + d.name + "'");
      return;
    }
    err = decode_into(*it, out.*d.pointer, member_path);
  });
  return err;
}

template <class T>
std::optional<Error> decode_into(const Json& j, T& out, const PathLink& path) {
  if constexpr (std::is_same_v<T, bool>) {
    if (!j.is_boolean()) return type_error(path.str(), "boolean", j);
    out = j.get<bool>();
  } else if constexpr (Integer<T>) {
    return decode_integer(j, out, path);
  } else if constexpr (std::is_floating_point_v<T>) {
    if (!j.is_number()) return type_error(path.str(), "number", j);
    out = j.get<T>();
    if (!std::isfinite(out)) return make_error("json.range", path.str(), "number is not finite");
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!j.is_string()) return type_error(path.str(), "string", j);
    out = j.get_ref<const std::string&>();
  } else if constexpr (DescribedEnum<T>) {
    return decode_enum(j, out, path);
  } else if constexpr (is_optional<T>::value) {
    if (j.is_null()) {
      out.reset();
      return std::nullopt;
    }
    typename T::value_type inner{};
    if (auto e = decode_into(j, inner, path)) return e;
    out = std::move(inner);
  } else if constexpr (is_vector<T>::value) {
    if (!j.is_array()) return type_error(path.str(), "array", j);
    out.clear();
    out.resize(j.size());
    for (std::size_t i = 0; i < j.size(); ++i)
      if (auto e = decode_into(j[i], out[i], path.child(i))) return e;
  } else if constexpr (is_string_map<T>::value) {
    if (!j.is_object()) return type_error(path.str(), "object", j);
    out.clear();
    for (auto it = j.begin(); it != j.end(); ++it)
      if (auto e = decode_into(it.value(), out[it.key()], path.child(it.key()))) return e;
  } else if constexpr (DescribedStruct<T>) {
    return decode_struct(j, out, path);
  } else {
    static_assert(sizeof(T) == 0, "onb::decode: type is not described and not a supported JSON value type");
  }
  return std::nullopt;
}

// The fast reader: JSON text straight into described values, for the common case of text that
// decodes. At any doubt — a syntax error, an unknown or repeated key, a wrong type, an integer out of
// range or with a fraction — it gives up, and decode_text falls back to the tree,
// which finds and names the problem. So a value it returns is the value the tree would have decoded
// (tests/shared/core/json_codec_test.cpp holds the two to that on fixtures and thousands of mutations),
// and every error is still the tree's. It saves the tree's allocations: a std::map node per key and a
// json value per member, which were most of decoding a stored application.
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
    return ascii || valid_utf8(out);
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
  static constexpr int max_depth = static_cast<int>(64);  // = max_json_depth, declared further down

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
  if constexpr (std::is_same_v<T, bool>) {
    if (in.literal("true")) return out = true, true;
    if (in.literal("false")) return out = false, true;
    return false;
  } else if constexpr (Integer<T>) {
    return in.read_integer(out);
  } else if constexpr (std::is_same_v<T, double>) {
    return in.read_double(out);
  } else if constexpr (std::is_floating_point_v<T>) {
    return false;  // float, long double: not in the model; the tree decodes them
  } else if constexpr (std::is_same_v<T, std::string>) {
    return in.read_string(out);
  } else if constexpr (DescribedEnum<T>) {
    std::string name;
    return in.read_string(name) && boost::describe::enum_from_string(name.c_str(), out);
  } else if constexpr (is_optional<T>::value) {
    if (in.literal("null")) return out.reset(), true;
    typename T::value_type inner{};
    if (!fast_read(in, inner)) return false;
    out = std::move(inner);
    return true;
  } else if constexpr (is_vector<T>::value) {
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
  } else if constexpr (is_string_map<T>::value) {
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
  } else if constexpr (DescribedStruct<T>) {
    return fast_read_struct(in, out);
  } else {
    static_assert(sizeof(T) == 0, "onb::decode_text: type is not described and not a supported JSON value type");
  }
}

}  // namespace detail

template <class T>
Json encode(const T& value) {
  Json out;
  detail::encode_into(out, value);
  return out;
}

// The JSON text of `value`, byte for byte encode(value).dump(-1, ' ', false, Json::error_handler_t::replace)
// (tests/shared/core/json_codec_test.cpp holds them to it), several times faster. Never throws.
template <class T>
std::string encode_text(const T& value) {
  std::string out;
  out.reserve(256);
  detail::write_json(out, value);
  return out;
}

// Strict decode of an already parsed document. `path` prefixes every error path (for embedded parts).
template <class T>
[[nodiscard]] Result<T> decode(const Json& j, const std::string& path = "") {
  T out{};
  // in_place_* tags: for T = Error (decoding an error reply) plain returns would be ambiguous.
  if (auto e = detail::decode_into(j, out, detail::PathLink{detail::PathLink::Kind::root, nullptr, path, 0}))
    return Result<T>(boost::system::in_place_error, std::move(*e));
  return Result<T>(boost::system::in_place_value, std::move(out));
}

// Limits applied while parsing untrusted text; the server's body limit bounds the rest.
inline constexpr std::size_t max_json_depth = 64;  // our model nests < 8 deep; deeper input is hostile

// Parses JSON text without exceptions. Syntax errors, invalid UTF-8 and nesting deeper than
// max_json_depth become Error{"json.syntax" | "json.too_deep", "", message with byte offset}.
[[nodiscard]] Result<Json> parse_json(std::string_view text);

// decode_text without the fast reader: parse_json + decode (tests compare the two).
template <class T>
[[nodiscard]] Result<T> decode_text_tree(std::string_view text) {
  auto j = parse_json(text);
  if (!j) return Result<T>(boost::system::in_place_error, j.error());
  return decode<T>(*j);
}

// parse_json + decode, in one pass over the text when it decodes (the fast reader above); the tree
// only when it does not, to name the problem.
template <class T>
[[nodiscard]] Result<T> decode_text(std::string_view text) {
  static_assert(max_json_depth == 64, "FastReader::max_depth must follow max_json_depth");
  {
    T out{};
    detail::FastReader in(text);
    if (detail::fast_read(in, out) && in.at_end()) return Result<T>(boost::system::in_place_value, std::move(out));
  }
  return decode_text_tree<T>(text);
}

}  // namespace onb
