// The storage port: what the services need from a database, as asynchronous operations that report
// through a completion. Adapters (SQLite now, PostgreSQL later) implement it; services and handlers
// see only this. SQL, connections and threads do not belong here.
#pragma once

#include "shared/core/result.hpp"
#include "shared/model/application.hpp"
#include "shared/model/company_basics.hpp"
#include "shared/workflow/state.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace onb::server::storage {

struct DraftRecord {
  std::string id;  // 32 lowercase hex digits, chosen by the service
  model::CompanyBasics basics;
};

struct AccountRecord {
  std::string id;
  std::string email;  // lower-cased by the service; unique
  workflow::Role role = workflow::Role::customer;  // the main role
  std::optional<int> approval_tier;
  std::string password_hash;  // crypto_pwhash_str output (argon2id, parameters inside)
  std::vector<workflow::Role> other_roles;  // further staff roles of the same person
};

struct SessionAccount {  // a live session: whose, and until when
  AccountRecord account;
  std::int64_t expires_at = 0;  // unix seconds
};

struct SessionRecord {
  std::string token_hash;  // hex BLAKE2b of the bearer token: a stolen database holds no usable token
  std::string account_id;
  std::int64_t expires_at = 0;  // unix seconds
};

// A committed answer kept for Idempotency-Key replays: the same (account, key) gets the same bytes back.
struct IdempotencyRecord {
  std::string account_id;
  std::string key;
  std::string fingerprint;  // of method + target + body: reusing a key for another request is refused
  int status = 0;
  std::string body;
};

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

enum class WriteStatus { applied, conflict, replayed };

struct WriteOutcome {
  WriteStatus status = WriteStatus::applied;
  std::uint64_t current_version = 0;          // conflict: the stored version
  std::optional<IdempotencyRecord> replay;   // replayed: the first answer under the same key
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

// [SECTION] documents: uploaded files of an enrollment, metadata rows plus their bytes in chunks.

struct DocumentRecord {
  std::string id;  // random_id(), chosen by the service
  std::string enrollment_id;
  model::DocumentType type = model::DocumentType::other;
  std::string file_name;
  std::string media_type;
  std::uint64_t size = 0;      // declared; the upload is complete when received == size and sha256 is set
  std::uint64_t received = 0;  // bytes stored, always the sum of the chunks
  std::optional<std::string> declared_sha256;  // hex, what the client said it will send
  std::optional<std::string> sha256;           // hex, of the stored bytes; set only by complete_document
  std::string uploaded_by;
  std::string created_at;
};

// Bytes [first, first + bytes.size()) of a document.
struct ChunkWrite {
  std::string document_id;
  std::uint64_t first = 0;
  std::string bytes;
};

enum class ChunkStatus { appended, offset_mismatch };

struct ChunkOutcome {
  ChunkStatus status = ChunkStatus::appended;
  DocumentRecord document;  // after the append, or as stored when the offset did not match
};

// Receives a document's chunks in order, on an adapter thread; must not block or keep the view.
using ChunkSink = std::function<void(std::string_view bytes)>;

// Called exactly once per operation, on a thread of the adapter (only "storage.closed" may complete
// inside the call that started the operation). It must not block: hand work back to the caller's executor.
template <class T>
using Completion = std::function<void(Result<T>)>;

// Error codes every adapter uses: "storage.conflict" (the id exists), "storage.failure" (a database
// fault), "storage.corrupt" (a stored row no longer decodes), "storage.closed" (after shutdown began).
class Store {
 public:
  virtual ~Store() = default;

  // Completes once the row is durably committed (so a reply sent from `done` never acknowledges a
  // write a crash could lose). Why asynchronous: a later adapter batches many inserts into one commit
  // on a single writer thread, and the caller must not hold a thread while waiting for it.
  virtual void insert_draft(DraftRecord draft, Completion<void> done) = 0;

  // The draft with that id, or nullopt when there is none.
  virtual void find_draft(std::string id, Completion<std::optional<DraftRecord>> done) = 0;

  // Accounts and sessions. insert_account fails with storage.conflict when the email exists.
  // With an idempotency record: a key already used reports replayed with the first answer and inserts
  // nothing; otherwise the record is stored with the account. An e-mail in use: storage.conflict.
  virtual void insert_account(AccountRecord account, std::optional<IdempotencyRecord> idempotency,
                              Completion<WriteOutcome> done) = 0;
  virtual void find_account_by_email(std::string email, Completion<std::optional<AccountRecord>> done) = 0;
  virtual void insert_session(SessionRecord session, Completion<void> done) = 0;
  // The session's account when the session exists and has not expired at `now`.
  virtual void find_session(std::string token_hash, std::int64_t now, Completion<std::optional<SessionAccount>> done) = 0;
  virtual void delete_session(std::string token_hash, Completion<void> done) = 0;

  // The first answer stored under (account, key), if any.
  virtual void find_idempotent(std::string account_id, std::string key,
                               Completion<std::optional<IdempotencyRecord>> done) = 0;

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

  // Documents. insert_document is durable when `done` reports applied; with an idempotency record it
  // reports replayed (and writes nothing) when the key was used before, as write_enrollment does.
  virtual void insert_document(DocumentRecord document, std::optional<IdempotencyRecord> idempotency,
                               Completion<WriteOutcome> done) = 0;
  // The document with that id when it belongs to that enrollment.
  virtual void find_document(std::string enrollment_id, std::string document_id,
                             Completion<std::optional<DocumentRecord>> done) = 0;
  // Oldest first.
  virtual void list_documents(std::string enrollment_id, Completion<std::vector<DocumentRecord>> done) = 0;
  // Appends only when chunk.first equals the stored `received` of an incomplete document and the chunk
  // ends within its size (checked inside the write, so two racing uploads cannot interleave); otherwise
  // offset_mismatch with the stored document and nothing is written. Fails with document.not_found.
  virtual void append_document_chunk(ChunkWrite chunk, Completion<ChunkOutcome> done) = 0;
  // Feeds the stored chunks to `sink` in order (one consistent snapshot), then completes.
  virtual void read_document_content(std::string document_id, ChunkSink sink, Completion<void> done) = 0;
  // Records the hash of a fully received document (a no-op when it already has one).
  virtual void complete_document(std::string document_id, std::string sha256, Completion<DocumentRecord> done) = 0;
  // Drops the bytes of a fully received but unaccepted document (received = 0), so the client re-sends.
  virtual void restart_document(std::string document_id, Completion<DocumentRecord> done) = 0;
};

}  // namespace onb::server::storage
