// Shared setup for the workflow tests: the v1 policy from assets/, a cast of people, valid payloads
// for every event kind, and logs that bring an enrollment to each stage by the documented happy path.
#pragma once

#include "shared/workflow/canonical.hpp"
#include "shared/workflow/guards.hpp"
#include "shared/workflow/policy.hpp"
#include "shared/workflow/projections.hpp"
#include "shared/workflow/sla.hpp"
#include "shared/workflow/state.hpp"
#include "shared/workflow/transitions.hpp"

#include "../support.hpp"

#include <fstream>
#include <sstream>

namespace wf_test {

using namespace onb::workflow;
using onb::UnixSeconds;

inline std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(ONB_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline const WorkflowPolicy& policy() {
  static const WorkflowPolicy p = [] {
    auto parsed = parse_policy(read_source_file("assets/policy/workflow-v1.json"));
    REQUIRE_MESSAGE(parsed.has_value(), onb::to_display_string(parsed));
    return *parsed;
  }();
  return p;
}

inline UnixSeconds at(const char* instant) { return *onb::parse_instant(instant); }

// The cast. Everyone is a different person unless a test says otherwise.
inline Actor customer() { return {"cust-1", Role::customer}; }
inline Actor rep() { return {"rep-1", Role::sales_rep}; }
inline Actor officer() { return {"co-1", Role::compliance_officer}; }
inline Actor analyst() { return {"ca-1", Role::credit_analyst}; }
inline Actor approver(std::string id = "ap-1", int tier = 3) { return {std::move(id), Role::credit_approver, tier}; }
inline Actor steward() { return {"ds-1", Role::data_steward}; }
inline Actor billing() { return {"ba-1", Role::billing_admin}; }
inline Actor admin() { return {"adm-1", Role::admin}; }
inline Actor as(std::string id, Role role, std::optional<int> tier = std::nullopt) {
  return {std::move(id), role, tier};
}

inline ApplicationSummary good_application() {
  return {false,
          {{"trade_register_extract", DocumentStatus::uploaded}, {"bank_confirmation", DocumentStatus::uploaded}},
          {{"A. Owner", 60, true}, {"B. Minor", 10, false}}};
}

// A payload that passes every content rule for `kind` in `stage` (credit: a tier-1 EUR limit), with a
// reason, which every decision may carry.
inline Event valid_event(EventKind kind, const Actor& actor, Stage stage = Stage::draft) {
  Event e;
  e.kind = kind;
  e.actor = actor;
  e.reason = "because the file says so";
  switch (kind) {
    case EventKind::created:
      e.created = Created{"cust-1"};
      break;
    case EventKind::edited:
      e.edited = Edited{{"/company/legal_name"}};
      break;
    case EventKind::assigned:
      e.assigned = Assigned{"someone", stage_owner(stage).value_or(Role::admin)};
      break;
    case EventKind::info_requested:
      e.info_requested = InfoRequested{{"Please upload the 2025 accounts."}};
      break;
    case EventKind::info_provided:
      e.info_provided = InfoProvided{{"Uploaded."}};
      break;
    case EventKind::document_decided:
      e.document_decided = DocumentDecided{"trade_register_extract"};
      break;
    case EventKind::compliance_cleared:
      e.compliance_cleared = ComplianceOutcome{true, true};
      break;
    case EventKind::compliance_failed:
      e.compliance_failed = ComplianceOutcome{true, false};
      break;
    case EventKind::credit_decided:
      e.credit_decided = CreditDecided{10000, "EUR", 30, RiskGrade::low, 1, 1};
      break;
    case EventKind::approval_granted:
      e.approval_granted = ApprovalDecision{1};
      break;
    case EventKind::approval_denied:
      e.approval_denied = ApprovalDecision{1};
      break;
    case EventKind::master_data_created:
      e.master_data_created = MasterDataCreated{"C-100042"};
      break;
    case EventKind::billing_configured:
      e.billing_configured = BillingConfigured{"ap@example.com", InvoicingChannel::email, 30, "EUR"};
      break;
    case EventKind::escalated:
      e.escalated = Escalated{Role::admin, 5};
      break;
    case EventKind::comment:
      e.comment = Comment{"noted", Visibility::customer};
      break;
    default:
      break;
  }
  return e;
}

// stage_owner() is part of the rules under test, but a valid assignment needs it; the table test
// checks assignment roles separately.

// Builds a log through check() so every step is a real, accepted event. Time advances one hour per event
// from Monday 2026-03-02 09:00Z.
struct Case {
  std::string id = "e-1";
  ApplicationSummary application = good_application();
  std::vector<Event> log;
  EnrollmentState state;
  UnixSeconds clock = at("2026-03-02T09:00:00Z");

  Event next(Event e) {
    e.enrollment_id = id;
    e.sequence = state.last_sequence + 1;
    e.at = onb::format_instant(clock += 3600);
    return e;
  }
  Event next(EventKind kind, const Actor& actor) { return next(valid_event(kind, actor, state.stage)); }
  onb::Result<void> try_add(const Event& e) {
    auto verdict = check(state, e, Context{policy(), application});
    if (verdict) {
      log.push_back(e);
      state = evolve(std::move(state), e);
    }
    return verdict;
  }
  onb::Result<void> try_do(EventKind kind, const Actor& actor) { return try_add(next(kind, actor)); }
  // For steps a test relies on: a refusal here is a broken fixture, reported with its code.
  Case& then(EventKind kind, const Actor& actor) {
    auto r = try_do(kind, actor);
    REQUIRE_MESSAGE(r.has_value(), onb::to_display_string(kind)
                                       << " by " << actor.id << ": " << onb::to_display_string(r));
    return *this;
  }
  Case& then_event(const Event& e) {
    auto r = try_add(next(e));
    REQUIRE_MESSAGE(r.has_value(), onb::to_display_string(e.kind) << ": " << onb::to_display_string(r));
    return *this;
  }
};

inline Event document(const char* type, DocumentDecision decision, const Actor& by = officer()) {
  Event e = valid_event(EventKind::document_decided, by);
  e.document_decided = DocumentDecided{type, decision};
  if (decision == DocumentDecision::deferred) e.document_decided->deferred_until = "2026-06-30";
  return e;
}

inline Event credit(std::int64_t limit, int tier, int approvers, const Actor& by = analyst()) {
  Event e = valid_event(EventKind::credit_decided, by);
  e.credit_decided = CreditDecided{limit, "EUR", 30, RiskGrade::medium, tier, approvers};
  return e;
}

inline Event approval(EventKind kind, const Actor& by, int tier) {
  Event e = valid_event(kind, by);
  (kind == EventKind::approval_granted ? e.approval_granted : e.approval_denied) = ApprovalDecision{tier};
  return e;
}

// An enrollment brought to `stage` by the happy path: a sales rep creates it, the customer edits and
// submits, a compliance officer picks it up, accepts both documents and clears it, an analyst proposes a
// tier-1 limit, one approver approves, a data steward creates the customer, billing is configured and
// activated; renewal is reopened by the compliance officer.
inline Case case_at(Stage stage) {
  using K = EventKind;
  Case c;
  c.then(K::created, rep());
  if (stage == Stage::withdrawn) {
    c.then(K::withdrawn, customer());
    return c;
  }
  c.then(K::edited, customer());
  if (stage == Stage::draft) return c;
  c.then(K::submitted, customer());
  if (stage == Stage::submitted) return c;
  c.then(K::assigned, officer());
  c.then_event(document("trade_register_extract", DocumentDecision::accepted));
  c.then_event(document("bank_confirmation", DocumentDecision::accepted));
  if (stage == Stage::compliance_review) return c;
  if (stage == Stage::info_requested) {
    c.then(K::info_requested, officer());
    return c;
  }
  if (stage == Stage::rejected) {
    c.then(K::compliance_failed, officer());
    return c;
  }
  c.then(K::compliance_cleared, officer());
  if (stage == Stage::credit_review) return c;
  c.then(K::credit_decided, analyst());
  if (stage == Stage::approval) return c;
  c.then(K::approval_granted, approver());
  if (stage == Stage::master_data) return c;
  c.then(K::master_data_created, steward()).then(K::billing_configured, billing());
  if (stage == Stage::billing_setup) return c;
  c.then(K::activated, billing());
  if (stage == Stage::active) return c;
  c.then(K::reopened, officer());  // under_review
  return c;
}

// The option for `kind` among what allowed_actions() offers; null when it is not offered at all.
inline const ActionOption* find(const std::vector<ActionOption>& options, EventKind kind) {
  for (const auto& o : options)
    if (o.kind == kind) return &o;
  return nullptr;
}

}  // namespace wf_test
