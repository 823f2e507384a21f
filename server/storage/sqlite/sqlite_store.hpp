// The SQLite adapter of the storage ports (server/storage/store.hpp): one database file in WAL mode with a writer connection
// (group commit on its own thread, group_commit.hpp) and a reader connection per core (each on its
// own SerialWorker, taken in turn), so SQLite never runs on an I/O thread, reads do not wait behind a
// batch's fsync, and the services' work in read completions uses every core. Schema lives in the .cpp;
// accounts in sqlite_accounts.cpp, enrollments and the audit chain in sqlite_enrollments.cpp, uploaded
// documents in sqlite_documents.cpp.
#pragma once

#include "server/storage/sqlite/group_commit.hpp"
#include "server/storage/sqlite/record_cache.hpp"
#include "server/storage/sqlite/serial_worker.hpp"
#include "server/storage/sqlite/sqlite_connection.hpp"
#include "server/storage/sqlite/sqlite_query.hpp"
#include "server/storage/sqlite/stamp_index.hpp"
#include "server/storage/store.hpp"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace onb::server::storage {

class SqliteStore final : public Store {
 public:
  // Opens or creates `path` and migrates it to the current schema. Fails on an unwritable file, a
  // file that is not a database, or a schema written by a newer server.
  [[nodiscard]] static Result<std::unique_ptr<SqliteStore>> open(const std::string& path);

  ~SqliteStore() override;  // close()

  void close() override;
  int schema_version() const override { return schema_version_; }
  std::size_t queued_writes() const override { return writer_.queued(); }

  void insert_draft(DraftRecord draft, Completion<void> done) override;
  void find_draft(std::string id, Completion<std::optional<DraftRecord>> done) override;

  void insert_account(AccountRecord account, std::optional<IdempotencyRecord> idempotency,
                      Completion<WriteOutcome> done) override;
  void find_account_by_email(std::string email, Completion<std::optional<AccountRecord>> done) override;
  void insert_session(SessionRecord session, Completion<void> done) override;
  void find_session(std::string token_hash, std::int64_t now,
                    Completion<std::optional<SessionAccount>> done) override;
  void delete_session(std::string token_hash, Completion<void> done) override;
  void find_idempotent(std::string account_id, std::string key,
                       Completion<std::optional<IdempotencyRecord>> done) override;

  void write_enrollment(EnrollmentWrite write, Completion<WriteOutcome> done) override;
  void find_enrollment(std::string id, Completion<std::optional<EnrollmentRecord>> done) override;
  void find_enrollment_stamp(std::string id, Completion<std::optional<EnrollmentStamp>> done) override;
  void find_enrollment_by_invite(std::string invite_hash, Completion<std::optional<EnrollmentRecord>> done) override;
  void list_enrollments(EnrollmentQuery query, Completion<std::vector<EnrollmentRecord>> done) override;
  void load_events(std::string enrollment_id, Completion<std::vector<StoredEvent>> done) override;
  void verify_audit(Completion<AuditReport> done) override;

  // Documents: sqlite_documents.cpp.
  void insert_document(DocumentRecord document, std::optional<IdempotencyRecord> idempotency,
                       Completion<WriteOutcome> done) override;
  void find_document(std::string enrollment_id, std::string document_id,
                     Completion<std::optional<DocumentRecord>> done) override;
  void list_documents(std::string enrollment_id, Completion<std::vector<DocumentRecord>> done) override;
  void append_document_chunk(ChunkWrite chunk, Completion<ChunkOutcome> done) override;
  void read_document_content(std::string document_id, ChunkSink sink, Completion<void> done) override;
  void complete_document(std::string document_id, std::string sha256, Completion<DocumentRecord> done) override;
  void restart_document(std::string document_id, Completion<DocumentRecord> done) override;

 private:
  // One reader: its connection, statements and thread (declared last: it stops, and joins, first).
  struct Reader {
    explicit Reader(Connection connection) : db(std::move(connection)), sql(db.get()) {}
    Connection db;
    StatementCache sql;
    SerialWorker worker;
  };

  SqliteStore(Connection write_db, std::vector<Connection> read_dbs, Connection checkpoint_db, int schema_version,
              std::uint64_t cursor);

  // Runs `op` on the next reader's thread and completes with its result (on that thread).
  template <class T, class Op>
  void read(Completion<T> done, Op op);
  // Runs `op(cache)` as one write of the next batch; `done` gets its result once the batch committed.
  template <class T, class Op>
  void write(Completion<T> done, Op op);

  // Moves w.after into the record cache once written.
  Result<WriteOutcome> apply_enrollment_write(EnrollmentWrite& w);

  // Declaration order is destruction order reversed: the threads stop (and join) before the
  // statements are finalized and the connections close.
  Connection write_db_;
  StatementCache write_sql_;
  int schema_version_;
  std::uint64_t cursor_;  // last change counter handed out; only the writer thread touches it
  RecordCache records_{10'000};
  StampIndex stamps_{200'000};  // ≈50 MB when full
  std::vector<std::unique_ptr<Reader>> readers_;
  std::atomic<std::size_t> next_reader_{0};
  Checkpointer checkpointer_;  // before the writer, which tells it of commits
  GroupCommitWriter writer_;
};

Error closed_error();

template <class T, class Op>
void SqliteStore::read(Completion<T> done, Op op) {
  Reader& reader = *readers_[next_reader_.fetch_add(1, std::memory_order_relaxed) % readers_.size()];
  auto job = [&reader, done, op = std::move(op)]() mutable { done(op(reader.sql)); };
  if (!reader.worker.post(std::move(job))) done(closed_error());
}

template <class T, class Op>
void SqliteStore::write(Completion<T> done, Op op) {
  auto result = std::make_shared<std::optional<Result<T>>>();
  PendingWrite w;
  w.apply = [this, result, op = std::move(op)](sqlite3*) mutable {
    *result = op(write_sql_);
    return (*result)->has_value();
  };
  w.finish = [result, done](bool committed) {
    if (!committed) return done(make_error(ErrorCategory::internal, "storage.failure", "", "the transaction did not commit"));
    done(std::move(**result));
  };
  if (!writer_.post(std::move(w))) done(closed_error());
}

}  // namespace onb::server::storage
