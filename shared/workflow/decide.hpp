// One decision on a case, the whole of it: complete the proposed event body into an event (which
// enrollment, where in its log, when, by whom), validate the application it is judged on, summarise
// it, check() the event and evolve() the state. Every write of the server goes through here, so the
// order of these steps is written once; a new event kind needs nothing here.
#pragma once

#include "shared/core/calendar.hpp"
#include "shared/core/result.hpp"
#include "shared/model/application.hpp"
#include "shared/model/document_policy.hpp"
#include "shared/validation/application.hpp"
#include "shared/workflow/events.hpp"
#include "shared/workflow/people.hpp"
#include "shared/workflow/policy.hpp"
#include "shared/workflow/state.hpp"

#include <string>

namespace onb::workflow {

struct Policies {
  const WorkflowPolicy& workflow;
  const model::DocumentPolicy& documents;
};

// What someone proposes: an event body, by a person (acting in the role actor_for() picks), on an
// enrollment (its id is needed only for the first event; later ones take the state's).
struct Proposal {
  std::string enrollment_id;
  Person by;
  EventBody body;
};

struct Decision {
  EnrollmentState state;                // after the event
  Event event;                          // to append
  validation::ValidationReport report;  // of the application the event was judged on
};

// `application` is the application as it stands after the change (an edit's new one, otherwise the
// stored one). The event's time is `now`, but never before the previous event (a clock stepped back
// must not make the log unorderable). Errors are check()'s; a submission that the application's
// validation errors block is ErrorCategory::application_invalid (its problems: the caller's
// validate_application() of the same application).
[[nodiscard]] Result<Decision> decide(const EnrollmentState& state, const Proposal& proposal,
                                      const model::Application& application, const Policies& policies,
                                      UnixSeconds now);

}  // namespace onb::workflow
