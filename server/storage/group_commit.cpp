#include "server/storage/group_commit.hpp"

#include "server/log.hpp"

namespace onb::server::storage {

// How long the checkpointer lets writes gather before copying them into the database file. Short, so
// each checkpoint copies and fsyncs little: at 200 ms a checkpoint of ≈12 MB stalled commits for
// ≈200 ms (the p99 of submissions); at 25 ms the p99 was 35 ms (docs/perf/server.md).
constexpr std::chrono::milliseconds checkpoint_delay{25};

Checkpointer::Checkpointer(Connection db) : db_(std::move(db)), thread_([this] { run(); }) {}

Checkpointer::~Checkpointer() { stop(); }

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
    const int rc = sqlite3_wal_checkpoint_v2(db_.get(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    if (rc != SQLITE_OK && rc != SQLITE_BUSY) log_event("checkpoint_failed", {{"message", sqlite3_errmsg(db_.get())}});
    lock.lock();
    if (last) return;
  }
}

GroupCommitWriter::GroupCommitWriter(sqlite3* db, Checkpointer& checkpointer)
    : db_(db), checkpointer_(checkpointer) {
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
  for (auto& w : batch) w.finish(ok);
}

}  // namespace onb::server::storage
