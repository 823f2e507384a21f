#include "server/storage/group_commit.hpp"

#include "server/log.hpp"

namespace onb::server::storage {

GroupCommitWriter::GroupCommitWriter(sqlite3* db) : db_(db), thread_([this] { run(); }) {}

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

void GroupCommitWriter::commit_batch(std::deque<PendingWrite>& batch) {
  bool ok = static_cast<bool>(exec(db_, "BEGIN IMMEDIATE"));
  if (ok) {
    for (auto& w : batch) {
      if (!exec(db_, "SAVEPOINT w")) {
        ok = false;
        break;
      }
      if (!w.apply(db_)) (void)exec(db_, "ROLLBACK TO w");
      (void)exec(db_, "RELEASE w");
    }
  }
  if (ok) {
    auto committed = exec(db_, "COMMIT");
    ok = static_cast<bool>(committed);
    if (!ok) log_event("commit_failed", {{"message", committed.error().message}, {"writes", batch.size()}});
  }
  if (!ok) (void)exec(db_, "ROLLBACK");
  for (auto& w : batch) w.finish(ok);
}

}  // namespace onb::server::storage
