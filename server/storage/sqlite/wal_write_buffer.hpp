// A SQLite VFS for the group-commit writer's connection: its WAL file gathers a commit's frames in
// memory and reaches the file in one write when SQLite syncs the commit. SQLite writes every WAL
// frame as two pwrite calls (a 24-byte header, then the page), so a batch of ≈50 pages cost ≈100
// system calls on the writer's thread, which every write waits for: `pwrite` was ≈56 % of that
// thread's samples (docs/perf/server.md).
//
// The WAL's sync is only that write: the fdatasync is DurableAcks' (group_commit.hpp), which syncs the
// WAL file before any write of a batch is acknowledged, and once when it starts (covering what was
// committed before it, e.g. migrations). So this VFS is for a connection whose every commit goes
// through a GroupCommitWriter, and nothing else. Files other than WAL files are the default VFS's own.
//
// Order is kept where it matters: SQLite syncs the WAL before it publishes a commit in the wal-index,
// so the frames are in the file before another connection may look for them; any other use of the
// file (read, size, truncate, file control, close) writes the gathered bytes first, so the connection
// always reads what it wrote.
#pragma once

namespace onb::server::storage {

// The VFS's registered name (registered once, never the default), for sqlite3_open_v2.
const char* wal_write_buffer_vfs();

}  // namespace onb::server::storage
