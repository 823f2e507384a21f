// The status a customer sees. Only what is meant for them leaves this file: milestones, their pending
// items, questions asked of them, reasons for rejected documents and comments marked for them.
// Internal comments and the reasons of other decisions (compliance, credit, rejection) stay inside.
#include "shared/workflow/projections.hpp"

#include <map>

namespace onb::workflow {
namespace {

struct Walk {
  std::vector<Milestone> timeline;
  std::vector<std::string> open_questions;
  std::map<std::string, const Event*> last_document_decision;
  std::vector<CustomerMessage> messages;
};

void observe(Walk& w, const EnrollmentState& before, const EnrollmentState& after, const Event& e) {
  if (!before.exists || after.stage != before.stage) w.timeline.push_back({after.stage, e.at});
  if (e.info_requested) w.open_questions = e.info_requested->questions;
  if (e.document_decided) w.last_document_decision[e.document_decided->document_type] = &e;
  if (e.comment && e.comment->visibility == Visibility::customer) w.messages.push_back({e.at, e.comment->text});
}

// `decision` is the latest decision on the document (null: none); `text` what the customer is told with it.
std::optional<PendingItem> pending_document(const RequiredDocument& doc, const DocumentDecision* decision,
                                            std::string text) {
  const auto is = [decision](DocumentDecision d) { return decision && *decision == d; };
  if (is(DocumentDecision::waived)) return std::nullopt;
  if (is(DocumentDecision::rejected)) return PendingItem{PendingKind::rejected_document, doc.type, std::move(text)};
  if (is(DocumentDecision::deferred)) return PendingItem{PendingKind::deferred_document, doc.type, std::move(text)};
  if (doc.status == DocumentStatus::missing) return PendingItem{PendingKind::missing_document, doc.type, ""};
  if (doc.status == DocumentStatus::expired) return PendingItem{PendingKind::expired_document, doc.type, ""};
  return std::nullopt;
}

std::optional<PendingItem> pending_document(const RequiredDocument& doc, const Event* decision) {
  if (!decision) return pending_document(doc, static_cast<const DocumentDecision*>(nullptr), "");
  const auto& d = *decision->document_decided;
  std::string text = d.decision == DocumentDecision::deferred ? "due by " + d.deferred_until.value_or("")
                                                              : decision->reason.value_or("");
  return pending_document(doc, &d.decision, std::move(text));
}

// Active with every decision it rests on: the confirmation the customer may print.
std::optional<Confirmation> confirmation_of(const EnrollmentState& state, const std::vector<Milestone>& timeline) {
  if (state.stage != Stage::active || !state.customer_number || !state.credit || !state.billing) return std::nullopt;
  Confirmation c{*state.customer_number,           state.credit->limit,
                 state.billing->currency,          state.billing->payment_terms_days,
                 state.billing->invoicing_channel, ""};
  for (const auto& m : timeline)
    if (m.stage == Stage::active) c.activated_at = m.at;  // the latest activation (renewals re-enter)
  return c;
}

}  // namespace

Result<CustomerStatus> customer_status(const std::vector<Event>& log, const ApplicationSummary& app) {
  if (auto valid = fold(log); !valid) return valid.error();
  Walk walk;
  EnrollmentState state;
  for (const auto& e : log) {
    EnrollmentState next = evolve(state, e);
    observe(walk, state, next, e);
    state = std::move(next);
  }
  auto confirmation = confirmation_of(state, walk.timeline);
  CustomerStatus out{state.stage, std::move(walk.timeline), {}, std::move(walk.messages), std::move(confirmation)};
  for (const auto& doc : app.required_documents) {
    const auto it = walk.last_document_decision.find(doc.type);
    if (auto item = pending_document(doc, it == walk.last_document_decision.end() ? nullptr : it->second))
      out.pending.push_back(std::move(*item));
  }
  if (state.stage == Stage::info_requested)
    for (const auto& q : walk.open_questions) out.pending.push_back({PendingKind::question, "", q});
  return out;
}

std::vector<PendingItem> open_items(const EnrollmentState& state, const ApplicationSummary& app) {
  std::vector<PendingItem> out;
  for (const auto& doc : app.required_documents) {
    const auto it = state.documents.find(doc.type);
    const DocumentDecision* decision = it == state.documents.end() ? nullptr : &it->second;
    if (auto item = pending_document(doc, decision, "")) out.push_back(std::move(*item));
  }
  if (state.stage == Stage::info_requested) out.push_back({PendingKind::question, "", ""});
  return out;
}

}  // namespace onb::workflow
