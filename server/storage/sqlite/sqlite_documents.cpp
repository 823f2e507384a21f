// The SQLite adapter's documents (see sqlite_store.hpp): metadata rows and BLOB chunks, written
// through the group-commit writer like every other write, so an acknowledged chunk survives a crash.
// Offsets are checked inside the write: two uploads racing on one document cannot interleave bytes.
#include "server/storage/sqlite/sqlite_idempotency.hpp"
#include "server/storage/sqlite/sqlite_store.hpp"

#include "shared/core/json_codec.hpp"

namespace onb::server::storage {
namespace {

constexpr const char* select_document =
    "SELECT id, enrollment_id, type, file_name, media_type, size, received, declared_sha256, sha256, uploaded_by, "
    "created_at FROM documents WHERE id = ?1";
constexpr const char* select_documents_of =
    "SELECT id, enrollment_id, type, file_name, media_type, size, received, declared_sha256, sha256, uploaded_by, "
    "created_at FROM documents WHERE enrollment_id = ?1 ORDER BY created_at, rowid";
constexpr const char* insert_chunk = "INSERT INTO document_chunks (document_id, first_byte, bytes) VALUES (?1, ?2, ?3)";
constexpr const char* select_chunks = "SELECT bytes FROM document_chunks WHERE document_id = ?1 ORDER BY first_byte";

// Query has no BLOB accessors; the cache hands out the one prepared statement per SQL text, so these
// act on the Query built from the same `sql_text` (bind before step, read after a row).
void bind_blob(StatementCache& cache, const char* sql_text, int index, std::string_view bytes) {
  if (auto* stmt = cache.get(sql_text))
    sqlite3_bind_blob64(stmt, index, bytes.data(), static_cast<sqlite3_uint64>(bytes.size()), SQLITE_TRANSIENT);
}

std::string_view column_blob(StatementCache& cache, const char* sql_text, int column) {
  auto* stmt = cache.get(sql_text);
  if (!stmt) return {};
  const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, column));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt, column))) : std::string_view();
}

Result<DocumentRecord> document_from(const Query& q) {
  DocumentRecord d;
  d.id = q.text(0);
  d.enrollment_id = q.text(1);
  auto type = onb::decode<model::DocumentType>(Json(q.text(2)));
  if (!type) return make_error(ErrorCategory::internal, "storage.corrupt", "", "document " + d.id + " has an unknown type");
  d.type = *type;
  d.file_name = q.text(3);
  d.media_type = q.text(4);
  d.size = static_cast<std::uint64_t>(q.integer(5));
  d.received = static_cast<std::uint64_t>(q.integer(6));
  d.declared_sha256 = q.optional_text(7);
  d.sha256 = q.optional_text(8);
  d.uploaded_by = q.text(9);
  d.created_at = q.text(10);
  return d;
}

Result<std::optional<DocumentRecord>> one_document(StatementCache& sql, const std::string& id) {
  Query q(sql, select_document);
  const int rc = q.bind(1, id).step();
  if (rc == SQLITE_DONE) return std::optional<DocumentRecord>{};
  if (rc != SQLITE_ROW) return q.error("find document");
  auto d = document_from(q);
  if (!d) return d.error();
  return std::optional<DocumentRecord>(std::move(*d));
}

Result<DocumentRecord> existing_document(StatementCache& sql, const std::string& id) {
  auto d = one_document(sql, id);
  if (!d) return d.error();
  if (!*d) return make_error(ErrorCategory::not_found, "document.not_found", "", "no document has this id");
  return std::move(**d);
}

Result<void> insert_row(StatementCache& sql, const DocumentRecord& d) {
  Query q(sql,
          "INSERT INTO documents (id, enrollment_id, type, file_name, media_type, size, received, declared_sha256, "
          "sha256, uploaded_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 0, ?7, NULL, ?8, ?9)");
  const int rc = q.bind(1, d.id)
                     .bind(2, d.enrollment_id)
                     .bind(3, onb::encode(d.type).get<std::string>())
                     .bind(4, d.file_name)
                     .bind(5, d.media_type)
                     .bind(6, static_cast<std::int64_t>(d.size))
                     .bind(7, d.declared_sha256)
                     .bind(8, d.uploaded_by)
                     .bind(9, d.created_at)
                     .step();
  if (rc == SQLITE_DONE) return {};
  if (is_constraint(rc)) return make_error(ErrorCategory::conflict, "storage.conflict", "/id", "a document with id " + d.id + " already exists");
  return q.error("insert document");
}

Result<ChunkOutcome> append(StatementCache& sql, const ChunkWrite& c) {
  auto d = existing_document(sql, c.document_id);
  if (!d) return d.error();
  if (d->sha256 || d->received != c.first || c.bytes.size() > d->size - d->received)
    return ChunkOutcome{ChunkStatus::offset_mismatch, std::move(*d)};
  {
    Query q(sql, insert_chunk);
    q.bind(1, c.document_id).bind(2, static_cast<std::int64_t>(c.first));
    bind_blob(sql, insert_chunk, 3, c.bytes);
    if (q.step() != SQLITE_DONE) return q.error("append document chunk");
  }
  Query q(sql, "UPDATE documents SET received = received + ?2 WHERE id = ?1");
  if (q.bind(1, c.document_id).bind(2, static_cast<std::int64_t>(c.bytes.size())).step() != SQLITE_DONE)
    return q.error("count document bytes");
  d->received += c.bytes.size();
  return ChunkOutcome{ChunkStatus::appended, std::move(*d)};
}

Result<DocumentRecord> set_hash(StatementCache& sql, const std::string& id, const std::string& sha256) {
  Query q(sql, "UPDATE documents SET sha256 = ?2 WHERE id = ?1 AND sha256 IS NULL AND received = size");
  if (q.bind(1, id).bind(2, sha256).step() != SQLITE_DONE) return q.error("complete document");
  return existing_document(sql, id);
}

// Only a fully received, unaccepted document: a racing second finisher must not drop the bytes of an
// upload that already started again.
Result<DocumentRecord> drop_bytes(StatementCache& sql, const std::string& id) {
  auto d = existing_document(sql, id);
  if (!d || d->sha256 || d->received != d->size) return d;
  {
    Query q(sql, "DELETE FROM document_chunks WHERE document_id = ?1");
    if (q.bind(1, id).step() != SQLITE_DONE) return q.error("drop document chunks");
  }
  Query q(sql, "UPDATE documents SET received = 0 WHERE id = ?1");
  if (q.bind(1, id).step() != SQLITE_DONE) return q.error("restart document");
  d->received = 0;
  return d;
}

}  // namespace

void SqliteStore::insert_document(DocumentRecord document, std::optional<IdempotencyRecord> idempotency,
                                  Completion<WriteOutcome> done) {
  write(std::move(done),
        [d = std::move(document), key = std::move(idempotency)](StatementCache& sql) -> Result<WriteOutcome> {
          if (key) {
            auto first = stored_reply(sql, *key);
            if (!first) return first.error();
            if (*first) return WriteOutcome{WriteStatus::replayed, 0, std::move(*first)};
          }
          if (auto r = insert_row(sql, d); !r) return r.error();
          if (key)
            if (auto r = remember_reply(sql, *key); !r) return r.error();
          return WriteOutcome{};
        });
}

void SqliteStore::find_document(std::string enrollment_id, std::string document_id,
                                Completion<std::optional<DocumentRecord>> done) {
  read(std::move(done),
       [eid = std::move(enrollment_id),
        id = std::move(document_id)](StatementCache& sql) -> Result<std::optional<DocumentRecord>> {
         auto d = one_document(sql, id);
         if (d && *d && (*d)->enrollment_id != eid) return std::optional<DocumentRecord>{};
         return d;
       });
}

void SqliteStore::list_documents(std::string enrollment_id, Completion<std::vector<DocumentRecord>> done) {
  read(std::move(done), [eid = std::move(enrollment_id)](StatementCache& sql) -> Result<std::vector<DocumentRecord>> {
    Query q(sql, select_documents_of);
    q.bind(1, eid);
    std::vector<DocumentRecord> out;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
      auto d = document_from(q);
      if (!d) return d.error();
      out.push_back(std::move(*d));
    }
    if (rc != SQLITE_DONE) return q.error("list documents");
    return out;
  });
}

void SqliteStore::append_document_chunk(ChunkWrite chunk, Completion<ChunkOutcome> done) {
  write(std::move(done), [c = std::move(chunk)](StatementCache& sql) { return append(sql, c); });
}

void SqliteStore::read_document_content(std::string document_id, ChunkSink sink, Completion<void> done) {
  read(std::move(done), [id = std::move(document_id), sink = std::move(sink)](StatementCache& sql) -> Result<void> {
    Query q(sql, select_chunks);  // one statement: one read transaction, so one consistent snapshot
    q.bind(1, id);
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) sink(column_blob(sql, select_chunks, 0));
    if (rc != SQLITE_DONE) return q.error("read document");
    return {};
  });
}

void SqliteStore::complete_document(std::string document_id, std::string sha256, Completion<DocumentRecord> done) {
  write(std::move(done),
        [id = std::move(document_id), h = std::move(sha256)](StatementCache& sql) { return set_hash(sql, id, h); });
}

void SqliteStore::restart_document(std::string document_id, Completion<DocumentRecord> done) {
  write(std::move(done), [id = std::move(document_id)](StatementCache& sql) { return drop_bytes(sql, id); });
}

}  // namespace onb::server::storage
