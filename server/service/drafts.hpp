// Use cases for company-basics drafts: store what the applicant has so far and say what is still wrong.
// The rules themselves live in shared/validation; HTTP (statuses, decoding) lives in the router.
#pragma once

#include "server/storage/ports/drafts.hpp"
#include "shared/model/company_basics.hpp"
#include "shared/validation/problem.hpp"

#include <boost/describe.hpp>

#include <optional>
#include <string>

namespace onb::server::service {

// The answer to creating or reading a draft. Wire format: candidate for shared/protocol once the
// portal consumes it.
struct DraftReply {
  std::string id;
  model::CompanyBasics draft;
  validation::Problems problems;  // from validate_company_basics, recomputed on every read
};
BOOST_DESCRIBE_STRUCT(DraftReply, (), (id, draft, problems))

class DraftService {
 public:
  explicit DraftService(storage::DraftStore& store) : store_(store) {}

  // Stores the draft under a new random id even when it has problems (drafts are incomplete by
  // nature); `done` runs after the commit. Fails only on a storage fault.
  void create(model::CompanyBasics basics, storage::Completion<DraftReply> done);

  // nullopt when no draft has that id (including ids that are not well-formed).
  void find(std::string id, storage::Completion<std::optional<DraftReply>> done);

 private:
  storage::DraftStore& store_;
};

}  // namespace onb::server::service
