#include "server/storage/sqlite_store.hpp"

#include "shared/core/json_codec.hpp"

#include <array>

namespace onb::server::storage {
namespace {

// The schema, one entry per version; never edit a released entry, append a new one. Drafts keep the
// codec's JSON of CompanyBasics: the wire format is the record, so the model can grow fields without
// a migration per field (a row that no longer decodes is reported as storage.corrupt).
constexpr std::array<const char*, 1> migrations{
    R"sql(
    CREATE TABLE drafts (
      id         TEXT PRIMARY KEY,
      basics     TEXT NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ) STRICT, WITHOUT ROWID
    )sql",
};

constexpr const char* insert_draft_sql = "INSERT INTO drafts (id, basics) VALUES (?1, ?2)";
constexpr const char* find_draft_sql = "SELECT basics FROM drafts WHERE id = ?1";

// Resets a statement on scope exit so its read transaction or locks end with the call.
struct ResetOnExit {
  sqlite3_stmt* stmt;
  ~ResetOnExit() {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
  }
};

void bind_text(sqlite3_stmt* stmt, int index, const std::string& text) {
  sqlite3_bind_text(stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

Error closed_error() { return make_error("storage.closed", "", "the store is shutting down"); }

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
  auto db = open_connection(path);
  if (!db) return db.error();
  auto version = migrate(db->get(), migrations);
  if (!version) return version.error();
  auto insert = prepare(db->get(), insert_draft_sql);
  if (!insert) return insert.error();
  auto find = prepare(db->get(), find_draft_sql);
  if (!find) return find.error();
  Statements statements{std::move(*insert), std::move(*find)};
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(*db), std::move(statements), *version));
}

SqliteStore::SqliteStore(Connection db, Statements statements, int schema_version)
    : db_(std::move(db)), statements_(std::move(statements)), schema_version_(schema_version) {}

SqliteStore::~SqliteStore() { close(); }

void SqliteStore::close() {
  worker_.stop();
  statements_ = {};
  db_.reset();
}

void SqliteStore::insert_draft(DraftRecord draft, Completion<void> done) {
  auto job = [this, draft = std::move(draft), done] { done(do_insert(draft)); };
  if (!worker_.post(std::move(job))) done(closed_error());
}

void SqliteStore::find_draft(std::string id, Completion<std::optional<DraftRecord>> done) {
  auto job = [this, id = std::move(id), done] { done(do_find(id)); };
  if (!worker_.post(std::move(job))) done(closed_error());
}

Result<void> SqliteStore::do_insert(const DraftRecord& draft) {
  sqlite3_stmt* stmt = statements_.insert_draft.get();
  ResetOnExit reset{stmt};
  bind_text(stmt, 1, draft.id);
  bind_text(stmt, 2, onb::encode(draft.basics).dump());
  const int rc = sqlite3_step(stmt);
  if (rc == SQLITE_DONE) return {};
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    return make_error("storage.conflict", "/id", "a draft with id " + draft.id + " already exists");
  return sqlite_error(db_.get(), "insert draft");
}

Result<std::optional<DraftRecord>> SqliteStore::do_find(const std::string& id) {
  sqlite3_stmt* stmt = statements_.find_draft.get();
  ResetOnExit reset{stmt};
  bind_text(stmt, 1, id);
  const int rc = sqlite3_step(stmt);
  if (rc == SQLITE_DONE) return std::optional<DraftRecord>{};
  if (rc != SQLITE_ROW) return sqlite_error(db_.get(), "find draft");
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
  const auto size = static_cast<std::size_t>(sqlite3_column_bytes(stmt, 0));
  auto basics = onb::decode_text<model::CompanyBasics>(std::string_view(text ? text : "", size));
  if (!basics) return make_error("storage.corrupt", "", "draft " + id + " does not decode: " + basics.error().message);
  return std::optional<DraftRecord>(DraftRecord{id, std::move(*basics)});
}

}  // namespace onb::server::storage
