// The SQLite adapter's accounts, sessions and idempotency records (see sqlite_store.hpp).
#include "server/storage/sqlite/sqlite_store.hpp"

#include "server/storage/sqlite/sqlite_idempotency.hpp"

#include "shared/core/json_codec.hpp"

namespace onb::server::storage {
namespace {


Result<AccountRecord> account_from(const Query& q, int first) {
  AccountRecord a;
  a.id = q.text(first);
  a.email = q.text(first + 1);
  auto role = onb::decode<workflow::Role>(Json(q.text(first + 2)));
  if (!role) return make_error(ErrorCategory::internal, "storage.corrupt", "", "account " + a.id + " has an unknown role");
  a.role = *role;
  a.approval_tier = q.optional_integer(first + 3);
  a.password_hash = q.text(first + 4);
  auto others = onb::decode_text<std::vector<workflow::Role>>(q.text(first + 5));
  if (!others) return make_error(ErrorCategory::internal, "storage.corrupt", "", "account " + a.id + " has unknown other roles");
  a.other_roles = std::move(*others);
  return a;
}

Result<std::optional<AccountRecord>> one_account(Query& q, const char* what) {
  const int rc = q.step();
  if (rc == SQLITE_DONE) return std::optional<AccountRecord>{};
  if (rc != SQLITE_ROW) return q.error(what);
  auto a = account_from(q, 0);
  if (!a) return a.error();
  return std::optional<AccountRecord>(std::move(*a));
}

}  // namespace

void SqliteStore::insert_account(AccountRecord account, std::optional<IdempotencyRecord> idempotency,
                                 Completion<WriteOutcome> done) {
  write(std::move(done), [a = std::move(account), key = std::move(idempotency)](StatementCache& sql) -> Result<WriteOutcome> {
    if (key) {
      auto first = stored_reply(sql, *key);
      if (!first) return first.error();
      if (*first) return WriteOutcome{WriteStatus::replayed, 0, std::move(*first)};
    }
    Query q(sql,
            "INSERT INTO accounts (id, email, role, approval_tier, password_hash, other_roles) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    const int rc = q.bind(1, a.id)
                       .bind(2, a.email)
                       .bind(3, onb::encode(a.role).get<std::string>())
                       .bind(4, a.approval_tier)
                       .bind(5, a.password_hash)
                       .bind(6, onb::encode(a.other_roles).dump())
                       .step();
    if (is_constraint(rc)) return make_error(ErrorCategory::conflict, "storage.conflict", "/email", "an account with this email exists");
    if (rc != SQLITE_DONE) return q.error("insert account");
    if (key)
      if (auto r = remember_reply(sql, *key); !r) return r.error();
    return WriteOutcome{};
  });
}

void SqliteStore::find_account_by_email(std::string email, Completion<std::optional<AccountRecord>> done) {
  read(std::move(done), [email = std::move(email)](StatementCache& sql) {
    Query q(sql, "SELECT id, email, role, approval_tier, password_hash, other_roles FROM accounts WHERE email = ?1");
    q.bind(1, email);
    return one_account(q, "find account");
  });
}

void SqliteStore::insert_session(SessionRecord session, Completion<void> done) {
  write(std::move(done), [s = std::move(session)](StatementCache& sql) -> Result<void> {
    // Expired sessions are dropped as new ones come in, so the table stays the size of the live ones.
    {
      Query purge(sql, "DELETE FROM sessions WHERE expires_at < unixepoch()");
      if (purge.step() != SQLITE_DONE) return purge.error("purge sessions");
    }
    Query q(sql, "INSERT INTO sessions (token_hash, account_id, expires_at) VALUES (?1, ?2, ?3)");
    if (q.bind(1, s.token_hash).bind(2, s.account_id).bind(3, s.expires_at).step() != SQLITE_DONE)
      return q.error("insert session");
    return {};
  });
}

void SqliteStore::find_session(std::string token_hash, std::int64_t now,
                               Completion<std::optional<SessionAccount>> done) {
  read(std::move(done), [token_hash = std::move(token_hash), now](StatementCache& sql) -> Result<std::optional<SessionAccount>> {
    Query q(sql,
            "SELECT a.id, a.email, a.role, a.approval_tier, a.password_hash, a.other_roles, s.expires_at FROM sessions s "
            "JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?1 AND s.expires_at > ?2");
    q.bind(1, token_hash).bind(2, now);
    const int rc = q.step();
    if (rc == SQLITE_DONE) return std::optional<SessionAccount>{};
    if (rc != SQLITE_ROW) return q.error("find session");
    auto a = account_from(q, 0);
    if (!a) return a.error();
    return std::optional<SessionAccount>(SessionAccount{std::move(*a), q.integer(6)});
  });
}

void SqliteStore::delete_session(std::string token_hash, Completion<void> done) {
  write(std::move(done), [token_hash = std::move(token_hash)](StatementCache& sql) -> Result<void> {
    Query q(sql, "DELETE FROM sessions WHERE token_hash = ?1");
    if (q.bind(1, token_hash).step() != SQLITE_DONE) return q.error("delete session");
    return {};
  });
}

void SqliteStore::find_idempotent(std::string account_id, std::string key,
                                  Completion<std::optional<IdempotencyRecord>> done) {
  read(std::move(done),
       [account_id = std::move(account_id), key = std::move(key)](StatementCache& sql)
           -> Result<std::optional<IdempotencyRecord>> {
         Query q(sql, "SELECT fingerprint, status, body FROM idempotency WHERE account_id = ?1 AND key = ?2");
         const int rc = q.bind(1, account_id).bind(2, key).step();
         if (rc == SQLITE_DONE) return std::optional<IdempotencyRecord>{};
         if (rc != SQLITE_ROW) return q.error("find idempotency key");
         return std::optional<IdempotencyRecord>(
             IdempotencyRecord{account_id, key, q.text(0), static_cast<int>(q.integer(1)), q.text(2)});
       });
}

}  // namespace onb::server::storage
