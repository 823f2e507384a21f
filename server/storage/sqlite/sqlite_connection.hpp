// A thin RAII layer over the SQLite C API: a connection opened with onboard's pragmas, prepared
// statements, and schema migrations tracked in a schema_version table. Errors come back as
// onb::Error ("storage.failure"). Table-specific SQL belongs to the adapter (sqlite_store.cpp).
#pragma once

#include "shared/core/result.hpp"

#include <sqlite3.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace onb::server::storage {

// How long a statement waits for another process holding the write lock (a backup, the CLI) before
// failing with SQLITE_BUSY. Longer than any single commit, shorter than a client's patience.
inline constexpr int sqlite_busy_timeout_ms = 5000;

struct ConnectionDeleter {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StatementDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionDeleter>;
using Statement = std::unique_ptr<sqlite3_stmt, StatementDeleter>;

// Process-wide SQLite settings, applied once before SQLite initializes (open_connection calls it; so
// must anything that touches SQLite before the first connection, such as registering a VFS).
void configure_sqlite();

// "storage.failure" with SQLite's message for the last error on `db`, prefixed by `what`.
Error sqlite_error(sqlite3* db, std::string_view what);

// Opens or creates `path` and sets journal_mode=WAL (verified: SQLite silently keeps another mode on
// some file systems), synchronous=FULL (a commit survives power loss), the busy timeout and foreign keys.
// `vfs`: a registered VFS's name (nullptr: SQLite's default).
[[nodiscard]] Result<Connection> open_connection(const std::string& path, const char* vfs = nullptr);

[[nodiscard]] Result<void> exec(sqlite3* db, const char* sql);
[[nodiscard]] Result<Statement> prepare(sqlite3* db, std::string_view sql);

// Applies migrations[v..] where v is the stored schema version, each in its own transaction with the
// version bump, and returns the resulting version. Refuses a database whose version is newer than
// migrations.size() (written by a newer server: running against it could corrupt it).
[[nodiscard]] Result<int> migrate(sqlite3* db, std::span<const char* const> migrations);

}  // namespace onb::server::storage
