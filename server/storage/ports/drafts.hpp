// The drafts port: the company basics a visitor enters before registering.
#pragma once

#include "server/storage/ports/completion.hpp"
#include "shared/model/company_basics.hpp"

#include <optional>
#include <string>

namespace onb::server::storage {

struct DraftRecord {
  std::string id;  // 32 lowercase hex digits, chosen by the service
  model::CompanyBasics basics;
};

class DraftStore {
 public:
  virtual ~DraftStore() = default;

  // Completes once the row is durably committed (so a reply sent from `done` never acknowledges a
  // write a crash could lose). An id already stored: storage.conflict.
  virtual void insert_draft(DraftRecord draft, Completion<void> done) = 0;

  // The draft with that id, or nullopt when there is none.
  virtual void find_draft(std::string id, Completion<std::optional<DraftRecord>> done) = 0;
};

}  // namespace onb::server::storage
