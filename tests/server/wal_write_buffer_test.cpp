// The writer's storage plumbing, in-process on a real SQLite file: the VFS that gathers a commit's WAL
// frames into one write (wal_write_buffer.hpp) must be invisible to SQLite — a connection reads what it
// wrote, others see a commit when it is published, large and spilling transactions, rollbacks, WAL
// restarts after checkpoints and a reopen by the default VFS all keep every row — and DurableAcks
// reports batches in the order they were committed, and the Checkpointer writes the pages it copied out
// of the page cache though SQLite does not sync them. The HTTP tests (the crash test among them) run
// the same code end to end.
#include "server/storage/sqlite/group_commit.hpp"
#include "server/storage/sqlite/sqlite_connection.hpp"
#include "server/storage/sqlite/wal_write_buffer.hpp"

#include "support.hpp"

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

using namespace onb::server::storage;

namespace {

Connection open_or_fail(const std::string& path, const char* vfs) {
  auto db = open_connection(path, vfs);
  REQUIRE(db.has_value());
  return std::move(*db);
}

void run(sqlite3* db, const std::string& sql) {
  auto r = exec(db, sql.c_str());
  INFO(sql);
  REQUIRE(r.has_value());
}

std::int64_t number(sqlite3* db, const char* sql) {
  auto s = prepare(db, sql);
  REQUIRE(s.has_value());
  REQUIRE(sqlite3_step(s->get()) == SQLITE_ROW);
  return sqlite3_column_int64(s->get(), 0);
}

std::string text(sqlite3* db, const char* sql) {
  auto s = prepare(db, sql);
  REQUIRE(s.has_value());
  REQUIRE(sqlite3_step(s->get()) == SQLITE_ROW);
  return reinterpret_cast<const char*>(sqlite3_column_text(s->get(), 0));
}

// INSERT of rows numbered first..last with random bodies of `size` bytes (no transaction of its own).
std::string insert_sql(int first, int last, int size) {
  return "WITH RECURSIVE s(v) AS (SELECT " + std::to_string(first) + " UNION ALL SELECT v + 1 FROM s WHERE v < " +
         std::to_string(last) + ") INSERT INTO t (n, body) SELECT v, randomblob(" + std::to_string(size) + ") FROM s";
}

// `count` rows of `size` bytes each, numbered from `first`, in one transaction.
void insert_rows(sqlite3* db, int first, int count, int size) {
  run(db, "BEGIN");
  run(db, insert_sql(first, first + count - 1, size));
  run(db, "COMMIT");
}

// What cachestat(2) (Linux 6.5) says of a whole file: pages in the page cache, dirty, under writeback.
struct CacheStat {
  std::uint64_t cached, dirty, writeback, evicted, recently_evicted;
};

std::optional<CacheStat> cache_stat(const std::string& path) {
  struct {
    std::uint64_t offset, length;  // length 0: to the end of the file
  } range{0, 0};
  CacheStat stat{};
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  constexpr long cachestat = 451;  // new system calls have one number on every architecture
  const long rc = ::syscall(cachestat, fd, &range, &stat, 0);
  ::close(fd);
  if (rc != 0) return std::nullopt;
  return stat;
}

}  // namespace

TEST_CASE("a connection writing through the WAL write buffer loses nothing and hides nothing") {
  onb::test::TempDir dir;
  const std::string path = (dir.path() / "buffered.db").string();
  auto writer = open_or_fail(path, wal_write_buffer_vfs());
  auto other = open_or_fail(path, nullptr);
  run(writer.get(), "CREATE TABLE t (n INTEGER PRIMARY KEY, body BLOB NOT NULL)");

  SUBCASE("a commit is seen by another connection as soon as COMMIT returns, not before") {
    run(writer.get(), "BEGIN");
    run(writer.get(), "INSERT INTO t (n, body) VALUES (1, x'01'), (2, x'02')");
    CHECK(number(other.get(), "SELECT count(*) FROM t") == 0);
    CHECK(number(writer.get(), "SELECT count(*) FROM t") == 2);  // its own uncommitted rows
    run(writer.get(), "COMMIT");
    CHECK(number(other.get(), "SELECT count(*) FROM t") == 2);
  }

  SUBCASE("a transaction larger than the page cache and the gathering limit reads its own pages back") {
    // 10 pages of cache: SQLite spills frames to the WAL mid-transaction and reads them back; 6 MB
    // passes the 4 MB gathering limit and the 124 KiB write size.
    run(writer.get(), "PRAGMA cache_size=10");
    insert_rows(writer.get(), 1, 6000, 1000);
    CHECK(number(writer.get(), "SELECT count(*) FROM t") == 6000);
    CHECK(number(writer.get(), "SELECT sum(length(body)) FROM t") == 6'000'000);
    CHECK(number(other.get(), "SELECT count(*) FROM t") == 6000);
    CHECK(text(other.get(), "PRAGMA integrity_check") == "ok");
  }

  SUBCASE("a rolled-back transaction leaves nothing behind, in this connection or another") {
    insert_rows(writer.get(), 1, 10, 100);
    run(writer.get(), "BEGIN");
    run(writer.get(), insert_sql(100, 400, 5000));
    run(writer.get(), "ROLLBACK");
    CHECK(number(writer.get(), "SELECT count(*) FROM t") == 10);
    CHECK(number(other.get(), "SELECT count(*) FROM t") == 10);
  }

  SUBCASE("commits after a checkpoint restart the WAL from its start and stay readable") {
    for (int round = 0; round < 5; ++round) {
      insert_rows(writer.get(), round * 100 + 1, 100, 3000);
      // Another connection copies everything into the database file, so the next commit rewrites the
      // WAL from offset 0 (a write that does not continue the gathered bytes).
      run(other.get(), "PRAGMA wal_checkpoint(RESTART)");
      CHECK(number(other.get(), "SELECT count(*) FROM t") == (round + 1) * 100);
    }
    CHECK(number(writer.get(), "SELECT count(*) FROM t") == 500);
  }

  SUBCASE("closed and reopened by the default VFS, every committed row is there") {
    insert_rows(writer.get(), 1, 300, 2000);
    insert_rows(writer.get(), 301, 300, 2000);
    other.reset();
    writer.reset();  // the last connection: SQLite checkpoints and removes the WAL
    auto reopened = open_or_fail(path, nullptr);
    CHECK(number(reopened.get(), "SELECT count(*) FROM t") == 600);
    CHECK(text(reopened.get(), "PRAGMA integrity_check") == "ok");
  }
}

TEST_CASE("DurableAcks reports every write once, batch after batch in commit order") {
  onb::test::TempDir dir;
  const std::string wal = (dir.path() / "file-wal").string();
  { std::ofstream(wal) << "frames"; }
  std::mutex mutex;
  std::vector<std::string> heard;
  const auto write = [&](std::string name) {
    PendingWrite w;
    w.apply = [](sqlite3*) { return true; };
    w.finish = [&, name](bool committed) {
      std::lock_guard lock(mutex);
      heard.push_back(name + (committed ? "+" : "-"));
    };
    return w;
  };
  {
    DurableAcks acks(wal);
    for (int batch = 0; batch < 50; ++batch) {
      std::deque<PendingWrite> writes;
      for (int i = 0; i < 3; ++i) writes.push_back(write(std::to_string(batch) + "." + std::to_string(i)));
      acks.post(std::move(writes), batch % 7 != 3);  // some batches rolled back
    }
    acks.stop();  // reports everything posted before it returns
  }
  REQUIRE(heard.size() == 150);
  for (int batch = 0; batch < 50; ++batch)
    for (int i = 0; i < 3; ++i)
      CHECK(heard[static_cast<std::size_t>(batch * 3 + i)] ==
            std::to_string(batch) + "." + std::to_string(i) + (batch % 7 != 3 ? "+" : "-"));
}

// SQLite syncs the database file only after a checkpoint that copied the WAL's last frame; a reader's
// snapshot (or a writer that never pauses) keeps every checkpoint short of it, and the copied pages
// would stay dirty until a later sync wrote them all at once (group_commit.hpp).
TEST_CASE("the checkpointer writes out the pages it copied, though SQLite does not sync them") {
  onb::test::TempDir dir;
  const std::string path = (dir.path() / "checkpointed.db").string();
  auto writer = open_or_fail(path, nullptr);
  run(writer.get(), "PRAGMA wal_autocheckpoint=0");
  run(writer.get(), "CREATE TABLE t (n INTEGER PRIMARY KEY, body BLOB NOT NULL)");
  insert_rows(writer.get(), 1, 3000, 4000);  // ≈3,000 pages, in the WAL only
  if (!cache_stat(path)) {
    MESSAGE("cachestat(2) is not available on this kernel: not checked");
    return;
  }
  auto reader = open_or_fail(path, nullptr);
  run(reader.get(), "BEGIN");
  CHECK(number(reader.get(), "SELECT count(*) FROM t") == 3000);  // a snapshot before the next commit
  insert_rows(writer.get(), 3001, 1, 10);

  Checkpointer checkpointer(open_or_fail(path, nullptr));
  checkpointer.written();
  std::optional<CacheStat> seen;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < give_up) {
    seen = cache_stat(path);
    REQUIRE(seen);
    if (seen->cached >= 3000 && seen->dirty + seen->writeback == 0) break;  // copied and written out
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  INFO("pages of the database file: cached " << seen->cached << ", dirty " << seen->dirty << ", under writeback "
                                             << seen->writeback);
  CHECK(seen->cached >= 3000);  // the checkpoint copied the rows the reader's snapshot holds
  CHECK(seen->dirty + seen->writeback == 0);
  int log = 0, copied = 0;
  REQUIRE(sqlite3_wal_checkpoint_v2(writer.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied) == SQLITE_OK);
  CHECK(copied < log);  // so SQLite had not synced the database file: the checkpointer wrote it out
  run(reader.get(), "COMMIT");
}
