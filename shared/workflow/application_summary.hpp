// What the workflow needs to know about an application (workflow::ApplicationSummary), computed from
// the shared validation of the stored application: blocking errors, each attached document type (or
// missing requirement) and each owner with whether an identity document is attached for them.
// The server computes it for every decision; the portal can show the same (what is missing, which owner
// lacks an identity document) from the same code.
#pragma once

#include "shared/core/calendar.hpp"
#include "shared/model/application.hpp"
#include "shared/validation/application.hpp"
#include "shared/workflow/guards.hpp"

namespace onb::workflow {

ApplicationSummary summarize(const model::Application& app, const validation::ValidationReport& report,
                                       Date today);

}  // namespace onb::workflow
