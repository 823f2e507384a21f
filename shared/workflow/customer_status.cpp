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

std::optional<PendingItem> pending_document(const RequiredDocument& doc, const Event* decision) {
  const auto kind = decision ? decision->document_decided->decision : DocumentDecision::accepted;
  if (decision && kind == DocumentDecision::waived) return std::nullopt;
  if (decision && kind == DocumentDecision::rejected)
    return PendingItem{PendingKind::rejected_document, doc.type, decision->reason.value_or("")};
  if (decision && kind == DocumentDecision::deferred)
    return PendingItem{PendingKind::deferred_document, doc.type,
                       "due by " + decision->document_decided->deferred_until.value_or("")};
  if (doc.status == DocumentStatus::missing) return PendingItem{PendingKind::missing_document, doc.type, ""};
  if (doc.status == DocumentStatus::expired) return PendingItem{PendingKind::expired_document, doc.type, ""};
  return std::nullopt;
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
  CustomerStatus out{state.stage, std::move(walk.timeline), {}, std::move(walk.messages)};
  for (const auto& doc : app.required_documents) {
    const auto it = walk.last_document_decision.find(doc.type);
    if (auto item = pending_document(doc, it == walk.last_document_decision.end() ? nullptr : it->second))
      out.pending.push_back(std::move(*item));
  }
  if (state.stage == Stage::info_requested)
    for (const auto& q : walk.open_questions) out.pending.push_back({PendingKind::question, "", q});
  return out;
}

}  // namespace onb::workflow
