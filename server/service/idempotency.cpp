#include "server/service/idempotency.hpp"

namespace onb::server::service {
namespace {

// An enrollment's answer carries its version, which is its ETag; other answers carry none.
std::optional<std::string> etag_of(const std::string& body) {
  auto j = Json::parse(body, nullptr, false);
  if (!j.is_object() || !j.contains("version") || !j["version"].is_number_unsigned()) return std::nullopt;
  return "\"" + std::to_string(j["version"].get<std::uint64_t>()) + "\"";
}

}  // namespace

Answer replay_of(const storage::IdempotencyRecord& stored, const std::optional<IdempotencyKey>& asked) {
  if (!asked || stored.fingerprint != asked->fingerprint)
    return failure(ErrorCategory::invalid, "idempotency.key_reused", "", "this Idempotency-Key was used for a different request");
  return Answer{stored.status, stored.body, etag_of(stored.body), true};
}

void unless_replayed(storage::IdempotencyStore& store, const std::string& account_id,
                     const std::optional<IdempotencyKey>& asked, const Done& done, std::function<void()> work) {
  if (!asked) return work();
  store.find_idempotent(account_id, asked->key,
                        [asked, done, work = std::move(work)](Result<std::optional<storage::IdempotencyRecord>> r) {
                          if (!r) return done(failure(r.error()));
                          if (*r) return done(replay_of(**r, asked));
                          work();
                        });
}

std::optional<storage::IdempotencyRecord> remembered(const std::string& account_id,
                                                     const std::optional<IdempotencyKey>& asked, const Answer& answer) {
  if (!asked) return std::nullopt;
  return storage::IdempotencyRecord{account_id, asked->key, asked->fingerprint, answer.status, answer.body};
}

}  // namespace onb::server::service
