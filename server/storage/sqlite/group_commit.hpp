// Group commit: one writer thread owns the write connection and commits many pending writes in one
// transaction (up to max_batch), each inside its own savepoint, and reports every write only after
// COMMIT returned, so with synchronous=FULL one fsync covers a whole batch. What a write does is the
// caller's. Measurements behind every choice here: docs/perf/group_commit.md.
//
// The commit's fsync is not the writer's either: the writer's connection writes its WAL through
// wal_write_buffer_vfs(), whose sync at COMMIT writes the batch's frames in one call and does not
// fsync, and hands the batch to a DurableAcks thread, which fdatasyncs the WAL file and only then
// reports the batch's writes. The writer meanwhile runs the next batch, so the fsync of one batch
// overlaps the statements of the next (PostgreSQL's WAL flush works the same way). An acknowledged
// write is as durable as with a synced COMMIT: the sync covers every frame written before it, and WAL
// frames are checksummed in a chain, so recovery keeps a prefix of the commits, never a later one
// without an earlier. The price: another connection can read a committed batch a moment (one fsync)
// before its writers hear of it; a power loss in that moment loses what it read together with writes
// nobody had been told of. Nothing the server answers from memory alone is published before the sync
// (the stamp index is put on acknowledgement).
//
// The writer's connection does not checkpoint the WAL (a checkpoint inside a commit would delay every
// write of that batch): a Checkpointer thread with its own connection does it a moment after writes, in
// PASSIVE mode, beside the writer.
//
// All three threads are BatchingWorkers (server/storage/batching_worker.hpp).
#pragma once

#include "server/storage/batching_worker.hpp"
#include "server/storage/sqlite/sqlite_connection.hpp"

#include <atomic>
#include <cstddef>
#include <deque>
#include <functional>
#include <string>

namespace onb::server::storage {

// Larger batches add latency for the first write of a batch without saving more fsyncs at our rates
// (docs/perf/group_commit.md).
inline constexpr std::size_t max_batch = 256;

struct PendingWrite {
  // Runs inside the batch transaction within a savepoint; false rolls back this write's savepoint only.
  std::function<bool(sqlite3*)> apply;
  // After the batch: committed = the transaction is durable (false: it was rolled back as a whole).
  std::function<void(bool committed)> finish;
};

// Copies the WAL into the database file a moment after writes (PASSIVE: beside the writer and the
// readers), then writes the copied pages out of the page cache itself, a slice at a time.
//
// SQLite syncs the database file only after a checkpoint that copied the WAL's very last frame, which a
// writer that never pauses never lets happen: the copied pages would stay dirty in the page cache until
// the first pause in writes, whose sync would write them all at once and hold every commit's WAL sync
// behind them (the "stall" of docs/perf/server.md). Writing them out in slices, each waited for, keeps
// at most a slice of them queued on the disk in front of a commit's sync, and little left for SQLite's
// own sync. Durability does not depend on it: the WAL stays the authority for every page until that sync.
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
  struct Written {};  // a commit to checkpoint; those during the gather delay make one checkpoint
  void checkpoint();
  void write_back();

  Connection db_;
  int db_fd_ = -1;  // the database file, for write_back(); -1 when it could not be opened
  int copied_before_ = 0;  // frames in the database file after the previous checkpoint
  // Set by the first commit after a checkpoint began; later commits do not post again, so the writer's
  // thread pays no lock and no wake-up per commit while a checkpoint is pending.
  std::atomic<bool> dirty_{false};
  std::atomic<bool> stopping_{false};
  BatchingWorker<Written> worker_;  // last: stops first
};

// Reports committed batches once the WAL file holding them is on disk, in commit order, on its own
// thread (so the reports, which encode answers and wake the I/O loops, are not the writer's work either).
class DurableAcks {
 public:
  // Syncs the file at `wal_path` (SQLite's WAL of the writer's database) with a descriptor of its own.
  explicit DurableAcks(std::string wal_path);
  ~DurableAcks();  // stop()
  DurableAcks(const DurableAcks&) = delete;
  DurableAcks& operator=(const DurableAcks&) = delete;

  // A batch whose COMMIT returned (`committed`) or that was rolled back: its writes are finished after
  // the next sync (or at once after the earlier batches when nothing of it was committed).
  void post(std::deque<PendingWrite> batch, bool committed);
  void stop();  // finishes everything posted, then joins. Idempotent.

 private:
  struct Batch {
    std::deque<PendingWrite> writes;
    bool committed;
  };
  void report(std::deque<Batch>& ready);
  void sync();

  std::string wal_path_;
  int fd_ = -1;
  BatchingWorker<Batch> worker_;  // last: stops first
};

class GroupCommitWriter {
 public:
  // `db` must have been opened with wal_write_buffer_vfs() (its commits do not fsync: DurableAcks
  // does). Turns the connection's automatic checkpoints off; `checkpointer` hears of every commit.
  GroupCommitWriter(sqlite3* db, Checkpointer& checkpointer);
  ~GroupCommitWriter();  // stop()
  GroupCommitWriter(const GroupCommitWriter&) = delete;
  GroupCommitWriter& operator=(const GroupCommitWriter&) = delete;

  bool post(PendingWrite write);  // false once stop() began (the write is not run)
  // Commits everything queued, joins and finalizes its statements. Idempotent.
  void stop();
  std::size_t queued() const;

 private:
  void commit_batch(std::deque<PendingWrite>& batch);

  bool run_statement(Statement& s);

  sqlite3* db_;
  Checkpointer& checkpointer_;
  DurableAcks acks_;
  // The transaction's statements, prepared once (sqlite3_exec parsed them for every write).
  Statement begin_, savepoint_, release_, rollback_to_, commit_, rollback_;
  BatchingWorker<PendingWrite> worker_;  // last: stops first
};

}  // namespace onb::server::storage
