#include "shared/workflow/decide.hpp"

#include "shared/workflow/application_summary.hpp"
#include "shared/workflow/guards.hpp"

namespace onb::workflow {
namespace {

EventEnvelope envelope_for(const EnrollmentState& state, const Proposal& proposal, UnixSeconds now) {
  const std::string at = format_instant(now);
  return EventEnvelope{state.exists ? state.enrollment_id : proposal.enrollment_id, state.last_sequence + 1,
                       at < state.last_at ? state.last_at : at,  // canonical instants compare correctly as text
                       actor_for(proposal.by, state, proposal.body.kind)};
}

}  // namespace

Result<Decision> decide(const EnrollmentState& state, const Proposal& proposal, const model::Application& application,
                        const Policies& policies, UnixSeconds now) {
  Event event;
  static_cast<EventEnvelope&>(event) = envelope_for(state, proposal, now);
  static_cast<EventBody&>(event) = proposal.body;
  auto report = validation::validate_application(application, policies.documents, date_of(now));
  const auto summary = summarize(application, report, date_of(now));
  if (auto ok = check(state, event, Context{policies.workflow, summary}); !ok) return ok.error();
  auto next = evolve(state, event);
  return Decision{std::move(next), std::move(event), std::move(report)};
}

}  // namespace onb::workflow
