// The Idempotency-Key rule of every write use case, in one place beside the idempotency port
// (server/storage/ports/idempotency.hpp): a key already used by this account gets the first answer back,
// byte for byte, and writes nothing; the same key with another request (another fingerprint) is refused.
// Looked up before the work starts (the common replay costs no validation) and stored with the write in
// its transaction (so two racing requests with one key still write once: the port reports replayed).
#pragma once

#include "server/service/answer.hpp"
#include "server/storage/ports/idempotency.hpp"

#include <functional>
#include <optional>
#include <string>

namespace onb::server::service {

// The stored first answer as the reply to a request that came with `asked`: the same status and body
// (with the ETag of the version the body carries, if it carries one), or idempotency.key_reused when
// the key came with a different request.
Answer replay_of(const storage::IdempotencyRecord& stored, const std::optional<IdempotencyKey>& asked);

// Runs `work` unless `asked` (if any) already has an answer stored under `account_id`, which then goes
// to `done` (as does a storage failure of the lookup).
void unless_replayed(storage::IdempotencyStore& store, const std::string& account_id,
                     const std::optional<IdempotencyKey>& asked, const Done& done, std::function<void()> work);

// What a write stores so that a replay of `asked` answers `answer` (nothing without a key).
std::optional<storage::IdempotencyRecord> remembered(const std::string& account_id,
                                                     const std::optional<IdempotencyKey>& asked, const Answer& answer);

}  // namespace onb::server::service
