#include "server/storage/sqlite/sqlite_connection.hpp"

namespace onb::server::storage {
namespace {

Result<std::string> pragma_text(sqlite3* db, const char* sql) {
  auto stmt = prepare(db, sql);
  if (!stmt) return stmt.error();
  if (sqlite3_step(stmt->get()) != SQLITE_ROW) return sqlite_error(db, sql);
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt->get(), 0));
  return Result<std::string>(boost::system::in_place_value, text ? text : "");
}

Result<int> read_version(sqlite3* db) {
  auto created = exec(db, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
  if (!created) return created.error();
  auto stmt = prepare(db, "SELECT max(version) FROM schema_version");
  if (!stmt) return stmt.error();
  if (sqlite3_step(stmt->get()) != SQLITE_ROW) return sqlite_error(db, "read schema version");
  return sqlite3_column_int(stmt->get(), 0);  // NULL (empty table) reads as 0
}

Result<void> apply(sqlite3* db, int version, const char* sql) {
  // IMMEDIATE takes the write lock up front, so two servers starting on one file migrate one at a time.
  if (auto r = exec(db, "BEGIN IMMEDIATE"); !r) return r;
  auto r = exec(db, sql);
  if (r) {
    const std::string bump =
        "DELETE FROM schema_version; INSERT INTO schema_version VALUES (" + std::to_string(version) + ")";
    r = exec(db, bump.c_str());
  }
  if (r) r = exec(db, "COMMIT");
  if (!r) (void)exec(db, "ROLLBACK");
  return r;
}

}  // namespace

Error sqlite_error(sqlite3* db, std::string_view what) {
  return make_error(ErrorCategory::internal, "storage.failure", "", std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

void configure_sqlite() {
  // No memory statistics: they keep a process-wide mutex around every allocation SQLite makes, which the
  // writer and the readers took in turns (≈6 % of the writer's samples were that mutex).
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)configured;
}

Result<Connection> open_connection(const std::string& path, const char* vfs) {
  configure_sqlite();
  sqlite3* raw = nullptr;
  // NOMUTEX: each connection is used by one thread at a time (the adapter's worker), so SQLite's own
  // per-call mutex would be pure overhead.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, vfs);
  Connection db(raw);
  if (rc != SQLITE_OK) return sqlite_error(db.get(), "open " + path);

  sqlite3_busy_timeout(db.get(), sqlite_busy_timeout_ms);
  auto mode = pragma_text(db.get(), "PRAGMA journal_mode=WAL");
  if (!mode) return mode.error();
  if (*mode != "wal")
    return make_error(ErrorCategory::internal, "storage.failure", "", "open " + path + ": journal_mode is '" + *mode + "', not wal");
  if (auto r = exec(db.get(), "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON"); !r) return r.error();
  // A larger page cache: with the default 2 MB, a reader fetching enrollments all over the file went to
  // pread for most pages (docs/perf/server.md). A memory map (mmap_size) was measured slower on our VM.
  if (auto r = exec(db.get(), "PRAGMA cache_size=-32768"); !r) return r.error();
  // Statement journals in memory: each write of a group-commit batch runs in a savepoint, whose
  // journal spilled to a temporary file beyond 64 KiB, i.e. a file created, written and deleted per
  // batch on the writer's thread (open/unlink were ≈5 % of its samples).
  if (auto r = exec(db.get(), "PRAGMA temp_store=MEMORY"); !r) return r.error();
  return Result<Connection>(boost::system::in_place_value, std::move(db));
}

Result<void> exec(sqlite3* db, const char* sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return {};
  Error e = make_error(ErrorCategory::internal, "storage.failure", "", std::string(sql).substr(0, 60) + ": " + (message ? message : "?"));
  sqlite3_free(message);
  return e;
}

Result<Statement> prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &raw, nullptr) !=
      SQLITE_OK)
    return sqlite_error(db, "prepare " + std::string(sql.substr(0, 60)));
  return Result<Statement>(boost::system::in_place_value, Statement(raw));
}

Result<int> migrate(sqlite3* db, std::span<const char* const> migrations) {
  auto version = read_version(db);
  if (!version) return version;
  const int latest = static_cast<int>(migrations.size());
  if (*version > latest)
    return make_error(ErrorCategory::internal, "storage.schema_newer", "",
                      "database schema version " + std::to_string(*version) + " is newer than this server's " +
                          std::to_string(latest) + "; upgrade the server");
  for (int v = *version; v < latest; ++v)
    if (auto r = apply(db, v + 1, migrations[static_cast<std::size_t>(v)]); !r) return r.error();
  return latest;
}

}  // namespace onb::server::storage
