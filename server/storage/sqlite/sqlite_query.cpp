#include "server/storage/sqlite/sqlite_query.hpp"

#include "server/log.hpp"

namespace onb::server::storage {

sqlite3_stmt* StatementCache::get(const char* sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second.get();
  auto prepared = prepare(db_, sql);
  if (!prepared) {
    log_event("sql_prepare_failed", {{"message", prepared.error().message}});
    return nullptr;
  }
  return statements_.emplace(sql, std::move(*prepared)).first->second.get();
}

Query::~Query() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Query& Query::bind(int index, std::string_view text) {
  if (stmt_) sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Query& Query::bind(int index, std::int64_t value) {
  if (stmt_) sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Query& Query::bind(int index, const std::optional<std::string>& text) {
  if (text) return bind(index, std::string_view(*text));
  if (stmt_) sqlite3_bind_null(stmt_, index);
  return *this;
}

Query& Query::bind(int index, const std::optional<int>& value) {
  if (value) return bind(index, static_cast<std::int64_t>(*value));
  if (stmt_) sqlite3_bind_null(stmt_, index);
  return *this;
}

int Query::step() { return stmt_ ? sqlite3_step(stmt_) : SQLITE_MISUSE; }

std::string Query::text(int column) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

std::optional<std::string> Query::optional_text(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return text(column);
}

std::int64_t Query::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<int> Query::optional_integer(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int(stmt_, column);
}

bool is_constraint(int rc) { return (rc & 0xff) == SQLITE_CONSTRAINT; }

}  // namespace onb::server::storage
