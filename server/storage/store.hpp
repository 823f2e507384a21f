// The storage port: what the services need from a database, as asynchronous operations that report
// through a completion. Adapters (SQLite now, PostgreSQL later) implement it; services and handlers
// see only this. SQL, connections and threads do not belong here.
#pragma once

#include "shared/core/result.hpp"
#include "shared/model/company_basics.hpp"

#include <functional>
#include <optional>
#include <string>

namespace onb::server::storage {

struct DraftRecord {
  std::string id;  // 32 lowercase hex digits, chosen by the service
  model::CompanyBasics basics;
};

// Called exactly once per operation, on a thread of the adapter (only "storage.closed" may complete
// inside the call that started the operation). It must not block: hand work back to the caller's executor.
template <class T>
using Completion = std::function<void(Result<T>)>;

// Error codes every adapter uses: "storage.conflict" (the id exists), "storage.failure" (a database
// fault), "storage.corrupt" (a stored row no longer decodes), "storage.closed" (after shutdown began).
class Store {
 public:
  virtual ~Store() = default;

  // Completes once the row is durably committed (so a reply sent from `done` never acknowledges a
  // write a crash could lose). Why asynchronous: a later adapter batches many inserts into one commit
  // on a single writer thread, and the caller must not hold a thread while waiting for it.
  virtual void insert_draft(DraftRecord draft, Completion<void> done) = 0;

  // The draft with that id, or nullopt when there is none.
  virtual void find_draft(std::string id, Completion<std::optional<DraftRecord>> done) = 0;
};

}  // namespace onb::server::storage
