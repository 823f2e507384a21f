// The enrollment event: what happened to a case, by whom, when and why. Events are the wire format
// of the workflow and the records of the audit log, so every member name here is a protocol name.
// Rules about which event may happen when live in guards.hpp; how events change state in state.hpp.
#pragma once

#include "shared/core/result.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onb::workflow {

// [SECTION] Vocabulary -------------------------------------------------------------------------------

BOOST_DEFINE_ENUM_CLASS(Role, customer, sales_rep, compliance_officer, credit_analyst, credit_approver, billing_admin,
                        data_steward, auditor, admin)

// info_requested: back with the applicant, resumes where it left. under_review: periodic renewal of an
// active customer. rejected and withdrawn end the case (a withdrawn draft can be reopened).
BOOST_DEFINE_ENUM_CLASS(Stage, draft, submitted, compliance_review, credit_review, approval, master_data, billing_setup,
                        active, info_requested, rejected, withdrawn, under_review)

BOOST_DEFINE_ENUM_CLASS(EventKind, created, edited, submitted, assigned, info_requested, info_provided,
                        document_decided, compliance_cleared, compliance_failed, credit_decided, approval_granted,
                        approval_denied, master_data_created, billing_configured, activated, rejected, withdrawn,
                        reopened, escalated, comment)

BOOST_DEFINE_ENUM_CLASS(DocumentDecision, accepted, rejected, waived, deferred)
BOOST_DEFINE_ENUM_CLASS(ScreeningResult, no_match, potential_match_cleared, match)
BOOST_DEFINE_ENUM_CLASS(RiskGrade, low, medium, high, very_high)
BOOST_DEFINE_ENUM_CLASS(InvoicingChannel, email, edi, portal, post)
BOOST_DEFINE_ENUM_CLASS(Visibility, customer, internal)

// Who acted. The server fills this from the authenticated session, never from the request body.
// approval_tier is the credit_approver's authority (1 = lowest); absent for everyone else.
struct Actor {
  std::string id;
  Role role = Role::customer;
  std::optional<int> approval_tier;
};
BOOST_DESCRIBE_STRUCT(Actor, (), (id, role, approval_tier))

// [SECTION] Payloads, one per event kind that carries data ---------------------------------------------
// Amounts are whole units of `currency` (integers, never doubles: see canonical.hpp).

struct Created {
  std::string customer_id;  // the customer organisation the application is for
};
BOOST_DESCRIBE_STRUCT(Created, (), (customer_id))

struct Edited {
  std::vector<std::string> paths;  // JSON pointers of the application fields changed
};
BOOST_DESCRIBE_STRUCT(Edited, (), (paths))

struct Assigned {
  std::string assignee_id;
  Role assignee_role = Role::compliance_officer;  // must be the role that works the stage
};
BOOST_DESCRIBE_STRUCT(Assigned, (), (assignee_id, assignee_role))

struct InfoRequested {
  std::vector<std::string> questions;  // shown to the applicant; at least one
};
BOOST_DESCRIBE_STRUCT(InfoRequested, (), (questions))

struct InfoProvided {
  std::vector<std::string> answers;
};
BOOST_DESCRIBE_STRUCT(InfoProvided, (), (answers))

struct DocumentDecided {
  std::string document_type;  // the requirement's type, e.g. "trade_register_extract"
  DocumentDecision decision = DocumentDecision::accepted;
  std::optional<std::string> deferred_until;  // "YYYY-MM-DD"; required when deferred
};
BOOST_DESCRIBE_STRUCT(DocumentDecided, (), (document_type, decision, deferred_until))

// Used by compliance_cleared and compliance_failed: what was checked, recorded either way.
struct ComplianceOutcome {
  bool identity_verified = false;
  bool beneficial_owners_verified = false;
  ScreeningResult screening = ScreeningResult::no_match;
};
BOOST_DESCRIBE_STRUCT(ComplianceOutcome, (), (identity_verified, beneficial_owners_verified, screening))

// tier and approvers_required are copied from the policy in force when the decision is taken
// (required_approval() in policy.hpp) so that a later policy change does not rewrite history.
struct CreditDecided {
  std::int64_t limit = 0;
  std::string currency;  // ISO 4217
  int payment_terms_days = 30;
  RiskGrade risk_grade = RiskGrade::medium;
  int tier = 1;
  int approvers_required = 1;
};
BOOST_DESCRIBE_STRUCT(CreditDecided, (), (limit, currency, payment_terms_days, risk_grade, tier, approvers_required))

// Used by approval_granted and approval_denied: the tier the approver signs at.
struct ApprovalDecision {
  int tier = 1;
};
BOOST_DESCRIBE_STRUCT(ApprovalDecision, (), (tier))

struct MasterDataCreated {
  std::string customer_number;
};
BOOST_DESCRIBE_STRUCT(MasterDataCreated, (), (customer_number))

struct BillingConfigured {
  std::string billing_contact;  // e-mail address of the payer's accounts-payable contact
  InvoicingChannel invoicing_channel = InvoicingChannel::email;
  int payment_terms_days = 30;
  std::string currency;
};
BOOST_DESCRIBE_STRUCT(BillingConfigured, (), (billing_contact, invoicing_channel, payment_terms_days, currency))

struct Escalated {
  Role to_role = Role::admin;
  std::int64_t overdue_business_hours = 0;
};
BOOST_DESCRIBE_STRUCT(Escalated, (), (to_role, overdue_business_hours))

struct Comment {
  std::string text;
  Visibility visibility = Visibility::internal;
};
BOOST_DESCRIBE_STRUCT(Comment, (), (text, visibility))

// [SECTION] The event ---------------------------------------------------------------------------------
// Wire format: a flat object with a `kind` and, for kinds that carry data, exactly one payload member
// named like the kind:
//   {"enrollment_id":"e-1","sequence":7,"at":"2026-03-02T09:00:00Z",
//    "actor":{"id":"u-9","role":"credit_analyst"},"kind":"credit_decided",
//    "credit_decided":{"limit":20000,"currency":"EUR",...}}
// Why not a std::variant: the generic codec stays strict (unknown fields, wrong types) without a
// hand-written tagged union, the JSON Schema is generated as usual, and a reader sees which payload
// belongs to which kind by name. The codec alone accepts a payload of the wrong kind, so every event
// from outside goes through check_event_shape() (decode_event() does both).
// Kinds without data (submitted, activated, rejected, withdrawn, reopened) have no payload member.
//
// The event is made of parts, each described once; the codec flattens described bases (and sorts
// keys), so the wire stays the one flat object above:
//   ActionBody    what a client may propose (protocol::ActionRequest = base_version + ActionBody)
//   EventBody     an ActionBody, or one of the two kinds only the server makes (created, edited)
//   EventEnvelope which enrollment, where in its log, when and by whom: filled by the server
//   Event         EventEnvelope + EventBody

struct ActionBody {
  EventKind kind = EventKind::comment;
  std::optional<std::string> reason;  // required where a decision goes against the applicant (guards.hpp)
  std::optional<Assigned> assigned;
  std::optional<InfoRequested> info_requested;
  std::optional<InfoProvided> info_provided;
  std::optional<DocumentDecided> document_decided;
  std::optional<ComplianceOutcome> compliance_cleared;
  std::optional<ComplianceOutcome> compliance_failed;
  std::optional<CreditDecided> credit_decided;
  std::optional<ApprovalDecision> approval_granted;
  std::optional<ApprovalDecision> approval_denied;
  std::optional<MasterDataCreated> master_data_created;
  std::optional<BillingConfigured> billing_configured;
  std::optional<Escalated> escalated;
  std::optional<Comment> comment;
};
BOOST_DESCRIBE_STRUCT(ActionBody, (),
                      (kind, reason, assigned, info_requested, info_provided, document_decided, compliance_cleared,
                       compliance_failed, credit_decided, approval_granted, approval_denied, master_data_created,
                       billing_configured, escalated, comment))

// created: POST /v1/enrollments; edited: PUT /v1/enrollments/{id}/application. No client proposes them
// as an action, so their payloads are not part of ActionBody (an ActionRequest carrying one is refused
// by the codec as an unknown field).
struct EventBody : ActionBody {
  std::optional<Created> created;
  std::optional<Edited> edited;
};
BOOST_DESCRIBE_STRUCT(EventBody, (ActionBody), (created, edited))

struct EventEnvelope {
  std::string enrollment_id;
  std::uint64_t sequence = 0;  // 1-based position in the enrollment's log, no gaps
  std::string at;              // "YYYY-MM-DDTHH:MM:SSZ" exactly (canonical form, UTC, no fraction)
  Actor actor;
};
BOOST_DESCRIBE_STRUCT(EventEnvelope, (), (enrollment_id, sequence, at, actor))

struct Event : EventEnvelope, EventBody {};
BOOST_DESCRIBE_STRUCT(Event, (EventEnvelope, EventBody), ())

// Whether a client may propose `kind` as an action (everything but created and edited).
bool is_action(EventKind kind);

// Does `kind` carry a payload member (named like the kind)?
bool has_payload(EventKind kind);

// Structure only, independent of any state: the payload member of the kind is present and no other;
// `at` is canonical; the actor has an id; every string is well-formed UTF-8.
// Codes: event.payload_missing, event.payload_unexpected, event.time_format, event.actor_required, event.utf8.
[[nodiscard]] Result<void> check_event_shape(const Event& event);

// Strict decode (onb::decode_text) followed by check_event_shape().
[[nodiscard]] Result<Event> decode_event(std::string_view json_text);

}  // namespace onb::workflow
