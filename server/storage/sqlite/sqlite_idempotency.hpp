// The idempotency table of the SQLite adapter: the first answer to a write, stored in the write's own
// transaction under (account, key), so that a replayed request gets that answer and writes nothing.
#pragma once

#include "server/storage/sqlite/sqlite_query.hpp"
#include "server/storage/ports/idempotency.hpp"

#include <optional>

namespace onb::server::storage {

// The answer stored under `key`'s (account_id, key), if any.
Result<std::optional<IdempotencyRecord>> stored_reply(StatementCache& sql, const IdempotencyRecord& key);
Result<void> remember_reply(StatementCache& sql, const IdempotencyRecord& reply);

}  // namespace onb::server::storage
