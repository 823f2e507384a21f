// Group commit: one writer thread owns the write connection and commits many pending writes in one
// transaction (up to max_batch), each inside its own savepoint, and reports every write only after
// COMMIT returned. With synchronous=FULL one fsync then covers a whole batch: measured ≈2.7–3.1k
// single-commit POST/s vs ≈6–8k with batching on this machine kind. What a write does is the caller's.
//
// The writer's connection does not checkpoint the WAL (that put a copy of ≈1,000 pages and two fsyncs
// into the commit of whichever batch crossed the threshold: the p99 of submissions): a Checkpointer
// thread with its own connection does it a moment after writes, in PASSIVE mode, beside the writer.
#pragma once

#include "server/storage/sqlite_connection.hpp"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace onb::server::storage {

// Larger batches add latency for the first write of a batch without saving more fsyncs at our rates;
// ≈256 was the knee in the measurement above.
inline constexpr std::size_t max_batch = 256;

struct PendingWrite {
  // Runs inside the batch transaction within a savepoint; false rolls back this write's savepoint only.
  std::function<bool(sqlite3*)> apply;
  // After the batch: committed = the transaction is durable (false: it was rolled back as a whole).
  std::function<void(bool committed)> finish;
};

class Checkpointer {
 public:
  // Takes a connection of its own to the same database.
  explicit Checkpointer(Connection db);
  ~Checkpointer();  // stop()
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  void written();  // a batch committed: checkpoint soon
  void stop();     // a last checkpoint, then joins. Idempotent.

 private:
  void run();

  Connection db_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool dirty_ = false;
  bool stopping_ = false;
  std::thread thread_;
};

class GroupCommitWriter {
 public:
  // Turns the connection's automatic checkpoints off; `checkpointer` hears of every commit.
  GroupCommitWriter(sqlite3* db, Checkpointer& checkpointer);
  ~GroupCommitWriter();  // stop()
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  bool post(PendingWrite write);  // false once stop() began (the write is not run)
  // Commits everything queued, joins and finalizes its statements. Idempotent.
  void stop();
  std::size_t queued() const;

 private:
  void run();
  void commit_batch(std::deque<PendingWrite>& batch);

  bool run_statement(Statement& s);

  sqlite3* db_;
  Checkpointer& checkpointer_;
  // The transaction's statements, prepared once (sqlite3_exec parsed them for every write).
  Statement begin_, savepoint_, release_, rollback_to_, commit_, rollback_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<PendingWrite> pending_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace onb::server::storage
