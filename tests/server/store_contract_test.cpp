// The store contract: what every adapter of the storage ports (server/storage/store.hpp) must do,
// written against the ports only and run for every adapter in `adapters()` below (SQLite now; the
// PostgreSQL adapter adds a row). In-process, on the adapter's real database:
// - appends and their order: events get consecutive sequences, come back in order, chained by hash;
//   lists come in change order (cursor);
// - optimistic conflicts: a write made on a version that is no longer the stored one writes nothing,
//   also when two race;
// - idempotent replays: a key already used answers the first answer and writes nothing, per account;
// - chunk offsets: a chunk is stored only where the stored bytes end and within the declared size;
// - the audit chain: verify_audit walks every link and names the first broken one;
// - migrations from every earlier schema version keep every row, and writes go on from there;
// - crash consistency: after a SIGKILL under load every acknowledged write is there, chain intact.
// What an adapter must provide besides the ports (how to make an earlier schema, how to damage a stored
// event) is its row's business: those are the only adapter-specific lines here.
#include "api_support.hpp"

#include "server/storage/audit_chain.hpp"
#include "server/storage/store.hpp"
#include "shared/workflow/canonical.hpp"

#include <sqlite3.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <sstream>
#include <thread>

using namespace onb::server;
using namespace onb::test;
using storage::ChunkStatus;
using storage::WriteStatus;

namespace {

// [SECTION] the adapters under test

struct Adapter {
  std::string name;
  // Where a fresh database lives inside `dir` (a file path, or a URL for a database server).
  std::function<std::string(const std::filesystem::path& dir)> place;
  // The schema version open() migrates to, and how to take a closed database back to an earlier one
  // (the inverse of the adapter's migrations, for tests only: old server binaries are not kept).
  int current_version = 0;
  std::function<void(const std::string& place, int version)> downgrade;
  // Changes the stored bytes of one event of a closed database, as an attacker with file access would.
  std::function<void(const std::string& place, const std::string& enrollment_id, std::uint64_t sequence)> tamper;
};

void sqlite_exec(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  const std::string text = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  INFO(text);
  REQUIRE(rc == SQLITE_OK);
}

// inverse_of[v]: takes a SQLite database from version v + 1 back to version v.
const std::vector<std::string> sqlite_inverse_of = {
    "DROP TABLE drafts",
    "DROP TABLE events; DROP TABLE enrollments; DROP TABLE idempotency; DROP TABLE sessions; DROP TABLE accounts",
    "ALTER TABLE accounts DROP COLUMN other_roles",
    "DROP TABLE document_chunks; DROP TABLE documents",
    R"sql(
      ALTER TABLE enrollments ADD COLUMN application TEXT NOT NULL DEFAULT '';
      UPDATE enrollments SET application = (SELECT a.application FROM enrollment_applications a WHERE a.id = enrollments.id);
      DROP TABLE enrollment_applications)sql",
    R"sql(
      CREATE TABLE events_v5 (
        enrollment_id TEXT NOT NULL REFERENCES enrollments(id),
        sequence      INTEGER NOT NULL,
        body          TEXT NOT NULL,
        prev_hash     TEXT NOT NULL,
        hash          TEXT NOT NULL,
        PRIMARY KEY (enrollment_id, sequence)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO events_v5 SELECT enrollment_id, sequence, body, prev_hash, hash FROM events;
      DROP TABLE events;
      ALTER TABLE events_v5 RENAME TO events)sql",
};

Adapter sqlite_adapter() {
  Adapter a;
  a.name = "sqlite";
  a.place = [](const std::filesystem::path& dir) { return (dir / "contract.db").string(); };
  a.current_version = static_cast<int>(sqlite_inverse_of.size());
  a.downgrade = [](const std::string& path, int version) {
    std::string sql = "BEGIN;";
    for (int v = static_cast<int>(sqlite_inverse_of.size()) - 1; v >= version; --v)
      sql += sqlite_inverse_of[static_cast<std::size_t>(v)] + ";";
    sql += "DELETE FROM schema_version; INSERT INTO schema_version VALUES (" + std::to_string(version) + "); COMMIT;";
    sqlite_exec(path, sql);
  };
  a.tamper = [](const std::string& path, const std::string& id, std::uint64_t sequence) {
    // Another actor: the body still decodes, its canonical bytes (and so its hash) differ.
    sqlite_exec(path, "UPDATE events SET body = replace(body, 'cust', 'evil') WHERE enrollment_id = '" + id +
                          "' AND sequence = " + std::to_string(sequence));
  };
  return a;
}

std::vector<Adapter> adapters() { return {sqlite_adapter()}; }

// [SECTION] helpers: synchronous calls, records and events

// Runs one asynchronous port operation to its completion.
template <class T, class Start>
onb::Result<T> call(Start&& start) {
  std::promise<onb::Result<T>> promise;
  auto answered = promise.get_future();
  start([&promise](onb::Result<T> r) { promise.set_value(std::move(r)); });
  return answered.get();
}

template <class T>
T must_ok(onb::Result<T> r) {
  REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().code + ": " + r.error().message));
  return std::move(*r);
}
inline void must_ok(onb::Result<void> r) {
  REQUIRE_MESSAGE(r.has_value(), (r ? std::string() : r.error().code + ": " + r.error().message));
}

struct Opened {
  Adapter adapter;
  TempDir dir;
  std::string place;
  std::unique_ptr<storage::Store> store;

  explicit Opened(Adapter a) : adapter(std::move(a)), place(adapter.place(dir.path())) { reopen(); }
  void reopen() {
    if (store) store->close();
    store.reset();
    store = must_ok(storage::open(place));
  }
  void close() {
    if (store) store->close();
    store.reset();
  }
  storage::Store& s() { return *store; }
};

const onb::model::Application& application() {
  static const auto app = must_ok(onb::decode<onb::model::Application>(complete_application()));
  return app;
}

// An event as the wire writes it (its JSON is the format the chain hashes, so it stays put).
onb::workflow::Event event(const std::string& enrollment_id, std::uint64_t sequence, const std::string& actor = "cust") {
  const onb::Json j = {{"enrollment_id", enrollment_id},
                       {"sequence", sequence},
                       {"at", "2026-01-02T03:04:05Z"},
                       {"actor", {{"id", actor}, {"role", "customer"}}},
                       {"kind", "submitted"}};
  return must_ok(onb::workflow::decode_event(j.dump()));
}

storage::EnrollmentRecord record(const std::string& id, const std::string& customer, std::uint64_t version) {
  storage::EnrollmentRecord r;
  r.id = id;
  r.customer_id = customer;
  r.created_by = customer;
  r.application = application();
  r.state.exists = true;
  r.state.enrollment_id = id;
  r.state.customer_id = customer;
  r.state.last_sequence = version;
  r.state.last_at = "2026-01-02T03:04:05Z";
  r.state.stage = version > 1 ? onb::workflow::Stage::submitted : onb::workflow::Stage::draft;
  return r;
}

// A write creating `id` with one event.
storage::EnrollmentWrite creation(const std::string& id, const std::string& customer = "cust") {
  return storage::EnrollmentWrite{record(id, customer, 1), 0, {event(id, 1)}, std::nullopt};
}

// A write appending `count` events to a stored enrollment at `base`.
storage::EnrollmentWrite appending(const std::string& id, std::uint64_t base, std::size_t count = 1,
                                   const std::string& customer = "cust") {
  storage::EnrollmentWrite w{record(id, customer, base + count), base, {}, std::nullopt};
  for (std::size_t i = 1; i <= count; ++i) w.events.push_back(event(id, base + i));
  w.application_changed = false;
  return w;
}

storage::IdempotencyRecord key(const std::string& account, const std::string& k, const std::string& body) {
  return storage::IdempotencyRecord{account, k, "fingerprint of " + body, 201, body};
}

storage::WriteOutcome write(storage::Store& s, storage::EnrollmentWrite w) {
  return must_ok(call<storage::WriteOutcome>([&](auto done) { s.write_enrollment(std::move(w), done); }));
}

std::optional<storage::EnrollmentRecord> find(storage::Store& s, const std::string& id) {
  return must_ok(call<std::optional<storage::EnrollmentRecord>>([&](auto done) { s.find_enrollment(id, done); }));
}

std::vector<storage::StoredEvent> events_of(storage::Store& s, const std::string& id) {
  return must_ok(call<std::vector<storage::StoredEvent>>([&](auto done) { s.load_events(id, done); }));
}

std::vector<std::string> ids_of(const std::vector<storage::EnrollmentRecord>& rows) {
  std::vector<std::string> ids;
  for (const auto& r : rows) ids.push_back(r.id);
  return ids;
}

std::vector<std::string> list(storage::Store& s, storage::EnrollmentQuery q = {}) {
  return ids_of(must_ok(call<std::vector<storage::EnrollmentRecord>>([&](auto done) { s.list_enrollments(q, done); })));
}

storage::AuditReport audit(storage::Store& s) {
  return must_ok(call<storage::AuditReport>([&](auto done) { s.verify_audit(done); }));
}

storage::DocumentRecord document(const std::string& id, const std::string& enrollment_id, std::uint64_t size) {
  return storage::DocumentRecord{.id = id,
                                 .enrollment_id = enrollment_id,
                                 .type = onb::model::DocumentType::other,
                                 .file_name = id + ".pdf",
                                 .media_type = "application/pdf",
                                 .size = size,
                                 .received = 0,
                                 .declared_sha256 = std::nullopt,
                                 .sha256 = std::nullopt,
                                 .uploaded_by = "cust",
                                 .created_at = "2026-01-02T03:04:05Z"};
}

storage::WriteOutcome insert_document(storage::Store& s, storage::DocumentRecord d,
                                      std::optional<storage::IdempotencyRecord> k = std::nullopt) {
  return must_ok(call<storage::WriteOutcome>([&](auto done) { s.insert_document(std::move(d), std::move(k), done); }));
}

onb::Result<storage::ChunkOutcome> append(storage::Store& s, const std::string& doc, std::uint64_t first, std::string bytes) {
  return call<storage::ChunkOutcome>(
      [&](auto done) { s.append_document_chunk(storage::ChunkWrite{doc, first, std::move(bytes)}, done); });
}

std::string content(storage::Store& s, const std::string& doc) {
  std::string bytes;
  must_ok(call<void>([&](auto done) {
    s.read_document_content(doc, [&bytes](std::string_view chunk) { bytes.append(chunk); }, done);
  }));
  return bytes;
}

storage::AccountRecord account(const std::string& id, const std::string& email,
                               std::vector<onb::workflow::Role> other_roles = {}) {
  return storage::AccountRecord{id, email, onb::workflow::Role::customer, std::nullopt, "$argon2id$stored", other_roles};
}

storage::WriteOutcome insert_account(storage::Store& s, storage::AccountRecord a,
                                     std::optional<storage::IdempotencyRecord> k = std::nullopt) {
  return must_ok(call<storage::WriteOutcome>([&](auto done) { s.insert_account(std::move(a), std::move(k), done); }));
}

std::optional<storage::AccountRecord> account_by_email(storage::Store& s, const std::string& email) {
  return must_ok(call<std::optional<storage::AccountRecord>>([&](auto done) { s.find_account_by_email(email, done); }));
}

// What a record is, as the wire would say it (the structs have no ==).
std::string text_of(const storage::EnrollmentRecord& r) {
  return r.id + "|" + r.customer_id + "|" + r.created_by + "|" + r.invite_hash.value_or("-") + "|" +
         onb::encode_text(r.state) + "|" + onb::encode_text(r.application);
}
std::string text_of(const storage::AccountRecord& a) {
  return a.id + "|" + a.email + "|" + a.password_hash + "|" + onb::encode_text(a.role) + "|" +
         onb::encode_text(a.other_roles);
}
std::string text_of(const storage::DocumentRecord& d) {
  return d.id + "|" + d.enrollment_id + "|" + d.file_name + "|" + std::to_string(d.size) + "|" +
         std::to_string(d.received) + "|" + d.sha256.value_or("-");
}

// Every link of an enrollment's log: sequences 1..n in order, each prev_hash the hash before it.
void check_chain(const std::vector<storage::StoredEvent>& events, const std::string& id) {
  std::string prev = storage::genesis_hash();
  for (std::size_t i = 0; i < events.size(); ++i) {
    CAPTURE(i);
    CHECK(events[i].event.enrollment_id == id);
    CHECK(events[i].event.sequence == i + 1);
    CHECK(events[i].prev_hash == prev);
    CHECK(events[i].hash == storage::chain_hash(prev, events[i].event));
    prev = events[i].hash;
  }
}

}  // namespace

// [SECTION] the contract

TEST_CASE("store contract: events are appended in order and chained; lists come in change order") {
  for (const auto& adapter : adapters()) {
    CAPTURE(adapter.name);
    Opened db(adapter);
    auto& s = db.s();
    CHECK(s.schema_version() == adapter.current_version);
    CHECK(write(s, creation("e1")).status == WriteStatus::applied);
    const auto two_more = write(s, appending("e1", 1, 2));
    CHECK(two_more.status == WriteStatus::applied);
    CHECK(two_more.current_version == 3);
    CHECK(write(s, appending("e1", 3)).status == WriteStatus::applied);

    const auto events = events_of(s, "e1");
    REQUIRE(events.size() == 4);
    check_chain(events, "e1");
    for (std::uint64_t seq = 1; seq <= 4; ++seq)
      CHECK(onb::workflow::canonical_bytes(events[seq - 1].event) == onb::workflow::canonical_bytes(event("e1", seq)));

    const auto e1 = find(s, "e1");
    REQUIRE(e1);
    CHECK(text_of(*e1) == text_of(record("e1", "cust", 4)));
    CHECK(e1->state.last_sequence == 4);

    SUBCASE("the stamp names the owner, the version and the change of the stored row") {
      const auto stamp =
          must_ok(call<std::optional<storage::EnrollmentStamp>>([&](auto done) { s.find_enrollment_stamp("e1", done); }));
      REQUIRE(stamp);
      CHECK(stamp->customer_id == "cust");
      CHECK(stamp->version == 4);
      CHECK(stamp->cursor == e1->cursor);
      db.reopen();  // and from the database itself, not only from what this process wrote
      const auto again = must_ok(
          call<std::optional<storage::EnrollmentStamp>>([&](auto done) { db.s().find_enrollment_stamp("e1", done); }));
      REQUIRE(again);
      CHECK(again->version == 4);
      CHECK(again->cursor == e1->cursor);
    }
    SUBCASE("lists are ordered by the last change, and filter by owner, stage and cursor") {
      CHECK(write(s, creation("e2", "other")).status == WriteStatus::applied);
      CHECK(write(s, creation("e3")).status == WriteStatus::applied);
      CHECK(list(s) == std::vector<std::string>{"e1", "e2", "e3"});
      CHECK(write(s, appending("e2", 1, 1, "other")).status == WriteStatus::applied);
      CHECK(list(s) == std::vector<std::string>{"e1", "e3", "e2"});
      const auto e3 = find(s, "e3");
      REQUIRE(e3);
      CHECK(list(s, {.changed_after = e3->cursor}) == std::vector<std::string>{"e2"});
      CHECK(list(s, {.customer_id = "cust"}) == std::vector<std::string>{"e1", "e3"});
      CHECK(list(s, {.stages = {onb::workflow::Stage::draft}}) == std::vector<std::string>{"e3"});
      CHECK(list(s, {.limit = 1, .offset = 1}) == std::vector<std::string>{"e3"});
    }
    SUBCASE("nothing is made up for an unknown enrollment") {
      CHECK_FALSE(find(s, "nope"));
      CHECK(events_of(s, "nope").empty());
    }
  }
}

TEST_CASE("store contract: a write on a stale version is a conflict and writes nothing") {
  for (const auto& adapter : adapters()) {
    CAPTURE(adapter.name);
    Opened db(adapter);
    auto& s = db.s();
    REQUIRE(write(s, creation("e1")).status == WriteStatus::applied);
    REQUIRE(write(s, appending("e1", 1)).status == WriteStatus::applied);
    const auto before = find(s, "e1");

    const auto stale = write(s, appending("e1", 1));
    CHECK(stale.status == WriteStatus::conflict);
    CHECK(stale.current_version == 2);
    const auto ahead = write(s, appending("e1", 5));
    CHECK(ahead.status == WriteStatus::conflict);
    CHECK(ahead.current_version == 2);
    const auto again = write(s, creation("e1"));  // creating an id that exists
    CHECK(again.status == WriteStatus::conflict);
    CHECK(again.current_version == 2);
    const auto unknown = write(s, appending("nope", 1));
    CHECK(unknown.status == WriteStatus::conflict);
    CHECK(unknown.current_version == 0);

    CHECK(events_of(s, "e1").size() == 2);
    CHECK(text_of(*find(s, "e1")) == text_of(*before));
    CHECK(find(s, "e1")->cursor == before->cursor);
    CHECK_FALSE(find(s, "nope"));

    SUBCASE("of two writes racing on one version exactly one applies") {
      std::promise<onb::Result<storage::WriteOutcome>> first, second;
      s.write_enrollment(appending("e1", 2), [&](auto r) { first.set_value(std::move(r)); });
      s.write_enrollment(appending("e1", 2), [&](auto r) { second.set_value(std::move(r)); });
      const auto a = must_ok(first.get_future().get()), b = must_ok(second.get_future().get());
      CHECK(int(a.status == WriteStatus::applied) + int(b.status == WriteStatus::applied) == 1);
      CHECK(int(a.status == WriteStatus::conflict) + int(b.status == WriteStatus::conflict) == 1);
      CHECK(events_of(s, "e1").size() == 3);
      check_chain(events_of(s, "e1"), "e1");
    }
  }
}

TEST_CASE("store contract: an idempotency key already used replays the first answer and writes nothing") {
  for (const auto& adapter : adapters()) {
    CAPTURE(adapter.name);
    Opened db(adapter);
    auto& s = db.s();
    auto first = creation("e1");
    first.idempotency = key("alice", "k1", "first answer");
    CHECK(write(s, first).status == WriteStatus::applied);
    const auto stored = must_ok(
        call<std::optional<storage::IdempotencyRecord>>([&](auto done) { s.find_idempotent("alice", "k1", done); }));
    REQUIRE(stored);
    CHECK(stored->fingerprint == "fingerprint of first answer");
    CHECK(stored->status == 201);
    CHECK(stored->body == "first answer");

    SUBCASE("another write under the same key") {
      auto other = creation("e2");
      other.idempotency = key("alice", "k1", "second answer");
      const auto replayed = write(s, other);
      CHECK(replayed.status == WriteStatus::replayed);
      REQUIRE(replayed.replay);
      CHECK(replayed.replay->body == "first answer");
      CHECK(replayed.replay->fingerprint == "fingerprint of first answer");
      CHECK_FALSE(find(s, "e2"));
      auto next = appending("e1", 1);
      next.idempotency = key("alice", "k1", "third answer");
      CHECK(write(s, next).status == WriteStatus::replayed);
      CHECK(find(s, "e1")->state.last_sequence == 1);
    }
    SUBCASE("keys belong to their account") {
      auto other = creation("e2");
      other.idempotency = key("bob", "k1", "bob's answer");
      CHECK(write(s, other).status == WriteStatus::applied);
      CHECK(find(s, "e2"));
      CHECK_FALSE(must_ok(call<std::optional<storage::IdempotencyRecord>>(
          [&](auto done) { s.find_idempotent("carol", "k1", done); })));
    }
    SUBCASE("documents and accounts replay the same way") {
      CHECK(insert_document(s, document("d1", "e1", 10), key("alice", "k2", "doc")).status == WriteStatus::applied);
      const auto doc_again = insert_document(s, document("d2", "e1", 10), key("alice", "k2", "doc 2"));
      CHECK(doc_again.status == WriteStatus::replayed);
      REQUIRE(doc_again.replay);
      CHECK(doc_again.replay->body == "doc");
      CHECK(must_ok(call<std::vector<storage::DocumentRecord>>([&](auto done) { s.list_documents("e1", done); })).size() ==
            1);

      CHECK(insert_account(s, account("a1", "a@example.com"), key("registration", "k3", "acct")).status ==
            WriteStatus::applied);
      const auto acct_again = insert_account(s, account("a2", "b@example.com"), key("registration", "k3", "acct 2"));
      CHECK(acct_again.status == WriteStatus::replayed);
      CHECK_FALSE(account_by_email(s, "b@example.com"));
    }
    SUBCASE("a replay survives a restart") {
      db.reopen();
      auto other = creation("e2");
      other.idempotency = key("alice", "k1", "second answer");
      CHECK(write(db.s(), other).status == WriteStatus::replayed);
    }
  }
}

TEST_CASE("store contract: a chunk is stored only where the stored bytes end and within the size") {
  for (const auto& adapter : adapters()) {
    CAPTURE(adapter.name);
    Opened db(adapter);
    auto& s = db.s();
    REQUIRE(write(s, creation("e1")).status == WriteStatus::applied);
    REQUIRE(insert_document(s, document("d1", "e1", 10)).status == WriteStatus::applied);

    auto r = must_ok(append(s, "d1", 0, "abcd"));
    CHECK(r.status == ChunkStatus::appended);
    CHECK(r.document.received == 4);
    r = must_ok(append(s, "d1", 0, "abcd"));  // a retry of the same chunk
    CHECK(r.status == ChunkStatus::offset_mismatch);
    CHECK(r.document.received == 4);
    r = must_ok(append(s, "d1", 6, "gh"));  // a gap
    CHECK(r.status == ChunkStatus::offset_mismatch);
    r = must_ok(append(s, "d1", 4, "efghijk"));  // past the declared size
    CHECK(r.status == ChunkStatus::offset_mismatch);
    CHECK(r.document.received == 4);
    CHECK(content(s, "d1") == "abcd");
    r = must_ok(append(s, "d1", 4, "efghij"));
    CHECK(r.status == ChunkStatus::appended);
    CHECK(r.document.received == 10);
    CHECK(content(s, "d1") == "abcdefghij");

    const auto complete =
        must_ok(call<storage::DocumentRecord>([&](auto done) { s.complete_document("d1", std::string(64, 'a'), done); }));
    CHECK(complete.sha256 == std::string(64, 'a'));
    const auto found = must_ok(
        call<std::optional<storage::DocumentRecord>>([&](auto done) { s.find_document("e1", "d1", done); }));
    REQUIRE(found);
    CHECK(text_of(*found) == text_of(complete));
    CHECK_FALSE(must_ok(
        call<std::optional<storage::DocumentRecord>>([&](auto done) { s.find_document("e2", "d1", done); })));
    CHECK(must_ok(append(s, "d1", 10, "x")).status == ChunkStatus::offset_mismatch);  // complete: nothing more

    SUBCASE("a restarted document takes its bytes again from offset 0") {
      REQUIRE(insert_document(s, document("d2", "e1", 3)).status == WriteStatus::applied);
      REQUIRE(must_ok(append(s, "d2", 0, "xyz")).status == ChunkStatus::appended);
      const auto restarted = must_ok(call<storage::DocumentRecord>([&](auto done) { s.restart_document("d2", done); }));
      CHECK(restarted.received == 0);
      CHECK(content(s, "d2").empty());
      CHECK(must_ok(append(s, "d2", 0, "uvw")).status == ChunkStatus::appended);
      CHECK(content(s, "d2") == "uvw");
    }
    SUBCASE("an unknown document is document.not_found") {
      const auto missing = append(s, "nope", 0, "a");
      REQUIRE_FALSE(missing.has_value());
      CHECK(missing.error().code == "document.not_found");
    }
  }
}

TEST_CASE("store contract: the audit walk checks every link and names the first broken one") {
  for (const auto& adapter : adapters()) {
    CAPTURE(adapter.name);
    Opened db(adapter);
    REQUIRE(write(db.s(), creation("e1")).status == WriteStatus::applied);
    REQUIRE(write(db.s(), appending("e1", 1, 2)).status == WriteStatus::applied);
    REQUIRE(write(db.s(), creation("e2")).status == WriteStatus::applied);
    auto report = audit(db.s());
    CHECK(report.enrollments == 2);
    CHECK(report.events == 4);
    CHECK_FALSE(report.first_break);

    db.close();
    adapter.tamper(db.place, "e1", 2);
    db.reopen();
    report = audit(db.s());
    REQUIRE(report.first_break);
    CHECK(report.first_break->enrollment_id == "e1");
    CHECK(report.first_break->sequence == 2);
  }
}

TEST_CASE("store contract: accounts, sessions and drafts") {
  for (const auto& adapter : adapters()) {
    CAPTURE(adapter.name);
    Opened db(adapter);
    auto& s = db.s();
    const auto staff = account("a1", "a@example.com", {onb::workflow::Role::credit_approver});
    CHECK(insert_account(s, staff).status == WriteStatus::applied);
    CHECK(text_of(*account_by_email(s, "a@example.com")) == text_of(staff));
    const auto taken = call<storage::WriteOutcome>(
        [&](auto done) { s.insert_account(account("a2", "a@example.com"), std::nullopt, done); });
    REQUIRE_FALSE(taken.has_value());
    CHECK(taken.error().code == "storage.conflict");

    must_ok(call<void>([&](auto done) { s.insert_session({"hash", "a1", 1000}, done); }));
    const auto live =
        must_ok(call<std::optional<storage::SessionAccount>>([&](auto done) { s.find_session("hash", 999, done); }));
    REQUIRE(live);
    CHECK(live->account.id == "a1");
    CHECK(live->expires_at == 1000);
    CHECK_FALSE(must_ok(call<std::optional<storage::SessionAccount>>([&](auto done) { s.find_session("hash", 1000, done); })));
    must_ok(call<void>([&](auto done) { s.delete_session("hash", done); }));
    CHECK_FALSE(must_ok(call<std::optional<storage::SessionAccount>>([&](auto done) { s.find_session("hash", 1, done); })));

    onb::model::CompanyBasics basics;
    basics.legal_name = "Muster GmbH";
    must_ok(call<void>([&](auto done) { s.insert_draft({"d1", basics}, done); }));
    const auto draft = must_ok(call<std::optional<storage::DraftRecord>>([&](auto done) { s.find_draft("d1", done); }));
    REQUIRE(draft);
    CHECK(onb::encode_text(draft->basics) == onb::encode_text(basics));
    const auto twice = call<void>([&](auto done) { s.insert_draft({"d1", basics}, done); });
    REQUIRE_FALSE(twice.has_value());
    CHECK(twice.error().code == "storage.conflict");
  }
}

TEST_CASE("store contract: after close every operation completes with storage.closed") {
  for (const auto& adapter : adapters()) {
    CAPTURE(adapter.name);
    Opened db(adapter);
    auto& s = db.s();
    REQUIRE(write(s, creation("e1")).status == WriteStatus::applied);
    s.close();
    const auto w = call<storage::WriteOutcome>([&](auto done) { s.write_enrollment(appending("e1", 1), done); });
    REQUIRE_FALSE(w.has_value());
    CHECK(w.error().code == "storage.closed");
    const auto r = call<std::optional<storage::EnrollmentRecord>>([&](auto done) { s.find_enrollment("e1", done); });
    REQUIRE_FALSE(r.has_value());
    CHECK(r.error().code == "storage.closed");
    db.reopen();
    CHECK(find(db.s(), "e1"));  // the write acknowledged before close is there
  }
}

// [SECTION] migrations

TEST_CASE("store contract: a database of every earlier schema version migrates and keeps every row") {
  for (const auto& adapter : adapters()) {
    CAPTURE(adapter.name);
    for (int version = 0; version < adapter.current_version; ++version) {
      CAPTURE(version);
      // What each version can hold (the sqlite migrations: 1 drafts, 2 accounts, sessions, idempotency,
      // enrollments and events, 3 several roles per account, 4 documents; 5 and 6 change layouts only).
      const bool drafts = version >= 1, enrollments = version >= 2, roles = version >= 3, documents = version >= 4;
      Opened db(adapter);
      auto& s = db.s();
      onb::model::CompanyBasics basics;
      basics.legal_name = "Alt GmbH";
      const auto staff = account("a1", "a@example.com",
                                 roles ? std::vector{onb::workflow::Role::credit_analyst} : std::vector<onb::workflow::Role>{});
      std::map<std::string, std::string> before;
      if (drafts) must_ok(call<void>([&](auto done) { s.insert_draft({"d1", basics}, done); }));
      if (enrollments) {
        CHECK(insert_account(s, staff).status == WriteStatus::applied);
        must_ok(call<void>([&](auto done) { s.insert_session({"hash", "a1", 5000}, done); }));
        auto first = creation("e1");
        first.idempotency = key("a1", "k1", "first");
        REQUIRE(write(s, first).status == WriteStatus::applied);
        REQUIRE(write(s, appending("e1", 1, 2)).status == WriteStatus::applied);
        REQUIRE(write(s, creation("e2", "other")).status == WriteStatus::applied);
        for (const auto& id : {"e1", "e2"}) before[id] = text_of(*find(s, id));
      }
      if (documents) {
        REQUIRE(insert_document(s, document("doc1", "e1", 3)).status == WriteStatus::applied);
        REQUIRE(must_ok(append(s, "doc1", 0, "abc")).status == ChunkStatus::appended);
      }
      const auto events_e1 = enrollments ? events_of(s, "e1") : std::vector<storage::StoredEvent>{};
      db.close();
      adapter.downgrade(db.place, version);

      db.reopen();
      auto& m = db.s();
      CHECK(m.schema_version() == adapter.current_version);
      if (drafts) {
        const auto d = must_ok(call<std::optional<storage::DraftRecord>>([&](auto done) { m.find_draft("d1", done); }));
        REQUIRE(d);
        CHECK(onb::encode_text(d->basics) == onb::encode_text(basics));
      }
      if (enrollments) {
        CHECK(text_of(*account_by_email(m, "a@example.com")) == text_of(staff));
        CHECK(must_ok(call<std::optional<storage::SessionAccount>>([&](auto done) { m.find_session("hash", 1, done); })));
        for (const auto& [id, text] : before) CHECK(text_of(*find(m, id)) == text);
        const auto events = events_of(m, "e1");
        REQUIRE(events.size() == events_e1.size());
        for (std::size_t i = 0; i < events.size(); ++i) CHECK(events[i].hash == events_e1[i].hash);
        CHECK(list(m) == std::vector<std::string>{"e1", "e2"});
        auto replay = creation("e3");
        replay.idempotency = key("a1", "k1", "again");
        CHECK(write(m, replay).status == WriteStatus::replayed);
        // Writes go on in the new layout and extend the same chains.
        CHECK(write(m, appending("e1", 3)).status == WriteStatus::applied);
        check_chain(events_of(m, "e1"), "e1");
        const auto report = audit(m);
        CHECK(report.enrollments == 2);
        CHECK(report.events == 5);
        CHECK_FALSE(report.first_break);
        REQUIRE(insert_document(m, document("doc2", "e2", 1)).status == WriteStatus::applied);
      }
      if (documents) CHECK(content(m, "doc1") == "abc");
    }
  }
}

// [SECTION] crash consistency

namespace {

constexpr int crash_writers = 4;  // keeps several writes in every batch
constexpr auto load_before_kill = std::chrono::milliseconds(1200);

// The child: writes enrollments (a creation, then one more event) from several threads until killed, and
// reports each acknowledged write as one line "id version\n" (one write(2) below PIPE_BUF: never torn).
[[noreturn]] void write_until_killed(const std::string& place, int report_fd) {
  auto store = storage::open(place);
  if (!store) _exit(3);
  std::vector<std::thread> threads;
  for (int t = 0; t < crash_writers; ++t)
    threads.emplace_back([&store, report_fd, t] {
      for (int i = 0;; ++i) {
        const std::string id = "c" + std::to_string(t) + "-" + std::to_string(i);
        for (const std::uint64_t base : {std::uint64_t{0}, std::uint64_t{1}}) {
          auto w = base == 0 ? creation(id) : appending(id, base);
          auto r = call<storage::WriteOutcome>([&](auto done) { (*store)->write_enrollment(std::move(w), done); });
          if (!r || r->status != WriteStatus::applied) _exit(4);
          const std::string line = id + " " + std::to_string(base + 1) + "\n";
          if (::write(report_fd, line.data(), line.size()) != static_cast<ssize_t>(line.size())) _exit(5);
        }
      }
    });
  for (auto& t : threads) t.join();
  _exit(0);
}

// Reads what is in the pipe, for at most `wait` (all of it until EOF when wait is negative).
void drain(int fd, std::string& into, std::chrono::milliseconds wait) {
  const auto until = std::chrono::steady_clock::now() + wait;
  char buffer[4096];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (wait.count() >= 0 && left.count() <= 0) return;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, wait.count() >= 0 ? static_cast<int>(left.count()) : -1) <= 0) continue;
    const auto n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) return;
    into.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

TEST_CASE("store contract: after a SIGKILL under load every acknowledged write is there and the chain is intact") {
  for (const auto& adapter : adapters()) {
    CAPTURE(adapter.name);
    TempDir dir;
    const auto place = adapter.place(dir.path());
    (void)application();  // decoded before the fork, not in the child
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(fds[0]);
      write_until_killed(place, fds[1]);
    }
    ::close(fds[1]);
    std::string reports;
    drain(fds[0], reports, load_before_kill);
    REQUIRE(::kill(child, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    drain(fds[0], reports, std::chrono::milliseconds(-1));
    ::close(fds[0]);
    CHECK(WIFSIGNALED(status));  // killed while writing, not exited by itself

    std::map<std::string, std::uint64_t> acknowledged;  // id -> the highest acknowledged version
    std::istringstream lines(reports);
    std::string id;
    std::uint64_t version = 0;
    while (lines >> id >> version) acknowledged[id] = std::max(acknowledged[id], version);
    REQUIRE(acknowledged.size() > 10);
    MESSAGE("enrollments acknowledged before the kill: " << acknowledged.size());

    auto store = must_ok(storage::open(place));
    std::size_t missing = 0;
    for (const auto& [eid, v] : acknowledged) {
      const auto r = find(*store, eid);
      if (!r || r->state.last_sequence < v || events_of(*store, eid).size() != r->state.last_sequence) ++missing;
    }
    CHECK(missing == 0);
    const auto report = audit(*store);
    CHECK_FALSE(report.first_break);
    CHECK(report.enrollments >= acknowledged.size());
    store->close();
  }
}

// [SECTION] choosing the adapter

TEST_CASE("storage::open chooses the adapter by the database URL") {
  TempDir dir;
  SUBCASE("a plain path and sqlite://PATH open the same SQLite file") {
    const auto path = (dir.path() / "by-url.db").string();
    {
      auto by_path = must_ok(storage::open(path));
      REQUIRE(write(*by_path, creation("e1")).status == WriteStatus::applied);
      by_path->close();
    }
    auto by_url = must_ok(storage::open("sqlite://" + path));
    CHECK(find(*by_url, "e1"));
  }
  SUBCASE("PostgreSQL is named but not built yet") {
    for (const char* url : {"postgresql://onboard@localhost/onboard", "postgres://localhost/onboard"}) {
      const auto r = storage::open(url);
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().code == "storage.unsupported");
      CHECK(r.error().message.find("PostgreSQL") != std::string::npos);
    }
  }
  SUBCASE("an unknown scheme or an empty path is refused") {
    for (const char* url : {"mysql://localhost/onboard", "sqlite://"}) {
      const auto r = storage::open(url);
      REQUIRE_FALSE(r.has_value());
      CHECK(r.error().code == "storage.bad_url");
    }
  }
}
