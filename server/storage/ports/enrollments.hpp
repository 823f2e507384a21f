// The enrollments port: each enrollment's projection and its hash-chained event log, written together
// under optimistic concurrency (a write names the version it was made on), and the audit walk.
#pragma once

#include "server/storage/ports/completion.hpp"
#include "server/storage/ports/idempotency.hpp"
#include "shared/model/application.hpp"
#include "shared/workflow/state.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onb::server::storage {

// The enrollment projection written with its events in one transaction.
struct EnrollmentRecord {
  std::string id;
  std::string customer_id;  // the customer account; empty until a sales rep's invitation is claimed
  std::string created_by;
  std::optional<std::string> invite_hash;  // hex BLAKE2b of the invitation token, while unclaimed
  model::Application application;
  workflow::EnrollmentState state;  // fold of the events; state.last_sequence is the version
  std::uint64_t cursor = 0;         // global change counter of the last write (sync)
};

// Who an enrollment belongs to and which write it is at: enough to decide visibility and whether a
// cached answer is current, without reading the record.
struct EnrollmentStamp {
  std::string id;
  std::string customer_id;
  std::string created_by;
  std::uint64_t version = 0;
  std::uint64_t cursor = 0;
};

// One write on an enrollment: append `events` (sequences base_version+1...) and replace the projection,
// only if the stored version is still base_version (0 = create a new enrollment).
struct EnrollmentWrite {
  EnrollmentRecord after;
  std::uint64_t base_version = 0;
  std::vector<workflow::Event> events;
  std::optional<IdempotencyRecord> idempotency;
  // False when `after.application` is the stored one unchanged (a workflow action): the adapter then
  // need not write the application again (it is most of a row).
  bool application_changed = true;
};

struct EnrollmentQuery {
  std::optional<std::string> customer_id;      // only this customer's
  std::optional<std::string> created_by;       // only those this person created
  std::vector<workflow::Stage> stages;         // empty: any stage
  std::size_t limit = 50;
  std::size_t offset = 0;
  std::uint64_t changed_after = 0;             // cursor (sync); 0: all
};

struct StoredEvent {
  workflow::Event event;
  std::string hash;       // hex BLAKE2b-256 chained over the canonical bytes
  std::string prev_hash;  // hex; the genesis link is all zeros
};

struct AuditBreak {
  std::string enrollment_id;
  std::uint64_t sequence = 0;
  std::string reason;
};

struct AuditReport {
  std::uint64_t enrollments = 0;
  std::uint64_t events = 0;
  std::optional<AuditBreak> first_break;
};

class EnrollmentStore {
 public:
  virtual ~EnrollmentStore() = default;

  // Durable when `done` reports applied. Appends the events hash-chained to the enrollment's log. A
  // stale base_version reports conflict; an idempotency key already used reports replayed with the
  // first answer; in both cases nothing is written.
  virtual void write_enrollment(EnrollmentWrite write, Completion<WriteOutcome> done) = 0;
  virtual void find_enrollment(std::string id, Completion<std::optional<EnrollmentRecord>> done) = 0;
  // May complete inside the call when the adapter knows the answer without the database (SQLite:
  // its in-memory stamp index); callers must allow that.
  virtual void find_enrollment_stamp(std::string id, Completion<std::optional<EnrollmentStamp>> done) = 0;
  virtual void find_enrollment_by_invite(std::string invite_hash,
                                         Completion<std::optional<EnrollmentRecord>> done) = 0;
  // Ordered by cursor (oldest change first).
  virtual void list_enrollments(EnrollmentQuery query, Completion<std::vector<EnrollmentRecord>> done) = 0;
  virtual void load_events(std::string enrollment_id, Completion<std::vector<StoredEvent>> done) = 0;

  // Re-walks every enrollment's hash chain.
  virtual void verify_audit(Completion<AuditReport> done) = 0;
};

}  // namespace onb::server::storage
