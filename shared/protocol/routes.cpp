// [SECTION] index: the table, derived lookups (templates, matching, Allow), the path builder.
#include "shared/protocol/routes.hpp"

namespace onb::protocol {
namespace {

constexpr std::size_t params_in(std::string_view t) {
  std::size_t n = 0;
  for (char c : t) n += c == '{' ? 1 : 0;
  return n;
}
constexpr bool params_fit() {
  for (const auto& t : templates)
    if (params_in(t) > max_path_params) return false;
  return true;
}
static_assert(params_fit(), "a template has more {parameters} than max_path_params");

bool is_param(std::string_view segment) { return segment.size() > 2 && segment.front() == '{' && segment.back() == '}'; }

// Splits off the segment after the leading '/' of `rest`; false when `rest` is empty.
bool next_segment(std::string_view& rest, std::string_view& segment) {
  if (rest.empty() || rest.front() != '/') return false;
  rest.remove_prefix(1);
  const auto slash = rest.find('/');
  segment = rest.substr(0, slash);
  rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
  return true;
}

bool instantiates(std::string_view tmpl, std::string_view path, PathMatch& out) {
  std::string_view t, p;
  std::size_t param = 0;
  for (;;) {
    const bool more_t = next_segment(tmpl, t);
    const bool more_p = next_segment(path, p);
    if (!more_t || !more_p) return more_t == more_p;
    if (is_param(t)) {
      if (p.empty()) return false;
      out.params[param++] = p;
    } else if (t != p) {
      return false;
    }
  }
}

std::string_view literal_prefix(std::string_view tmpl) { return tmpl.substr(0, tmpl.find('{')); }

void append_encoded(std::string& out, std::string_view value) {
  constexpr char hex[] = "0123456789ABCDEF";
  for (const unsigned char c : value) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 0xf];
    }
  }
}

}  // namespace

std::string_view operation_id(RouteId id) { return boost::describe::enum_to_string(id, ""); }

std::string_view method_name(Method method) {
  switch (method) {
    case Method::get: return "GET";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::delete_: return "DELETE";
  }
  return "GET";
}


std::optional<PathMatch> match(std::string_view path) {
  for (std::size_t i = 0; i < templates.size(); ++i) {
    PathMatch m;
    m.resource = i;
    if (instantiates(templates[i], path, m)) return m;
  }
  return std::nullopt;
}

const Route* find(std::size_t resource, std::string_view method) {
  const bool head = method == "HEAD";
  for (const auto& r : route_table) {
    if (r.path != templates[resource]) continue;
    if (method_name(r.method) == method || (head && r.method == Method::get && r.answers_head)) return &r;
  }
  return nullptr;
}

std::string allowed_methods(std::size_t resource) {
  std::string out;
  for (const auto& r : route_table) {
    if (r.path != templates[resource]) continue;
    if (!out.empty()) out += ", ";
    out += method_name(r.method);
    if (r.method == Method::get && r.answers_head) out += ", HEAD";
  }
  return out;
}

Access access_of(std::size_t resource) {
  for (const auto& r : route_table)
    if (r.path == templates[resource]) return r.access;
  return Access::anyone;
}

bool below_signed_in_route(std::string_view path) {
  for (const auto& r : route_table)
    if (r.access == Access::signed_in && path.starts_with(literal_prefix(r.path))) return true;
  return false;
}

std::string path(RouteId id, std::initializer_list<std::string_view> params, std::initializer_list<QueryValue> query) {
  std::string out;
  std::string_view tmpl = route(id).path;
  auto next = params.begin();
  std::string_view segment;
  while (next_segment(tmpl, segment)) {
    out += '/';
    if (!is_param(segment)) {
      out += segment;
    } else if (next != params.end()) {
      append_encoded(out, *next++);
    }
  }
  char separator = '?';
  for (const auto& [name, value] : query) {
    if (!value) continue;
    out += separator;
    out += name;
    out += '=';
    append_encoded(out, *value);
    separator = '&';
  }
  return out;
}

}  // namespace onb::protocol
