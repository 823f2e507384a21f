// Prepared statements for the SQLite adapter: a per-connection cache (each connection belongs to one
// thread) and a Query that binds, steps and reads columns, resetting the statement when it goes away
// so no read transaction outlives the call. SQL text lives with the adapter's operations.
#pragma once

#include "server/storage/sqlite/sqlite_connection.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace onb::server::storage {

class StatementCache {
 public:
  explicit StatementCache(sqlite3* db) : db_(db) {}
  sqlite3* db() const { return db_; }
  // The prepared statement for `sql` (a string literal: its address is the key), or nullptr on a
  // prepare error (a bug in our SQL), which the Query then reports as storage.failure.
  sqlite3_stmt* get(const char* sql);

 private:
  sqlite3* db_;
  std::map<const char*, Statement> statements_;
};

class Query {
 public:
  Query(StatementCache& cache, const char* sql) : db_(cache.db()), stmt_(cache.get(sql)), sql_(sql) {}
  ~Query();
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& bind(int index, std::string_view text);
  Query& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
  Query& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
  Query& bind(int index, std::int64_t value);
  Query& bind(int index, const std::optional<std::string>& text);
  Query& bind(int index, const std::optional<int>& value);

  // SQLITE_ROW, SQLITE_DONE or an error code (SQLITE_MISUSE when the statement did not prepare).
  int step();
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::int64_t integer(int column) const;
  std::optional<int> optional_integer(int column) const;
  Error error(std::string_view what) const { return sqlite_error(db_, what); }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  const char* sql_;
};

bool is_constraint(int rc);

}  // namespace onb::server::storage
