// Read models for people, computed from the same state and rules the server enforces: what a reviewer
// may do next (and why not) and the status a customer sees. A reviewer's queue is people.hpp's (it is
// over all of a person's roles). Views render these;
// they never re-derive a rule. Internal notes and reviewers' reasons never reach customer_status().
#pragma once

#include "shared/core/result.hpp"
#include "shared/workflow/guards.hpp"
#include "shared/workflow/sla.hpp"

#include <boost/describe.hpp>

#include <optional>
#include <string>
#include <vector>

namespace onb::workflow {

// [SECTION] What can happen next

struct ActionOption {
  EventKind kind = EventKind::comment;
  bool allowed = false;
  Stage leads_to = Stage::draft;  // where it takes the case (the current stage for in-place actions)
  std::string code;               // empty when allowed, else the denying rule's stable code
  std::string reason;             // for people; empty when allowed
};
BOOST_DESCRIBE_STRUCT(ActionOption, (), (kind, allowed, leads_to, code, reason))

// A refusal because the role may never take the action at this stage (as opposed to a rule — segregation,
// tiers, a precondition — refusing a role that may). Clients read the wire's code, so this is where its
// spelling is read.
inline bool refused_for_role(const ActionOption& o) { return !o.allowed && o.code == "role.not_permitted"; }

// Every kind of event the current stage admits (for any role), in EventKind order, judged for `actor`
// on everything that needs no payload: the transition table, segregation of duties, tiers and the
// preconditions on the application. An allowed action can still fail on its payload (e.g. a missing
// reason); check() on the real event is the final word.
std::vector<ActionOption> allowed_actions(const EnrollmentState& state, const Actor& actor, const Context& ctx);

// [SECTION] What the customer sees

BOOST_DEFINE_ENUM_CLASS(PendingKind, missing_document, expired_document, rejected_document, deferred_document, question)

struct Milestone {
  Stage stage = Stage::draft;
  std::string at;
};
BOOST_DESCRIBE_STRUCT(Milestone, (), (stage, at))

struct PendingItem {
  PendingKind kind = PendingKind::missing_document;
  std::string subject;  // the document type; empty for questions
  std::string text;     // the question, or why a document was rejected, or the date it is due by
};
BOOST_DESCRIBE_STRUCT(PendingItem, (), (kind, subject, text))

struct CustomerMessage {
  std::string at;
  std::string text;
};
BOOST_DESCRIBE_STRUCT(CustomerMessage, (), (at, text))

// The formal confirmation of an active customer: what was decided for them, with the date it took
// effect. Payment terms and currency are billing's (they are what invoices will say).
struct Confirmation {
  std::string customer_number;
  std::int64_t credit_limit = 0;  // whole units of `currency`
  std::string currency;
  int payment_terms_days = 0;
  InvoicingChannel invoicing_channel = InvoicingChannel::email;
  std::string activated_at;
};
BOOST_DESCRIBE_STRUCT(Confirmation, (),
                      (customer_number, credit_limit, currency, payment_terms_days, invoicing_channel, activated_at))

struct CustomerStatus {
  Stage stage = Stage::draft;
  std::vector<Milestone> timeline;        // every stage the case entered, in order
  std::vector<PendingItem> pending;       // what the customer still has to do
  std::vector<CustomerMessage> messages;  // comments marked visible to the customer
  std::optional<Confirmation> confirmation;  // once active
};
BOOST_DESCRIBE_STRUCT(CustomerStatus, (), (stage, timeline, pending, messages, confirmation))

// Fails only when the log itself is invalid (fold()'s errors).
[[nodiscard]] Result<CustomerStatus> customer_status(const std::vector<Event>& log, const ApplicationSummary& app);

// What keeps a case from moving, from its state alone (no event log: lists show it per row): the
// documents still missing, expired, rejected or deferred, and a question item while information is
// requested. Texts are empty (a rejection's reason is in the log; customer_status() has it).
std::vector<PendingItem> open_items(const EnrollmentState& state, const ApplicationSummary& app);

}  // namespace onb::workflow
