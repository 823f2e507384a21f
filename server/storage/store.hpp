// The storage seam: one port per concern (ports/*.hpp), and the Store an adapter implements, which is
// every port plus its lifetime. Services take only the ports they use; main opens a Store with open(url)
// and hands each service its ports. A new concern (screening runs, the customer master, KPI projections,
// the outbox) is a new port header, one more base below, and its implementation in every adapter, which
// the store contract suite (tests/server/store_contract_test.cpp) then checks.
#pragma once

#include "server/storage/ports/accounts.hpp"
#include "server/storage/ports/documents.hpp"
#include "server/storage/ports/drafts.hpp"
#include "server/storage/ports/enrollments.hpp"
#include "server/storage/ports/idempotency.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace onb::server::storage {

class Store : public DraftStore,
              public AccountStore,
              public IdempotencyStore,
              public EnrollmentStore,
              public DocumentStore {
 public:
  ~Store() override = default;

  // Finishes every operation already started (their completions run), then closes the database.
  // Later operations complete with "storage.closed". Idempotent; not from inside a completion.
  virtual void close() = 0;

  // The schema the database is at (after the migrations open() ran).
  virtual int schema_version() const = 0;
  // Writes waiting for their commit to begin (a gauge of /metrics).
  virtual std::size_t queued_writes() const = 0;
};

// Opens the database `url` names and migrates it to the current schema:
//   a file path, or sqlite://PATH   SQLite (sqlite:///var/lib/onboard.db is the absolute path)
//   postgresql://…, postgres://…    "storage.unsupported": the PostgreSQL adapter is not built yet
// Anything else with "://" is "storage.bad_url". Failures of the adapter's own open are its errors.
[[nodiscard]] Result<std::unique_ptr<Store>> open(const std::string& url);

}  // namespace onb::server::storage
