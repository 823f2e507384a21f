// The text writer: encode_text(v) is byte for byte encode(v).dump(-1, ' ', false,
// error_handler_t::replace), written straight from the value with no Json tree in between. Answers
// are replayed byte for byte and events are hashed over their text, so the two must never differ:
// keys come in the tree's order (sorted), the escapes are nlohmann's, and the cases nlohmann spells
// in its own way (doubles, invalid UTF-8) are handed to nlohmann itself.
// tests/shared/core/json_codec_test.cpp holds the writer to the tree.
#pragma once

#include "shared/core/json/kind.hpp"
#include "shared/core/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace onb {

namespace detail {

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
                       if constexpr (json_kind<std::decay_t<decltype(member)>> == JsonKind::optional) {
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
  constexpr JsonKind kind = json_kind<T>;
  if constexpr (kind == JsonKind::boolean) {
    out += v ? "true" : "false";
  } else if constexpr (kind == JsonKind::integer) {
    char digits[24];
    const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, v);
    out.append(digits, end);
  } else if constexpr (kind == JsonKind::floating) {
    out += Json(v).dump();
  } else if constexpr (kind == JsonKind::string) {
    write_json_string(out, v);
  } else if constexpr (kind == JsonKind::enumeration) {
    const char* name = boost::describe::enum_to_string(v, nullptr);
    if (name) write_json_string(out, name);
    else out += "null";
  } else if constexpr (kind == JsonKind::optional) {
    if (v) write_json(out, *v);
    else out += "null";
  } else if constexpr (kind == JsonKind::list) {
    out += '[';
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out += ',';
      write_json(out, v[i]);
    }
    out += ']';
  } else if constexpr (kind == JsonKind::string_map) {
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
  } else if constexpr (kind == JsonKind::record) {
    out += '{';
    bool first = true;
    for (const auto& m : SortedMembers<T>::get())
      if (m.write(out, v, first)) first = false;
    out += '}';
  } else {
    static_assert(no_branch_for<kind>, "onb::encode_text: type is not described and not a supported JSON value type");
  }
}

}  // namespace detail

// The JSON text of `value`, the bytes of the tree's dump described above. Never throws.
template <class T>
std::string encode_text(const T& value) {
  std::string out;
  out.reserve(256);
  detail::write_json(out, value);
  return out;
}

}  // namespace onb
