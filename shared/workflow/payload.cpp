// What an event must say to be accepted: reasons for decisions against the applicant, and each
// payload's own content rules. Who and when is decided before this (guards.cpp).
#include "shared/core/calendar.hpp"
#include "shared/validation/messages_refusals.hpp"
#include "shared/validation/text.hpp"
#include "shared/workflow/guards.hpp"
#include "shared/workflow/transitions.hpp"

#include <algorithm>

namespace onb::workflow {
namespace {

bool blank(const std::string& s) { return validation::trim(s).empty(); }

// Decisions that go against the applicant, or bend a rule, must say why: the reason is what an
// auditor reads and, for documents, what the applicant is told.
bool needs_reason(const Event& e) {
  switch (e.kind) {
    case EventKind::compliance_failed:
    case EventKind::approval_denied:
    case EventKind::rejected:
    case EventKind::reopened:
      return true;
    case EventKind::document_decided:
      return e.document_decided && e.document_decided->decision != DocumentDecision::accepted;
    case EventKind::compliance_cleared:
      return e.compliance_cleared && e.compliance_cleared->screening == ScreeningResult::potential_match_cleared;
    default:
      return false;
  }
}

Result<void> check_people_payloads(const EnrollmentState& state, const Event& e) {
  if (e.created && blank(e.created->customer_id))
    return make_error(ErrorCategory::invalid, "created.customer_required", "/created/customer_id", validation::refusal_text("created.customer_required"));
  if (e.assigned && blank(e.assigned->assignee_id))
    return make_error(ErrorCategory::invalid, "assign.assignee_required", "/assigned/assignee_id", validation::refusal_text("assign.assignee_required"));
  if (e.assigned && stage_owner(state.stage) != e.assigned->assignee_role)
    return make_error(ErrorCategory::invalid, "assign.wrong_role", "/assigned/assignee_role", validation::refusal_text("assign.wrong_role"));
  if (e.info_requested && (e.info_requested->questions.empty() ||
                           std::any_of(e.info_requested->questions.begin(), e.info_requested->questions.end(), blank)))
    return make_error(ErrorCategory::invalid, "info.questions_required", "/info_requested/questions", validation::refusal_text("info.questions_required"));
  if (e.comment && blank(e.comment->text))
    return make_error(ErrorCategory::invalid, "comment.text_required", "/comment/text", validation::refusal_text("comment.text_required"));
  if (e.comment && e.actor.role == Role::customer && e.comment->visibility == Visibility::internal)
    return make_error(ErrorCategory::invalid, "comment.internal_by_customer", "/comment/visibility",
                      validation::refusal_text("comment.internal_by_customer"));
  if (e.escalated && e.escalated->overdue_business_hours < 0)
    return make_error(ErrorCategory::invalid, "escalate.overdue_negative", "/escalated/overdue_business_hours", validation::refusal_text("escalate.overdue_negative"));
  return {};
}

Result<void> check_review_payloads(const Event& e) {
  if (const auto& d = e.document_decided) {
    if (blank(d->document_type))
      return make_error(ErrorCategory::invalid, "document.type_required", "/document_decided/document_type", validation::refusal_text("document.type_required"));
    if (d->decision == DocumentDecision::deferred && !(d->deferred_until && parse_date(*d->deferred_until)))
      return make_error(ErrorCategory::invalid, "document.deferred_until_required", "/document_decided/deferred_until",
                        validation::refusal_text("document.deferred_until_required"));
  }
  if (const auto& c = e.compliance_cleared) {
    if (!c->identity_verified)
      return make_error(ErrorCategory::invalid, "compliance.identity_unverified", "/compliance_cleared/identity_verified",
                        validation::refusal_text("compliance.identity_unverified"));
    if (!c->beneficial_owners_verified)
      return make_error(ErrorCategory::invalid, "compliance.owner_unverified", "/compliance_cleared/beneficial_owners_verified",
                        validation::refusal_text("compliance.owner_unverified#payload"));
    if (c->screening == ScreeningResult::match)
      return make_error(ErrorCategory::invalid, "compliance.screening_match", "/compliance_cleared/screening",
                        validation::refusal_text("compliance.screening_match"));
  }
  return {};
}

Result<void> check_credit_payloads(const EnrollmentState& state, const Event& e) {
  if (const auto& c = e.credit_decided) {
    if (c->currency.size() != 3 ||
        !std::all_of(c->currency.begin(), c->currency.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
      return make_error(ErrorCategory::invalid, "credit.currency_format", "/credit_decided/currency", validation::refusal_text("credit.currency_format"));
    if (c->payment_terms_days < 0 || c->payment_terms_days > 365)
      return make_error(ErrorCategory::invalid, "credit.terms_range", "/credit_decided/payment_terms_days", validation::refusal_text("credit.terms_range"));
  }
  if (e.master_data_created && blank(e.master_data_created->customer_number))
    return make_error(ErrorCategory::invalid, "master_data.customer_number_required", "/master_data_created/customer_number",
                      validation::refusal_text("master_data.customer_number_required"));
  if (const auto& b = e.billing_configured) {
    if (b->billing_contact.find('@') == std::string::npos)
      return make_error(ErrorCategory::invalid, "billing.contact_required", "/billing_configured/billing_contact",
                        validation::refusal_text("billing.contact_required"));
    if (state.credit && b->currency != state.credit->currency)
      return make_error(ErrorCategory::invalid, "billing.currency_mismatch", "/billing_configured/currency",
                        validation::refusal_text("billing.currency_mismatch", {{"currency", state.credit->currency}}));
    if (state.credit && b->payment_terms_days > state.credit->payment_terms_days)
      return make_error(ErrorCategory::invalid, "billing.terms_exceed_credit", "/billing_configured/payment_terms_days",
          validation::refusal_text("billing.terms_exceed_credit", {{"days", std::to_string(state.credit->payment_terms_days)}}));
  }
  return {};
}

}  // namespace

Result<void> check_payload(const EnrollmentState& state, const Event& event, const Context& ctx) {
  if (needs_reason(event) && (!event.reason || blank(*event.reason)))
    return make_error(ErrorCategory::invalid, "decision.reason_required", "/reason", validation::refusal_text("decision.reason_required"));
  if (auto r = check_people_payloads(state, event); !r) return r;
  if (auto r = check_review_payloads(event); !r) return r;
  if (auto r = check_credit_payloads(state, event); !r) return r;
  return check_tier_payload(state, event, ctx.policy);
}

}  // namespace onb::workflow
