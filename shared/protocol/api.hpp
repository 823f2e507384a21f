// The sync server's API messages (/v1): request and response bodies as described structs, so the portal
// and the server encode, decode and generate JSON Schema / OpenAPI from the same definitions.
// Pure data: no I/O, no routing, no rules (those live in validation/ and workflow/).
// Renaming a member is a protocol change: bump protocol_version.
#pragma once

#include "shared/model/application.hpp"
#include "shared/validation/problem.hpp"
#include "shared/workflow/events.hpp"
#include "shared/workflow/projections.hpp"

#include <boost/describe.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onb::protocol {

// Sent as the "protocol_version" of /healthz and /v1/schema; a portal refuses a server it does not speak.
inline constexpr std::int32_t protocol_version = 1;

// [SECTION] Accounts and sessions

struct RegisterAccount {  // POST /v1/accounts: customers register themselves; staff come from the CLI
  std::string email;
  std::string password;
};
BOOST_DESCRIBE_STRUCT(RegisterAccount, (), (email, password))

struct AccountView {
  std::string id;
  std::string email;
  workflow::Role role = workflow::Role::customer;
  std::optional<int> approval_tier;  // credit approvers only
  std::optional<std::vector<workflow::Role>> other_roles;  // further staff roles of the same person, if any
};
BOOST_DESCRIBE_STRUCT(AccountView, (), (id, email, role, approval_tier, other_roles))

struct CreateSession {  // POST /v1/sessions
  std::string email;
  std::string password;
};
BOOST_DESCRIBE_STRUCT(CreateSession, (), (email, password))

struct SessionView {
  std::string token;       // send as "Authorization: Bearer <token>"
  std::string expires_at;  // canonical UTC instant
  AccountView account;
};
BOOST_DESCRIBE_STRUCT(SessionView, (), (token, expires_at, account))

// [SECTION] Enrollments

struct CreateEnrollment {  // POST /v1/enrollments
  model::Application application;
};
BOOST_DESCRIBE_STRUCT(CreateEnrollment, (), (application))

struct UpdateApplication {  // PUT /v1/enrollments/{id}/application (or If-Match instead of base_version)
  std::optional<std::uint64_t> base_version;
  model::Application application;
};
BOOST_DESCRIBE_STRUCT(UpdateApplication, (), (base_version, application))

// The version a write was made on; If-Match may say it instead.
struct BaseVersion {
  std::optional<std::uint64_t> base_version;
};
BOOST_DESCRIBE_STRUCT(BaseVersion, (), (base_version))

// POST /v1/enrollments/{id}/events: one workflow action, the body of the event the server makes of it
// (kind, reason, the payload named like the kind: workflow::ActionBody) and the version it was made
// on. Who acts and when is decided by the server, never taken from the client.
struct ActionRequest : BaseVersion, workflow::ActionBody {};
BOOST_DESCRIBE_STRUCT(ActionRequest, (BaseVersion, workflow::ActionBody), ())

struct EnrollmentView {
  std::string id;
  std::uint64_t version = 0;  // the last event's sequence; the ETag is "\"<version>\""
  workflow::Stage stage = workflow::Stage::draft;
  std::string customer_id;     // empty while a sales rep's invitation is unclaimed
  std::string created_by;
  model::Application application;
  validation::Problems problems;               // the server's validation of the stored application
  std::vector<workflow::ActionOption> actions;  // what the caller may do next (and why not)
  std::optional<std::string> invite_token;     // only in the answer to a sales rep's create
};
BOOST_DESCRIBE_STRUCT(EnrollmentView, (),
                      (id, version, stage, customer_id, created_by, application, problems, actions, invite_token))

// One row of a list: enough for a queue or a sales rep's list to show status and what blocks it.
struct EnrollmentSummary {
  std::string id;
  std::uint64_t version = 0;
  workflow::Stage stage = workflow::Stage::draft;
  std::string customer_id;  // empty while a sales rep's invitation is unclaimed
  std::string legal_name;
  std::vector<workflow::EventKind> actions;  // allowed for the caller now (comments left out)
  std::optional<std::string> assignee;       // who works the stage now, if anyone took it
  std::string updated_at;                    // the last event's time
  std::string stage_entered_at;
  bool overdue = false;                     // past the stage's SLA target (policy business time)
  std::optional<std::string> due_at;        // when the stage's SLA runs out; absent for stages without one
  std::uint64_t errors = 0;                 // validation errors of the stored application
  std::vector<workflow::PendingItem> pending;  // workflow::open_items: documents and questions outstanding
  std::vector<workflow::Role> waiting_on;      // workflow::waiting_on(stage)
};
BOOST_DESCRIBE_STRUCT(EnrollmentSummary, (),
                      (id, version, stage, customer_id, legal_name, actions, assignee, updated_at, stage_entered_at,
                       overdue, due_at, errors, pending, waiting_on))

// GET /v1/enrollments?stage=&overdue=true&assignee=me&limit=&offset=
struct EnrollmentPage {
  std::vector<EnrollmentSummary> items;
  std::optional<std::uint64_t> next_offset;  // absent on the last page
};
BOOST_DESCRIBE_STRUCT(EnrollmentPage, (), (items, next_offset))

// GET /v1/enrollments/{id}/timeline: staff see the event log; customers see their status view.
struct Timeline {
  std::vector<workflow::Event> events;             // staff only
  std::optional<workflow::CustomerStatus> status;  // customers and sales reps
};
BOOST_DESCRIBE_STRUCT(Timeline, (), (events, status))

// [SECTION] Sync and errors

struct SyncChange {
  std::string enrollment_id;
  std::uint64_t version = 0;
  workflow::Stage stage = workflow::Stage::draft;
};
BOOST_DESCRIBE_STRUCT(SyncChange, (), (enrollment_id, version, stage))

struct SyncPage {  // GET /v1/sync?since=CURSOR
  std::vector<SyncChange> changes;  // enrollments the caller may see that changed after `since`
  std::string cursor;               // pass as `since` next time
};
BOOST_DESCRIBE_STRUCT(SyncPage, (), (changes, cursor))

// 409 on a stale base_version / If-Match: the version the write should have been made on.
struct Conflict {
  std::string code;
  std::string path;
  std::string message;
  std::uint64_t current_version = 0;
};
BOOST_DESCRIBE_STRUCT(Conflict, (), (code, path, message, current_version))

struct ValidationFailure {  // 422 with every problem
  std::string code;
  std::string path;
  std::string message;
  validation::Problems problems;
};
BOOST_DESCRIBE_STRUCT(ValidationFailure, (), (code, path, message, problems))

}  // namespace onb::protocol
