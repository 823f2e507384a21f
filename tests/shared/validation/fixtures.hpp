// Shared setup of the application tests: the golden applications and the document policy read from the
// source tree (ONB_SOURCE_DIR, also under node with NODERAWFS), a fixed "today", and problem listings
// that read well in a failed CHECK.
#pragma once

#include "shared/core/json_codec.hpp"
#include "shared/model/application.hpp"
#include "shared/model/document_policy.hpp"
#include "shared/validation/application.hpp"
#include "shared/validation/messages.hpp"

#include "../support.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace doctest {
// Lists of "path code" print one per line in a failed CHECK.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "{\n";
    for (const auto& e : v) s += "  " + e + "\n";
    return (s + "}").c_str();
  }
};
}  // namespace doctest

namespace onb::test {

// The golden files' dates (statements, document expiry, consents) are written against this day.
inline constexpr Date today{2026, 11, 22};

inline std::string source_path(const std::string& relative) { return std::string(ONB_SOURCE_DIR) + "/" + relative; }

inline std::string read_file(const std::string& relative) {
  std::ifstream in(source_path(relative), std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline const model::DocumentPolicy& policy() {
  static const model::DocumentPolicy p = [] {
    auto r = decode_text<model::DocumentPolicy>(read_file("assets/policy/documents-v1.json"));
    REQUIRE_MESSAGE(r, "assets/policy/documents-v1.json: " << (r ? "" : r.error().message));
    return *r;
  }();
  return p;
}

inline model::Application golden(const std::string& name) {
  auto r = decode_text<model::Application>(read_file("tests/data/applications/" + name + ".json"));
  REQUIRE_MESSAGE(r, name << ": " << (r ? "" : r.error().path + " " + r.error().message));
  return *r;
}

inline validation::ValidationReport validate(const model::Application& app) {
  return validation::validate_application(app, policy(), today);
}

// "path code" per problem, in report order; also checks that every code is catalogued, so that no
// rule reports a code without a message in both languages.
inline std::vector<std::string> codes(const validation::Problems& ps) {
  std::vector<std::string> out;
  for (const auto& p : ps) {
    CHECK_MESSAGE(validation::find_message(p.code) != nullptr, "code not in the catalogue: " << p.code);
    out.push_back(p.path + " " + p.code);
  }
  return out;
}

inline bool has(const validation::Problems& ps, const std::string& path_and_code) {
  const auto all = codes(ps);
  return std::find(all.begin(), all.end(), path_and_code) != all.end();
}

}  // namespace onb::test
