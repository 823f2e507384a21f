// Every python-stdnum test vector (tag 1.18 and HEAD) for the schemes in shared/ids, checked
// against our result: validity, compact form, display form and failure class. Rows where stdnum's
// rule changed between 1.18 and HEAD are listed, with the reason, in tests/data/stdnum/exceptions.tsv.
#include "shared/ids/options.hpp"
#include "shared/ids/scheme.hpp"

#include "../support.hpp"

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

using onb::ids::Check;
using onb::ids::Failure;

namespace {

const std::string data_dir = std::string(ONB_SOURCE_DIR) + "/tests/data/stdnum/";

struct Row {
  std::string file, module, function, kwargs, input, kind, expected;
};

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> cols;
  std::string col;
  std::istringstream ss(line);
  while (std::getline(ss, col, '\t')) cols.push_back(col);
  if (!line.empty() && line.back() == '\t') cols.emplace_back();
  return cols;
}

std::vector<std::vector<std::string>> read_tsv(const std::string& name) {
  std::ifstream in(data_dir + name);
  REQUIRE_MESSAGE(in.good(), "cannot read " << data_dir + name);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line))
    if (!line.empty() && line[0] != '#') rows.push_back(split_tabs(line));
  return rows;
}

std::vector<Row> read_vectors(const std::string& file) {
  std::vector<Row> rows;
  for (auto& c : read_tsv(file)) {
    c.resize(7);
    rows.push_back({file, c[1], c[2], c[3], c[4], c[5], c[6]});
  }
  return rows;
}

// (file, module, function, input) of the rows exceptions.tsv excuses, each with a reason.
using Key = std::tuple<std::string, std::string, std::string, std::string>;
std::map<Key, std::string> read_exceptions() {
  std::map<Key, std::string> out;
  for (auto& c : read_tsv("exceptions.tsv")) {
    REQUIRE_MESSAGE(c.size() >= 5, "exceptions.tsv rows have 5 columns");
    REQUIRE_MESSAGE(!c[4].empty(), "every exception has a reason");
    out[{c[0], c[1], c[2], c[3]}] = c[4];
  }
  return out;
}

// Python repr of a str, as the vectors store expected values: '...' or "...".
std::string unrepr(const std::string& s) {
  if (s.size() < 2) return s;
  std::string out;
  for (std::size_t i = 1; i + 1 < s.size(); ++i) {
    if (s[i] == '\\' && i + 2 < s.size()) ++i;
    out.push_back(s[i]);
  }
  return out;
}

Failure failure_of(const std::string& exception) {
  if (exception == "InvalidFormat") return Failure::format;
  if (exception == "InvalidLength") return Failure::length;
  if (exception == "InvalidChecksum") return Failure::checksum;
  if (exception == "InvalidComponent") return Failure::component;
  return Failure::none;
}

Check validate(const onb::ids::Scheme& s, const Row& r) {
  if (r.kwargs == "check_country=False") return onb::ids::validate_iban(r.input, false);
  if (r.kwargs == "validate_check_digits=True") return onb::ids::validate_mx_rfc(r.input, true);
  return s.validate(r.input);
}

// "" when our result agrees with the row, otherwise what differs.
std::string disagreement(const onb::ids::Scheme& s, const Row& r) {
  const Check c = validate(s, r);
  std::ostringstream why;
  if (r.function == "is_valid") {
    if (c.valid != (r.kind == "valid")) why << "valid=" << c.valid << " (" << c.message << ")";
  } else if (r.function == "validate" || r.function == "compact") {
    if (r.kind == "exception") {
      if (c.valid)
        why << "accepted; stdnum raises " << r.expected;
      else if (c.failure != failure_of(r.expected))
        why << "failure " << boost::describe::enum_to_string(c.failure, "?") << ", stdnum " << r.expected;
    } else if (r.function == "validate") {
      if (!c.valid || c.compact != unrepr(r.expected))
        why << "valid=" << c.valid << " compact=" << c.compact << " (" << c.message << ")";
    } else if (s.compact(r.input) != unrepr(r.expected)) {
      why << "compact=" << s.compact(r.input);
    }
  } else if (r.function == "format") {
    if (s.format(r.input) != unrepr(r.expected)) why << "format=" << s.format(r.input);
  }
  return why.str();
}

bool applies(const Row& r) {
  static const std::set<std::string> functions = {"is_valid", "validate", "compact", "format"};
  return functions.count(r.function) && r.module.starts_with("stdnum.") && onb::ids::find_scheme(r.module.substr(7));
}

}  // namespace

TEST_CASE("python-stdnum vectors: every row for our schemes agrees, except documented rule changes") {
  const auto excused = read_exceptions();
  std::set<Key> used;
  for (const std::string file : {"vectors-1.18.tsv", "vectors-head.tsv"}) {
    int agreed = 0, excepted = 0, skipped = 0;
    for (const Row& r : read_vectors(file)) {
      if (!applies(r)) {
        skipped += onb::ids::find_scheme(r.module.substr(std::min<std::size_t>(7, r.module.size()))) ? 1 : 0;
        continue;
      }
      const std::string why = disagreement(*onb::ids::find_scheme(r.module.substr(7)), r);
      const Key key{file, r.module, r.function, r.input};
      if (excused.count(key)) {
        used.insert(key);
        CHECK_MESSAGE(!why.empty(), file << ": " << r.module << " " << r.function << " '" << r.input
                                         << "' is listed in exceptions.tsv but agrees");
        ++excepted;
        continue;
      }
      CHECK_MESSAGE(why.empty(), file << ": " << r.module << " " << r.function << "(" << r.kwargs << ") '" << r.input
                                      << "' expected " << r.kind << " " << r.expected << ": " << why);
      agreed += why.empty() ? 1 : 0;
    }
    MESSAGE(file << ": " << agreed << " rows agree, " << excepted << " excused (rule changed upstream), " << skipped
                 << " skipped (functions outside the Scheme interface)");
    CHECK(agreed > 1000);
  }
  CHECK_MESSAGE(used.size() == excused.size(), "exceptions.tsv lists rows that are not in the vectors");
}
