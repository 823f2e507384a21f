// A validation problem: what the portal shows next to a field and the server returns with a 422.
// Validators collect every problem at once; they never stop at the first and never throw.
// Messages come from one catalogue (messages.hpp) keyed by `code`, in English and German.
#pragma once

#include <boost/describe.hpp>

#include <map>
#include <string>
#include <vector>

namespace onb::validation {

// error blocks submission; warning informs and lets the applicant go on.
BOOST_DEFINE_ENUM_CLASS(Severity, error, warning)

// Values a message mentions, by placeholder name ({"max": "200"}); a client renders the message in its
// own language from the code and these (messages.hpp) instead of parsing English text.
using Params = std::map<std::string, std::string>;

struct Problem {
  std::string path;  // JSON pointer of the field: "/owners/2/ownership_percent"
  std::string code;  // stable: "vat.checksum", "owner.ownership_sum"
  Severity severity = Severity::error;
  std::string message;  // English text for people
  Params params;        // may be empty; filled by rules that report through messages.hpp
};
BOOST_DESCRIBE_STRUCT(Problem, (), (path, code, severity, message, params))

using Problems = std::vector<Problem>;

inline bool has_errors(const Problems& ps) {
  for (const auto& p : ps)
    if (p.severity == Severity::error) return true;
  return false;
}

}  // namespace onb::validation
