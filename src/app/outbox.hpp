// The outbox slice: submitting the application (create, update, submit with one idempotency key each,
// kept in browser storage so an offline submission is sent exactly once), the enrollment it belongs to,
// and an invitation claimed or sent. Its update is update_submit.cpp.
#pragma once

#include "src/app/http_reply.hpp"

#include "shared/core/result.hpp"
#include "shared/model/application.hpp"
#include "shared/protocol/api.hpp"
#include "shared/validation/application.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace onb::portal {

// ---- state. The outbox survives reloads (browser storage) so a submission made offline is sent,
// with the same idempotency keys, exactly once when the network returns.
BOOST_DEFINE_ENUM_CLASS(OutboxPhase, create, update, submit)

struct Outbox {
  OutboxPhase phase = OutboxPhase::create;
  std::string create_key;  // Idempotency-Key of POST /v1/enrollments
  std::string update_key;  // of PUT …/application (an enrollment that exists already)
  std::string submit_key;  // of POST …/events {kind: submitted}
  std::optional<std::string> enrollment_id;
  std::optional<std::uint64_t> version;  // the base version of the next write
  bool invite_only = false;              // a sales rep's: create and invite the customer, do not submit
  model::Application application;        // exactly what is being submitted
};
BOOST_DESCRIBE_STRUCT(Outbox, (), (phase, create_key, update_key, submit_key, enrollment_id, version, invite_only, application))

// not_sent: nothing asked. blocked: the applicant asked but validation has errors (nothing was sent).
// queued: waiting for the network. conflict: a reviewer changed the case meanwhile; shown, not overwritten.
// invited: a sales rep's application is on the server and the customer's invitation link is ready.
BOOST_DEFINE_ENUM_CLASS(SubmitStatus, not_sent, blocked, queued, sending, submitted, invited, rejected, conflict)

struct Submission {
  SubmitStatus status = SubmitStatus::not_sent;
  std::optional<Error> error;     // the server's error, or why it could not be reached
  validation::Problems problems;  // the server's 422 problems
};
BOOST_DESCRIBE_STRUCT(Submission, (), (status, error, problems))

// The enrollment the customer's application belongs to, once the server knows it (or an invite gave it).
struct Enrollment {
  std::string id;
  std::uint64_t version = 0;
  workflow::Stage stage = workflow::Stage::draft;
};
BOOST_DESCRIBE_STRUCT(Enrollment, (), (id, version, stage))

struct OutboxState {
  std::optional<Enrollment> enrollment;
  std::optional<Outbox> outbox;
  bool outbox_stored = false;  // the outbox (or its removal) is durable in IndexedDB: a closed tab keeps it
  bool outbox_held = false;    // the outbox's submit waits until the application's uploads are done
  Submission submission;
  std::optional<std::string> invite;        // from the page's ?invite= link: claimed once signed in as a customer
  std::optional<std::string> invite_token;  // a sales rep's new invitation, to send to the customer
  std::optional<Error> invite_error;        // why a claim failed
};
BOOST_DESCRIBE_STRUCT(OutboxState, (),
                      (enrollment, outbox, outbox_stored, outbox_held, submission, invite, invite_token, invite_error))

// ---- actions
struct SubmitClicked {};

// ---- the server's replies
struct CreateEnrollmentAnswered : HttpReply {};   // POST /v1/enrollments (the outbox's create)
struct UpdateApplicationAnswered : HttpReply {};  // PUT …/application (the outbox's update)
struct SubmitEnrollmentAnswered : HttpReply {};   // POST …/events {kind: submitted} (the outbox's submit)
struct ListEnrollmentsAnswered : HttpReply {};    // GET /v1/enrollments: the customer's own enrollment
struct ServerCopyAnswered : HttpReply {};         // GET /v1/enrollments/{id}: its application, for a browser without a draft
struct ClaimInviteAnswered : HttpReply {};        // POST /v1/invites/{token}/claim

using OutboxAction = std::variant<SubmitClicked, CreateEnrollmentAnswered, UpdateApplicationAnswered,
                                  SubmitEnrollmentAnswered, ListEnrollmentsAnswered, ServerCopyAnswered,
                                  ClaimInviteAnswered>;

}  // namespace onb::portal
