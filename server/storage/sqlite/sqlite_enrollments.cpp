// The SQLite adapter's enrollments: the projection row and the hash-chained event log written in one
// transaction (one savepoint of a group-commit batch), reads for the services and the audit walk.
#include "server/storage/audit_chain.hpp"
#include "server/storage/sqlite/sqlite_store.hpp"

#include "server/storage/sqlite/sqlite_idempotency.hpp"

#include "shared/core/json_codec.hpp"
#include "shared/workflow/canonical.hpp"

namespace onb::server::storage {
namespace {

// USING keeps `id` unambiguous in the WHERE clauses appended to this.
constexpr const char* select_enrollment =
    "SELECT id, customer_id, created_by, invite_hash, application, state, cursor FROM enrollments "
    "JOIN enrollment_applications USING (id) ";

std::string stage_name(workflow::Stage s) { return onb::encode(s).get<std::string>(); }

// The record of the current row; decoded only when the cache does not hold this very row.
Result<EnrollmentRecord> enrollment_from(const Query& q, RecordCache& cache) {
  const auto cursor = static_cast<std::uint64_t>(q.integer(6));
  if (auto cached = cache.find(q.text(0), cursor)) return *cached;
  EnrollmentRecord r;
  r.id = q.text(0);
  r.customer_id = q.text(1);
  r.created_by = q.text(2);
  r.invite_hash = q.optional_text(3);
  auto app = onb::decode_text<model::Application>(q.text(4));
  auto state = onb::decode_text<workflow::EnrollmentState>(q.text(5));
  if (!app || !state) return make_error(ErrorCategory::internal, "storage.corrupt", "", "enrollment " + r.id + " does not decode");
  r.application = std::move(*app);
  r.state = std::move(*state);
  r.cursor = cursor;
  cache.put(r);
  return r;
}

Result<std::vector<EnrollmentRecord>> all_rows(Query& q, const char* what, RecordCache& cache) {
  std::vector<EnrollmentRecord> out;
  int rc;
  while ((rc = q.step()) == SQLITE_ROW) {
    auto r = enrollment_from(q, cache);
    if (!r) return r.error();
    out.push_back(std::move(*r));
  }
  if (rc != SQLITE_DONE) return q.error(what);
  return out;
}

struct Head {
  std::uint64_t version = 0;
  std::string last_hash;
};

// The stored version and last link, or nullopt for an unknown enrollment.
Result<std::optional<Head>> head_of(StatementCache& sql, const std::string& id) {
  Query q(sql, "SELECT version, last_hash FROM enrollments WHERE id = ?1");
  const int rc = q.bind(1, id).step();
  if (rc == SQLITE_DONE) return std::optional<Head>{};
  if (rc != SQLITE_ROW) return q.error("read enrollment head");
  return std::optional<Head>(Head{static_cast<std::uint64_t>(q.integer(0)), q.text(1)});
}

// Each event's canonical text (stored as its body: the same bytes, so encoded once) and its hash,
// chained from `prev` (computed before writing: the projection row that the events reference must be
// written first and carries the last hash).
struct Link {
  std::string body;
  std::string hash;
};
std::vector<Link> chain(const std::vector<workflow::Event>& events, std::string prev) {
  std::vector<Link> links;
  for (const auto& e : events) {
    auto body = workflow::canonical_bytes(e);
    prev = chain_hash_of(prev, body);
    links.push_back({std::move(body), prev});
  }
  return links;
}

Result<void> append_events(StatementCache& sql, const std::vector<workflow::Event>& events, std::string prev,
                           const std::vector<Link>& links) {
  for (std::size_t i = 0; i < events.size(); ++i) {
    const auto& e = events[i];
    Query q(sql, "INSERT INTO events (enrollment_id, sequence, body, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5)");
    const int rc = q.bind(1, e.enrollment_id)
                       .bind(2, static_cast<std::int64_t>(e.sequence))
                       .bind(3, links[i].body)
                       .bind(4, prev)
                       .bind(5, links[i].hash)
                       .step();
    if (rc != SQLITE_DONE) return q.error("append event");
    prev = links[i].hash;
  }
  return {};
}

// The projection row, and the application in its own table: a workflow action changes a few hundred
// bytes of state, and with the ≈7 KB application in the same row SQLite rewrote its overflow pages
// (and their WAL frames) on every action.
Result<void> upsert_projection(StatementCache& sql, const EnrollmentRecord& r, bool create, bool with_application,
                               const std::string& hash, std::uint64_t cursor) {
  const char* insert =
      "INSERT INTO enrollments (id, customer_id, created_by, invite_hash, version, stage, state, cursor, last_hash) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  const char* update =
      "UPDATE enrollments SET customer_id = ?2, created_by = ?3, invite_hash = ?4, version = ?5, stage = ?6, "
      "state = ?7, cursor = ?8, last_hash = ?9 WHERE id = ?1";
  {
    Query q(sql, create ? insert : update);
    const int rc = q.bind(1, r.id)
                       .bind(2, r.customer_id)
                       .bind(3, r.created_by)
                       .bind(4, r.invite_hash)
                       .bind(5, static_cast<std::int64_t>(r.state.last_sequence))
                       .bind(6, stage_name(r.state.stage))
                       .bind(7, onb::encode_text(r.state))
                       .bind(8, static_cast<std::int64_t>(cursor))
                       .bind(9, hash)
                       .step();
    if (rc != SQLITE_DONE) return q.error("write enrollment");
  }
  if (!with_application && !create) return {};  // a workflow action: the application is neither encoded nor written
  Query q(sql, create ? "INSERT INTO enrollment_applications (id, application) VALUES (?1, ?2)"
                      : "UPDATE enrollment_applications SET application = ?2 WHERE id = ?1");
  if (q.bind(1, r.id).bind(2, onb::encode_text(r.application)).step() != SQLITE_DONE)
    return q.error("write application");
  return {};
}

}  // namespace

Result<WriteOutcome> SqliteStore::apply_enrollment_write(EnrollmentWrite& w) {
  if (w.idempotency) {
    auto first = stored_reply(write_sql_, *w.idempotency);
    if (!first) return first.error();
    if (*first) return WriteOutcome{WriteStatus::replayed, 0, std::move(*first)};
  }
  auto head = head_of(write_sql_, w.after.id);
  if (!head) return head.error();
  const std::uint64_t stored = *head ? (*head)->version : 0;
  if ((w.base_version == 0) == static_cast<bool>(*head) || stored != w.base_version)
    return WriteOutcome{WriteStatus::conflict, stored, std::nullopt};
  const bool create = w.base_version == 0;
  const std::string prev = create ? genesis_hash() : (*head)->last_hash;
  const auto links = chain(w.events, prev);
  const std::string last = links.empty() ? prev : links.back().hash;
  if (auto r = upsert_projection(write_sql_, w.after, create, w.application_changed, last, cursor_ + 1); !r)
    return r.error();
  if (auto r = append_events(write_sql_, w.events, prev, links); !r) return r.error();
  if (w.idempotency)
    if (auto r = remember_reply(write_sql_, *w.idempotency); !r) return r.error();
  ++cursor_;  // only after success; a batch rolled back later leaves a harmless gap
  // The next read of this row finds it decoded. Should the batch roll back, no row ever carries
  // this cursor (cursors are never reused), so the entry is simply never hit. Moved, not copied: this
  // is the writer's thread, the one every write waits for.
  const auto version = w.after.state.last_sequence;
  w.after.cursor = cursor_;
  records_.put(std::move(w.after));
  return WriteOutcome{WriteStatus::applied, version, std::nullopt};
}

void SqliteStore::write_enrollment(EnrollmentWrite w, Completion<WriteOutcome> done) {
  // The stamp is known once the write applied, and published only once its batch committed, before
  // anyone hears of the write (stamp_index.hpp).
  auto stamp = std::make_shared<std::optional<EnrollmentStamp>>();
  Completion<WriteOutcome> publish = [this, stamp, done = std::move(done)](Result<WriteOutcome> r) {
    if (r && r->status == WriteStatus::applied && *stamp) stamps_.put_committed(std::move(**stamp));
    done(std::move(r));
  };
  write(std::move(publish), [this, w = std::move(w), stamp](StatementCache&) mutable {
    EnrollmentStamp written{w.after.id, w.after.customer_id, w.after.created_by, w.after.state.last_sequence, 0};
    auto r = apply_enrollment_write(w);  // moves w.after away
    if (r && r->status == WriteStatus::applied) {
      written.cursor = cursor_;
      *stamp = std::move(written);
    }
    return r;
  });
}

void SqliteStore::find_enrollment(std::string id, Completion<std::optional<EnrollmentRecord>> done) {
  read(std::move(done), [this, id = std::move(id)](StatementCache& sql) -> Result<std::optional<EnrollmentRecord>> {
    static const std::string sql_text = std::string(select_enrollment) + "WHERE id = ?1";
    Query q(sql, sql_text.c_str());
    auto rows = all_rows(q.bind(1, id), "find enrollment", records_);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<EnrollmentRecord>{};
    return std::optional<EnrollmentRecord>(std::move(rows->front()));
  });
}

// Answered on the caller's thread when the index knows the enrollment; otherwise a reader asks the
// database and teaches the index.
void SqliteStore::find_enrollment_stamp(std::string id, Completion<std::optional<EnrollmentStamp>> done) {
  if (auto known = stamps_.find(id)) return done(std::optional<EnrollmentStamp>(std::move(*known)));
  const auto generation = stamps_.generation();
  read(std::move(done), [this, generation, id = std::move(id)](StatementCache& sql) -> Result<std::optional<EnrollmentStamp>> {
    Query q(sql, "SELECT customer_id, created_by, version, cursor FROM enrollments WHERE id = ?1");
    const int rc = q.bind(1, id).step();
    if (rc == SQLITE_DONE) return std::optional<EnrollmentStamp>{};
    if (rc != SQLITE_ROW) return q.error("find enrollment stamp");
    EnrollmentStamp stamp{id, q.text(0), q.text(1), static_cast<std::uint64_t>(q.integer(2)),
                          static_cast<std::uint64_t>(q.integer(3))};
    stamps_.put_read(stamp, generation);
    return std::optional<EnrollmentStamp>(std::move(stamp));
  });
}

void SqliteStore::find_enrollment_by_invite(std::string invite_hash, Completion<std::optional<EnrollmentRecord>> done) {
  read(std::move(done), [this, h = std::move(invite_hash)](StatementCache& sql) -> Result<std::optional<EnrollmentRecord>> {
    static const std::string sql_text = std::string(select_enrollment) + "WHERE invite_hash = ?1";
    Query q(sql, sql_text.c_str());
    auto rows = all_rows(q.bind(1, h), "find invitation", records_);
    if (!rows) return rows.error();
    if (rows->empty()) return std::optional<EnrollmentRecord>{};
    return std::optional<EnrollmentRecord>(std::move(rows->front()));
  });
}

void SqliteStore::list_enrollments(EnrollmentQuery query, Completion<std::vector<EnrollmentRecord>> done) {
  read(std::move(done), [this, query = std::move(query)](StatementCache& sql) {
    // One statement for every filter combination: a NULL parameter disables its condition. The stage
    // list travels as a JSON array (json_each), so the statement text never depends on the input.
    static const std::string sql_text =
        std::string(select_enrollment) +
        "WHERE (?1 IS NULL OR customer_id = ?1) AND (?2 IS NULL OR created_by = ?2) "
        "AND (?3 IS NULL OR stage IN (SELECT value FROM json_each(?3))) AND cursor > ?4 "
        "ORDER BY cursor LIMIT ?5 OFFSET ?6";
    std::optional<std::string> stages;
    if (!query.stages.empty()) stages = onb::encode(query.stages).dump();
    Query q(sql, sql_text.c_str());
    q.bind(1, query.customer_id)
        .bind(2, query.created_by)
        .bind(3, stages)
        .bind(4, static_cast<std::int64_t>(query.changed_after))
        .bind(5, static_cast<std::int64_t>(query.limit))
        .bind(6, static_cast<std::int64_t>(query.offset));
    return all_rows(q, "list enrollments", records_);
  });
}

void SqliteStore::load_events(std::string enrollment_id, Completion<std::vector<StoredEvent>> done) {
  read(std::move(done), [id = std::move(enrollment_id)](StatementCache& sql) -> Result<std::vector<StoredEvent>> {
    Query q(sql, "SELECT body, prev_hash, hash FROM events WHERE enrollment_id = ?1 ORDER BY sequence");
    q.bind(1, id);
    std::vector<StoredEvent> out;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
      auto e = workflow::decode_event(q.text(0));
      if (!e) return make_error(ErrorCategory::internal, "storage.corrupt", "", "an event of " + id + " does not decode");
      out.push_back(StoredEvent{std::move(*e), q.text(2), q.text(1)});
    }
    if (rc != SQLITE_DONE) return q.error("load events");
    return out;
  });
}

}  // namespace onb::server::storage
