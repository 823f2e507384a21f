// Offline validation of a whole application: every field rule, cross-field rule and document
// requirement, collected at once. The one entry point the portal (on every edit), the server (on every
// write) and `onboard validate` call. Pure: today's date and the policy are passed in; never throws.
#pragma once

#include "shared/core/calendar.hpp"
#include "shared/model/application.hpp"
#include "shared/model/document_policy.hpp"
#include "shared/validation/document_requirements.hpp"
#include "shared/validation/problem.hpp"

#include <boost/describe.hpp>

namespace onb::validation {

struct ValidationReport {
  Problems problems;                     // field order of the model, then document requirements
  int completeness = 100;                // percent of required documents present (documents.hpp)
  std::vector<MissingDocument> missing;  // what the applicant still has to attach
};
BOOST_DESCRIBE_STRUCT(ValidationReport, (), (problems, completeness, missing))

inline bool is_valid(const ValidationReport& r) { return !has_errors(r.problems); }

ValidationReport validate_application(const model::Application& app, const model::DocumentPolicy& policy, Date today);

}  // namespace onb::validation
