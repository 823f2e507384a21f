// [SECTION] index: order, transition table, preconditions on the application, the whole check.
// Segregation of duties is in segregation.cpp, tiers in tiers.cpp, payload content in payload.cpp.
#include "shared/workflow/guards.hpp"

#include "shared/validation/messages_refusals.hpp"
#include "shared/workflow/transitions.hpp"

#include <algorithm>
#include <cstdio>

namespace onb::workflow {
namespace {

std::string name_of(auto e) { return boost::describe::enum_to_string(e, "?"); }

std::string role_list(const std::vector<Role>& roles) {
  std::string out;
  for (Role r : roles) out += (out.empty() ? "" : ", ") + name_of(r);
  return out;
}

std::string percent(double p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", p);
  return buf;
}

Result<void> check_owners(const ApplicationSummary& app, double threshold) {
  for (std::size_t i = 0; i < app.owners.size(); ++i) {
    const auto& o = app.owners[i];
    if (o.ownership_percent >= threshold && !o.verified)
      return make_error(ErrorCategory::invalid, "compliance.owner_unverified", "/owners/" + std::to_string(i),
          validation::refusal_text("compliance.owner_unverified",
                                   {{"name", o.name}, {"percent", percent(o.ownership_percent)}}));
  }
  return {};
}

Result<void> check_activation(const EnrollmentState& s) {
  std::string missing;
  const auto need = [&](bool done, const char* what) {
    if (!done) missing += (missing.empty() ? "" : ", ") + std::string(what);
  };
  need(s.compliance_cleared, "compliance clearance");
  need(s.credit.has_value(), "credit decision");
  need(s.credit_approved, "credit approval");
  need(s.customer_number.has_value(), "customer number");
  need(s.billing.has_value(), "billing setup");
  if (missing.empty()) return {};
  return make_error(ErrorCategory::invalid, "activation.incomplete", "",
                    validation::refusal_text("activation.incomplete", {{"missing", missing}}));
}

}  // namespace

bool documents_complete(const EnrollmentState& state, const ApplicationSummary& app) {
  return std::all_of(app.required_documents.begin(), app.required_documents.end(), [&](const RequiredDocument& d) {
    const auto decision = state.documents.find(d.type);
    if (decision == state.documents.end()) return false;
    if (decision->second == DocumentDecision::waived) return true;
    return decision->second == DocumentDecision::accepted && d.status == DocumentStatus::uploaded;
  });
}

Result<void> check_order(const EnrollmentState& state, const Event& event) {
  if (!state.exists) {
    if (event.kind != EventKind::created)
      return make_error(ErrorCategory::conflict, "event.before_created", "/kind", validation::refusal_text("event.before_created"));
    if (event.sequence != 1) return make_error(ErrorCategory::conflict, "event.sequence", "/sequence", validation::refusal_text("event.sequence#first"));
    return {};
  }
  if (event.enrollment_id != state.enrollment_id)
    return make_error(ErrorCategory::conflict, "event.enrollment_mismatch", "/enrollment_id", validation::refusal_text("event.enrollment_mismatch"));
  if (event.sequence != state.last_sequence + 1)
    return make_error(ErrorCategory::conflict, "event.sequence", "/sequence",
                      validation::refusal_text("event.sequence", {{"expected", std::to_string(state.last_sequence + 1)}}));
  // Canonical instants compare correctly as text.
  if (event.at < state.last_at)
    return make_error(ErrorCategory::conflict, "event.time_order", "/at", validation::refusal_text("event.time_order"));
  return {};
}

Result<void> check_transition(const EnrollmentState& state, EventKind kind, const Actor& actor) {
  if (!state.exists) {
    if (kind != EventKind::created)
      return make_error(ErrorCategory::conflict, "event.before_created", "/kind", validation::refusal_text("event.before_created"));
    if (actor.role == Role::customer || actor.role == Role::sales_rep) return {};
    return make_error(ErrorCategory::forbidden, "role.not_permitted", "/actor/role", validation::refusal_text("role.not_permitted#create"));
  }
  const Transition* t = find_transition(state.stage, kind);
  if (!t)
    return make_error(ErrorCategory::conflict, "stage.event_not_allowed", "/kind",
        validation::refusal_text("stage.event_not_allowed", {{"kind", name_of(kind)}, {"stage", name_of(state.stage)}}));
  if (std::find(t->roles.begin(), t->roles.end(), actor.role) == t->roles.end())
    return make_error(ErrorCategory::forbidden, "role.not_permitted", "/actor/role",
                      validation::refusal_text("role.not_permitted", {{"role", name_of(actor.role)},
                                                                      {"kind", name_of(kind)},
                                                                      {"stage", name_of(state.stage)},
                                                                      {"allowed", role_list(t->roles)}}));
  return {};
}

Result<void> check_preconditions(const EnrollmentState& state, EventKind kind, const Context& ctx) {
  switch (kind) {
    case EventKind::submitted:
      if (ctx.application.has_blocking_errors)
        return make_error(ErrorCategory::application_invalid, "submit.validation_errors", "", validation::refusal_text("submit.validation_errors"));
      return {};
    case EventKind::compliance_cleared:
      if (!documents_complete(state, ctx.application))
        return make_error(ErrorCategory::invalid, "compliance.documents_incomplete", "",
                          validation::refusal_text("compliance.documents_incomplete"));
      return check_owners(ctx.application, ctx.policy.beneficial_owner_threshold_percent);
    case EventKind::activated:
      return check_activation(state);
    default:
      return {};
  }
}

Result<void> check(const EnrollmentState& state, const Event& event, const Context& ctx) {
  if (auto r = check_event_shape(event); !r) return r;
  if (auto r = check_order(state, event); !r) return r;
  if (auto r = check_transition(state, event.kind, event.actor); !r) return r;
  if (auto r = check_segregation(state, event.kind, event.actor); !r) return r;
  if (auto r = check_tier(state, event.kind, event.actor); !r) return r;
  if (auto r = check_preconditions(state, event.kind, ctx); !r) return r;
  return check_payload(state, event, ctx);
}

}  // namespace onb::workflow
