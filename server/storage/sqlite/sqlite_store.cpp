#include "server/storage/sqlite/sqlite_store.hpp"

#include "server/storage/sqlite/wal_write_buffer.hpp"

#include "shared/core/json_codec.hpp"

#include <algorithm>
#include <array>
#include <thread>

namespace onb::server::storage {
namespace {

// The schema, one entry per version; never edit a released entry, append a new one. JSON columns hold
// the codec's JSON: the wire format is the record, so the model can grow fields without a migration
// per field (a row that no longer decodes is reported as storage.corrupt).
constexpr std::array<const char*, 6> migrations{
    R"sql(
    CREATE TABLE drafts (
      id         TEXT PRIMARY KEY,
      basics     TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT, WITHOUT ROWID
    )sql",
    R"sql(
    CREATE TABLE accounts (
      id            TEXT PRIMARY KEY,
      email         TEXT NOT NULL UNIQUE,
      role          TEXT NOT NULL,
      approval_tier INTEGER,
      password_hash TEXT NOT NULL,
      created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE sessions (
      token_hash TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      expires_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE idempotency (
      account_id  TEXT NOT NULL,
      key         TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      status      INTEGER NOT NULL,
      body        TEXT NOT NULL,
      PRIMARY KEY (account_id, key)
    ) STRICT, WITHOUT ROWID;
    CREATE TABLE enrollments (
      id          TEXT PRIMARY KEY,
      customer_id TEXT NOT NULL,
      created_by  TEXT NOT NULL,
      invite_hash TEXT UNIQUE,
      version     INTEGER NOT NULL,
      stage       TEXT NOT NULL,
      application TEXT NOT NULL,
      state       TEXT NOT NULL,
      cursor      INTEGER NOT NULL,
      last_hash   TEXT NOT NULL
    ) STRICT;
    CREATE INDEX enrollments_by_customer ON enrollments (customer_id, cursor);
    CREATE INDEX enrollments_by_creator ON enrollments (created_by, cursor);
    CREATE INDEX enrollments_by_stage ON enrollments (stage, cursor);
    CREATE INDEX enrollments_by_cursor ON enrollments (cursor);
    CREATE TABLE events (
      enrollment_id TEXT NOT NULL REFERENCES enrollments(id),
      sequence      INTEGER NOT NULL,
      body          TEXT NOT NULL,
      prev_hash     TEXT NOT NULL,
      hash          TEXT NOT NULL,
      PRIMARY KEY (enrollment_id, sequence)
    ) STRICT, WITHOUT ROWID
    )sql",
    // A staff member may hold several roles (a small team: the credit analyst also approves); the
    // workflow's segregation of duties then keeps one person from deciding twice on one case.
    R"sql(
    ALTER TABLE accounts ADD COLUMN other_roles TEXT NOT NULL DEFAULT '[]'
    )sql",
    // Uploaded documents. Chunks are rows of at most one HTTP body (1 MiB) so an upload resumes at a
    // chunk boundary and no write holds a whole file in memory; rowid tables, because WITHOUT ROWID
    // suits small rows only. received is the sum of the chunks, kept in the row for a cheap resume.
    R"sql(
    CREATE TABLE documents (
      id              TEXT PRIMARY KEY,
      enrollment_id   TEXT NOT NULL REFERENCES enrollments(id),
      type            TEXT NOT NULL,
      file_name       TEXT NOT NULL,
      media_type      TEXT NOT NULL,
      size            INTEGER NOT NULL,
      received        INTEGER NOT NULL DEFAULT 0,
      declared_sha256 TEXT,
      sha256          TEXT,
      uploaded_by     TEXT NOT NULL,
      created_at      TEXT NOT NULL
    ) STRICT;
    CREATE INDEX documents_by_enrollment ON documents (enrollment_id);
    CREATE TABLE document_chunks (
      document_id TEXT NOT NULL REFERENCES documents(id),
      first_byte  INTEGER NOT NULL,
      bytes       BLOB NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX document_chunks_in_order ON document_chunks (document_id, first_byte)
    )sql",
    // The application in its own table: a workflow action rewrites the small projection row only
    // (with the ≈7 KB application inline, every action rewrote its overflow pages: docs/perf/server.md).
    R"sql(
    CREATE TABLE enrollment_applications (
      id          TEXT PRIMARY KEY REFERENCES enrollments(id),
      application TEXT NOT NULL
    ) STRICT;
    INSERT INTO enrollment_applications (id, application) SELECT id, application FROM enrollments;
    ALTER TABLE enrollments DROP COLUMN application
    )sql",
    // Events in the order they are written: a rowid table grows at its right edge, so the events of a
    // group-commit batch share its last pages. Keyed by (enrollment_id, sequence) with the bodies inline
    // (WITHOUT ROWID), every event went to a random page of the largest table, and its page splits:
    // ≈60 % of the WAL's frames during submissions (docs/perf/server.md). The key is now a small index.
    R"sql(
    CREATE TABLE events_in_order (
      enrollment_id TEXT NOT NULL REFERENCES enrollments(id),
      sequence      INTEGER NOT NULL,
      body          TEXT NOT NULL,
      prev_hash     TEXT NOT NULL,
      hash          TEXT NOT NULL
    ) STRICT;
    INSERT INTO events_in_order (enrollment_id, sequence, body, prev_hash, hash)
      SELECT enrollment_id, sequence, body, prev_hash, hash FROM events;
    DROP TABLE events;
    ALTER TABLE events_in_order RENAME TO events;
    CREATE UNIQUE INDEX events_by_enrollment ON events (enrollment_id, sequence)
    )sql",
};

Result<std::uint64_t> last_cursor(sqlite3* db) {
  StatementCache cache(db);
  std::uint64_t cursor = 0;
  {
    Query q(cache, "SELECT coalesce(max(cursor), 0) FROM enrollments");
    if (q.step() != SQLITE_ROW) return q.error("read cursor");
    cursor = static_cast<std::uint64_t>(q.integer(0));
  }
  return cursor;
}

}  // namespace

namespace {
// One reader per core, at least two: the read completions run the services' rules (validation,
// JSON), which then use every core.
std::size_t reader_count() { return std::max(2u, std::thread::hardware_concurrency()); }
}  // namespace

Error closed_error() { return make_error(ErrorCategory::internal, "storage.closed", "", "the store is shutting down"); }

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
  // Its WAL writes are gathered per commit, and made durable by the writer's DurableAcks.
  auto write_db = open_connection(path, wal_write_buffer_vfs());
  if (!write_db) return write_db.error();
  auto version = migrate(write_db->get(), migrations);
  if (!version) return version.error();
  std::vector<Connection> read_dbs;
  for (std::size_t i = 0; i < reader_count(); ++i) {
    auto read_db = open_connection(path);
    if (!read_db) return read_db.error();
    read_dbs.push_back(std::move(*read_db));
  }
  auto checkpoint_db = open_connection(path);
  if (!checkpoint_db) return checkpoint_db.error();
  auto cursor = last_cursor(write_db->get());
  if (!cursor) return cursor.error();
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(std::move(*write_db), std::move(read_dbs), std::move(*checkpoint_db), *version, *cursor));
}

SqliteStore::SqliteStore(Connection write_db, std::vector<Connection> read_dbs, Connection checkpoint_db,
                         int schema_version, std::uint64_t cursor)
    : write_db_(std::move(write_db)),
      write_sql_(write_db_.get()),
      schema_version_(schema_version),
      cursor_(cursor),
      checkpointer_(std::move(checkpoint_db)),
      writer_(write_db_.get(), checkpointer_) {
  for (auto& db : read_dbs) readers_.push_back(std::make_unique<Reader>(std::move(db)));
}

SqliteStore::~SqliteStore() { close(); }

void SqliteStore::close() {
  writer_.stop();
  checkpointer_.stop();
  for (auto& r : readers_) r->worker.stop();
  write_sql_ = StatementCache(nullptr);
  for (auto& r : readers_) {
    r->sql = StatementCache(nullptr);
    r->db.reset();
  }
  write_db_.reset();
}

void SqliteStore::insert_draft(DraftRecord draft, Completion<void> done) {
  write(std::move(done), [draft = std::move(draft)](StatementCache& sql) -> Result<void> {
    Query q(sql, "INSERT INTO drafts (id, basics) VALUES (?1, ?2)");
    const int rc = q.bind(1, draft.id).bind(2, onb::encode(draft.basics).dump()).step();
    if (rc == SQLITE_DONE) return {};
    if (is_constraint(rc)) return make_error(ErrorCategory::conflict, "storage.conflict", "/id", "a draft with id " + draft.id + " already exists");
    return q.error("insert draft");
  });
}

void SqliteStore::find_draft(std::string id, Completion<std::optional<DraftRecord>> done) {
  read(std::move(done), [id = std::move(id)](StatementCache& sql) -> Result<std::optional<DraftRecord>> {
    Query q(sql, "SELECT basics FROM drafts WHERE id = ?1");
    const int rc = q.bind(1, id).step();
    if (rc == SQLITE_DONE) return std::optional<DraftRecord>{};
    if (rc != SQLITE_ROW) return q.error("find draft");
    auto basics = onb::decode_text<model::CompanyBasics>(q.text(0));
    if (!basics) return make_error(ErrorCategory::internal, "storage.corrupt", "", "draft " + id + " does not decode: " + basics.error().message);
    return std::optional<DraftRecord>(DraftRecord{id, std::move(*basics)});
  });
}

}  // namespace onb::server::storage
