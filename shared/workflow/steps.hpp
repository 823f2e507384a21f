// The steps of the application form: which top-level parts of model::Application each step edits, and
// which steps an application shows given its entity type, country and credit request. Presentation
// structure only: whether a value is right is shared/validation's call, never decided here. Shared so that
// the portal's form and any other reader (the CLI, a server-side completeness view) agree on it.
#pragma once

#include "shared/model/application.hpp"
#include "shared/validation/application.hpp"

#include <boost/describe.hpp>

#include <string>
#include <vector>

namespace onb::workflow {

BOOST_DEFINE_ENUM_CLASS(StepId, company, addresses_contacts, tax_bank, owners_directors, credit_financials,
                        trade_references, documents, review)

// The JSON pointers ("/entity", "/addresses", ...) of the parts of the application a step edits.
std::vector<std::string> step_sections(StepId step);

// The top-level sections of `step` that `app` shows: e.g. no beneficial owners for a public body,
// financial statements and letter-of-credit terms only with a credit request on such terms.
std::vector<std::string> visible_sections(StepId step, const model::Application& app);

// Steps shown for `app`, in order; review is always last.
std::vector<StepId> steps_for(const model::Application& app);

// Whether the JSON pointer `path` is `prefix` or below it: "/owners/0/name" is under "/owners", "/ownersX"
// is not; everything is under "".
bool at_or_below(const std::string& path, const std::string& prefix);

// How many problems of `severity` are at `prefix` or below it.
int problems_under(const validation::Problems& problems, const std::string& prefix, validation::Severity severity);

struct StepCount {
  StepId step = StepId::company;
  int errors = 0;
  int warnings = 0;
};
BOOST_DESCRIBE_STRUCT(StepCount, (), (step, errors, warnings))

// Problems per shown step, counted by path under the step's sections (review counts everything).
std::vector<StepCount> step_counts(const model::Application& app, const validation::ValidationReport& report);

}  // namespace onb::workflow
