#include "server/service/drafts.hpp"

#include "server/service/ids.hpp"
#include "shared/validation/company_basics.hpp"

namespace onb::server::service {
namespace {

DraftReply reply_for(storage::DraftRecord record) {
  auto problems = validation::validate_company_basics(record.basics);
  return DraftReply{std::move(record.id), std::move(record.basics), std::move(problems)};
}

}  // namespace

void DraftService::create(model::CompanyBasics basics, storage::Completion<DraftReply> done) {
  storage::DraftRecord record{random_id(), std::move(basics)};
  auto stored = record;  // the store consumes its copy; the reply is built from ours
  store_.insert_draft(std::move(record), [stored = std::move(stored), done](Result<void> r) mutable {
    if (!r) return done(r.error());
    done(reply_for(std::move(stored)));
  });
}

void DraftService::find(std::string id, storage::Completion<std::optional<DraftReply>> done) {
  if (!is_random_id(id)) return done(std::optional<DraftReply>{});
  store_.find_draft(std::move(id), [done](Result<std::optional<storage::DraftRecord>> r) {
    if (!r) return done(r.error());
    if (!*r) return done(std::optional<DraftReply>{});
    done(std::optional<DraftReply>(reply_for(std::move(**r))));
  });
}

}  // namespace onb::server::service
