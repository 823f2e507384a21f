#include "server/storage/group_commit.hpp"

#include "server/log.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace onb::server::storage {

// How long the checkpointer lets writes gather before copying them into the database file. While the
// writer's thread synced the WAL itself, short was better (a checkpoint's fsync of the database file
// delayed the commit's fsync behind it, on the thread every write waits for): 25 ms was kept, at
// 200 ms a checkpoint stalled commits for ≈200 ms. Since DurableAcks syncs beside the writer, a longer
// gather copies each hot page (index edges, the events table's last pages) once instead of ten
// times: 25 ms gave 4,169–4,985 submissions/s, 100 ms 5,396/s, 250 ms 5,672/s and 1 s 5,717/s, at
// p99 25–27 ms for the last three (docs/perf/server.md). Those runs predate write_back(); with it,
// 250 ms and 1 s measured alike, and while the writer is saturated a checkpoint and its write-back
// take ≈0.3 s more, so one starts every ≈0.55 s (the WAL then grows: docs/perf/server.md).
constexpr std::chrono::milliseconds checkpoint_delay{250};

// How much of the copied pages the checkpointer puts on the disk at a time (Checkpointer in the header).
// PostgreSQL's checkpointer asks for write-out every 256 kB (checkpoint_flush_after) for the same
// reason; 256 kB and 1 MiB measured alike here (docs/perf/server.md), and the larger waits less often.
constexpr off_t write_back_slice = 1 << 20;

Checkpointer::Checkpointer(Connection db) : db_(std::move(db)) {
  if (const char* path = sqlite3_db_filename(db_.get(), "main"); path && *path)
    db_fd_ = ::open(path, O_RDONLY | O_CLOEXEC);  // without it, only the pacing is lost
  thread_ = std::thread([this] { run(); });
}

Checkpointer::~Checkpointer() {
  stop();
  if (db_fd_ >= 0) ::close(db_fd_);
}

void Checkpointer::written() {
  {
    std::lock_guard lock(mutex_);
    if (dirty_) return;
    dirty_ = true;
  }
  wake_.notify_one();
}

void Checkpointer::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
  db_.reset();
}

void Checkpointer::run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return stopping_ || dirty_; });
    if (!stopping_) wake_.wait_for(lock, checkpoint_delay, [this] { return stopping_; });
    const bool last = stopping_;
    dirty_ = false;
    lock.unlock();
    // PASSIVE: copies what no reader still needs, never waits for the writer or readers.
    int frames = 0, copied = 0;  // the WAL's frames, and how many of them are in the database file now
    const int rc = sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) log_event("checkpoint_failed", {{"message", sqlite3_errmsg(db_.get())}});
    // Only when this checkpoint copied something (the count restarts with the WAL: "changed", not
    // "grew"); the last checkpoint's pages are SQLite's to sync, or the kernel's.
    if (!last && copied != copied_before_) write_back();
    copied_before_ = copied;
    lock.lock();
    if (last) return;
  }
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

DurableAcks::DurableAcks(std::string wal_path) : wal_path_(std::move(wal_path)) {
  fd_ = open_or_abort(wal_path_, O_RDONLY);
  sync();  // what the connection committed before the writer existed (migrations)
  // The WAL's directory entry too, once: SQLite syncs it itself only with synchronous=FULL.
  const auto dir = std::filesystem::path(wal_path_).parent_path();
  const int dir_fd = open_or_abort(dir.empty() ? "." : dir.string(), O_RDONLY | O_DIRECTORY);
  if (::fsync(dir_fd) != 0) durability_lost("fsync", dir.string());
  ::close(dir_fd);
  thread_ = std::thread([this] { run(); });
}

DurableAcks::~DurableAcks() {
  stop();
  if (fd_ >= 0) ::close(fd_);
}

void DurableAcks::post(std::deque<PendingWrite> batch, bool committed) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(Batch{std::move(batch), committed});
  }
  wake_.notify_one();
}

void DurableAcks::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

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

void DurableAcks::run() {
  while (true) {
    std::deque<Batch> ready;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      ready.swap(queue_);
    }
    // One sync for every batch that committed meanwhile: a sync covers all frames written before it.
    bool any_committed = false;
    for (const auto& b : ready) any_committed = any_committed || b.committed;
    if (any_committed) sync();
    for (auto& b : ready)
      for (auto& w : b.writes) w.finish(b.committed);
  }
}

GroupCommitWriter::GroupCommitWriter(sqlite3* db, Checkpointer& checkpointer)
    : db_(db), checkpointer_(checkpointer), acks_(sqlite3_filename_wal(sqlite3_db_filename(db, "main"))) {
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
  thread_ = std::thread([this] { run(); });
}

GroupCommitWriter::~GroupCommitWriter() { stop(); }

bool GroupCommitWriter::post(PendingWrite write) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return false;
    pending_.push_back(std::move(write));
  }
  wake_.notify_one();
  return true;
}

void GroupCommitWriter::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
  acks_.stop();
  // Finalized now, so the connection can close after this (sqlite3_close refuses while statements live).
  for (auto* s : {&begin_, &savepoint_, &release_, &rollback_to_, &commit_, &rollback_}) s->reset();
}

std::size_t GroupCommitWriter::queued() const {
  std::lock_guard lock(mutex_);
  return pending_.size();
}

void GroupCommitWriter::run() {
  while (true) {
    std::deque<PendingWrite> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !pending_.empty(); });
      if (pending_.empty()) return;
      // No waiting for a batch to fill: whatever arrived while the previous COMMIT was fsyncing forms
      // the next batch, so a lone write is never delayed and a busy server batches by itself.
      while (!pending_.empty() && batch.size() < max_batch) {
        batch.push_back(std::move(pending_.front()));
        pending_.pop_front();
      }
    }
    commit_batch(batch);
  }
}

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
