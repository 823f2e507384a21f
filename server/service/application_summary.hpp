// What the workflow needs to know about an application (workflow::ApplicationSummary), computed from
// the shared validation of the stored application: blocking errors, each attached document type (or
// missing requirement) and each owner with whether an identity document is attached for them.
// Candidate for shared/ (the portal will need the same mapping); the rules stay in validation/workflow.
#pragma once

#include "shared/core/calendar.hpp"
#include "shared/model/application.hpp"
#include "shared/validation/application.hpp"
#include "shared/workflow/guards.hpp"

namespace onb::server::service {

workflow::ApplicationSummary summarize(const model::Application& app, const validation::ValidationReport& report,
                                       Date today);

}  // namespace onb::server::service
