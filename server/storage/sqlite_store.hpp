// The SQLite adapter of the storage port: one database file in WAL mode, one connection owned by one
// worker thread, so SQLite never runs on an I/O thread. Group commit (many inserts per transaction on
// that same thread) slots in behind insert_draft without changing the port. Schema lives in the .cpp.
#pragma once

#include "server/storage/serial_worker.hpp"
#include "server/storage/sqlite_connection.hpp"
#include "server/storage/store.hpp"

#include <memory>
#include <string>

namespace onb::server::storage {

class SqliteStore final : public Store {
 public:
  // Opens or creates `path` and migrates it to the current schema. Fails on an unwritable file, a
  // file that is not a database, or a schema written by a newer server.
  [[nodiscard]] static Result<std::unique_ptr<SqliteStore>> open(const std::string& path);

  ~SqliteStore() override;  // close()

  // Finishes every operation already started (their completions run), then closes the database.
  // Later operations complete with "storage.closed". Idempotent; not from inside a completion.
  void close();

  int schema_version() const { return schema_version_; }

  void insert_draft(DraftRecord draft, Completion<void> done) override;
  void find_draft(std::string id, Completion<std::optional<DraftRecord>> done) override;

 private:
  struct Statements {
    Statement insert_draft;
    Statement find_draft;
  };
  SqliteStore(Connection db, Statements statements, int schema_version);

  Result<void> do_insert(const DraftRecord& draft);
  Result<std::optional<DraftRecord>> do_find(const std::string& id);

  // Declaration order is destruction order reversed: the worker stops (and joins) before the
  // statements are finalized and the connection closes.
  Connection db_;
  Statements statements_;
  int schema_version_;
  SerialWorker worker_;
};

}  // namespace onb::server::storage
