#include "server/storage/sqlite/group_commit.hpp"

#include "server/log.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace onb::server::storage {

// How long the checkpointer lets writes gather before copying them into the database file: a longer
// gather copies each hot page (index edges, the events table's last pages) once instead of many times,
// and since DurableAcks syncs beside the writer a checkpoint no longer delays commits behind it. The
// measured range and why 250 ms: docs/perf/group_commit.md.
constexpr std::chrono::milliseconds checkpoint_delay{250};

// How much of the copied pages the checkpointer puts on the disk at a time (Checkpointer in the header):
// small enough that a commit's sync never queues behind much of them (PostgreSQL's checkpoint_flush_after
// does the same), large enough to wait rarely (docs/perf/group_commit.md).
constexpr off_t write_back_slice = 1 << 20;

Checkpointer::Checkpointer(Connection db)
    : db_(std::move(db)), worker_({.gather = checkpoint_delay}, [this](std::deque<Written>&) { checkpoint(); }) {
  if (const char* path = sqlite3_db_filename(db_.get(), "main"); path && *path)
    db_fd_ = ::open(path, O_RDONLY | O_CLOEXEC);  // without it, only the pacing is lost
}

Checkpointer::~Checkpointer() {
  stop();
  if (db_fd_ >= 0) ::close(db_fd_);
}

void Checkpointer::written() {
  if (dirty_.load(std::memory_order_relaxed) || dirty_.exchange(true)) return;
  (void)worker_.post(Written{});
}

void Checkpointer::stop() {
  stopping_ = true;  // a checkpoint still gathering is skipped: the last one below covers it
  worker_.stop();
  if (!db_) return;
  // The last checkpoint, on this thread now that the worker's has ended; its pages are SQLite's to sync
  // (when it copied everything) or the kernel's, so no write-back.
  int frames = 0, copied = 0;
  const int rc = sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY) log_event("checkpoint_failed", {{"message", sqlite3_errmsg(db_.get())}});
  db_.reset();
}

void Checkpointer::checkpoint() {
  if (stopping_) return;
  dirty_ = false;  // a commit from now on asks for the next checkpoint
  // PASSIVE: copies what no reader still needs, never waits for the writer or readers.
  int frames = 0, copied = 0;  // the WAL's frames, and how many of them are in the database file now
  const int rc = sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY) log_event("checkpoint_failed", {{"message", sqlite3_errmsg(db_.get())}});
  // Only when this checkpoint copied something (the count restarts with the WAL: "changed", not "grew").
  if (copied != copied_before_) write_back();
  copied_before_ = copied;
}

// Asks the kernel to write the database file's dirty pages and waits, one slice after the other. Slices
// without dirty pages cost a lookup in the page cache; sync_file_range neither flushes the disk's cache
// nor writes metadata (it is no durability point: SQLite's sync stays the one).
void Checkpointer::write_back() {
  struct stat st {};
  if (db_fd_ < 0 || ::fstat(db_fd_, &st) != 0) return;
  constexpr unsigned flags = SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER;
  for (off_t at = 0; at < st.st_size; at += write_back_slice)
    if (::sync_file_range(db_fd_, at, write_back_slice, flags) != 0) return;  // EIO: SQLite's sync reports it
}

namespace {

// A failed fsync leaves committed data of unknown durability that other connections may already read:
// neither "done" nor "failed" would be true, so the process stops (PostgreSQL does the same), and
// SQLite's recovery at the next start keeps what reached the disk. Nobody was told of these writes.
[[noreturn]] void durability_lost(const std::string& what, const std::string& path) {
  log_event("wal_sync_failed", {{"message", what + " " + path + ": " + std::strerror(errno)}});
  std::abort();
}

int open_or_abort(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) durability_lost("open", path);
  return fd;
}

}  // namespace

DurableAcks::DurableAcks(std::string wal_path)
    : wal_path_(std::move(wal_path)), worker_({}, [this](std::deque<Batch>& ready) { report(ready); }) {
  fd_ = open_or_abort(wal_path_, O_RDONLY);
  sync();  // what the connection committed before the writer existed (migrations)
  // The WAL's directory entry too, once: SQLite syncs it itself only with synchronous=FULL.
  const auto dir = std::filesystem::path(wal_path_).parent_path();
  const int dir_fd = open_or_abort(dir.empty() ? "." : dir.string(), O_RDONLY | O_DIRECTORY);
  if (::fsync(dir_fd) != 0) durability_lost("fsync", dir.string());
  ::close(dir_fd);
}

DurableAcks::~DurableAcks() {
  stop();
  if (fd_ >= 0) ::close(fd_);
}

void DurableAcks::post(std::deque<PendingWrite> batch, bool committed) {
  (void)worker_.post(Batch{std::move(batch), committed});  // the writer stops before its acks
}

void DurableAcks::stop() { worker_.stop(); }

void DurableAcks::sync() {
  // SQLite keeps its WAL file while any connection is open (ours stay open), but should the file have
  // been replaced, syncing the old inode would make nothing durable: follow the name.
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && st.st_nlink == 0) {
    ::close(fd_);
    fd_ = open_or_abort(wal_path_, O_RDONLY);
  }
  if (::fdatasync(fd_) != 0) durability_lost("fdatasync", wal_path_);
}

// Every batch that committed while the previous ones were reported: one sync covers them all, since a
// sync covers all frames written before it.
void DurableAcks::report(std::deque<Batch>& ready) {
  bool any_committed = false;
  for (const auto& b : ready) any_committed = any_committed || b.committed;
  if (any_committed) sync();
  for (auto& b : ready)
    for (auto& w : b.writes) w.finish(b.committed);
}

GroupCommitWriter::GroupCommitWriter(sqlite3* db, Checkpointer& checkpointer)
    : db_(db),
      checkpointer_(checkpointer),
      acks_(sqlite3_filename_wal(sqlite3_db_filename(db, "main"))),
      // Whatever arrived while the previous COMMIT ran forms the next batch (no waiting for it to fill),
      // so a lone write is never delayed and a busy server batches by itself.
      worker_({.max_batch = max_batch}, [this](std::deque<PendingWrite>& batch) { commit_batch(batch); }) {
  (void)exec(db_, "PRAGMA wal_autocheckpoint=0");
  const auto statement = [this](const char* sql) {
    auto s = prepare(db_, sql);
    return s ? std::move(*s) : Statement{};
  };
  begin_ = statement("BEGIN IMMEDIATE");
  savepoint_ = statement("SAVEPOINT w");
  release_ = statement("RELEASE w");
  rollback_to_ = statement("ROLLBACK TO w");
  commit_ = statement("COMMIT");
  rollback_ = statement("ROLLBACK");
}

GroupCommitWriter::~GroupCommitWriter() { stop(); }

bool GroupCommitWriter::post(PendingWrite write) { return worker_.post(std::move(write)); }

void GroupCommitWriter::stop() {
  worker_.stop();
  acks_.stop();
  // Finalized now, so the connection can close after this (sqlite3_close refuses while statements live).
  for (auto* s : {&begin_, &savepoint_, &release_, &rollback_to_, &commit_, &rollback_}) s->reset();
}

std::size_t GroupCommitWriter::queued() const { return worker_.queued(); }

// A statement of the transaction; false (with SQLite's message logged by the caller's failure) if it failed.
bool GroupCommitWriter::run_statement(Statement& s) {
  if (!s) return false;
  const int rc = sqlite3_step(s.get());
  sqlite3_reset(s.get());
  return rc == SQLITE_DONE;
}

void GroupCommitWriter::commit_batch(std::deque<PendingWrite>& batch) {
  bool ok = run_statement(begin_);
  if (ok) {
    for (auto& w : batch) {
      if (!run_statement(savepoint_)) {
        ok = false;
        break;
      }
      if (!w.apply(db_)) (void)run_statement(rollback_to_);
      (void)run_statement(release_);
    }
  }
  if (ok) {
    ok = run_statement(commit_);
    if (!ok) log_event("commit_failed", {{"message", sqlite3_errmsg(db_)}, {"writes", batch.size()}});
  }
  if (!ok) (void)run_statement(rollback_);
  if (ok) checkpointer_.written();
  acks_.post(std::move(batch), ok);
}

}  // namespace onb::server::storage
