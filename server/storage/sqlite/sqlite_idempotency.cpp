#include "server/storage/sqlite/sqlite_idempotency.hpp"

namespace onb::server::storage {

Result<std::optional<IdempotencyRecord>> stored_reply(StatementCache& sql, const IdempotencyRecord& key) {
  Query q(sql, "SELECT fingerprint, status, body FROM idempotency WHERE account_id = ?1 AND key = ?2");
  const int rc = q.bind(1, key.account_id).bind(2, key.key).step();
  if (rc == SQLITE_DONE) return std::optional<IdempotencyRecord>{};
  if (rc != SQLITE_ROW) return q.error("read idempotency key");
  return std::optional<IdempotencyRecord>(
      IdempotencyRecord{key.account_id, key.key, q.text(0), static_cast<int>(q.integer(1)), q.text(2)});
}

Result<void> remember_reply(StatementCache& sql, const IdempotencyRecord& r) {
  Query q(sql, "INSERT INTO idempotency (account_id, key, fingerprint, status, body) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (q.bind(1, r.account_id).bind(2, r.key).bind(3, r.fingerprint).bind(4, std::int64_t{r.status}).bind(5, r.body).step() !=
      SQLITE_DONE)
    return q.error("store idempotency key");
  return {};
}

}  // namespace onb::server::storage
