// The accounts port: people who log in (customers and staff) and their sessions.
#pragma once

#include "server/storage/ports/completion.hpp"
#include "server/storage/ports/idempotency.hpp"
#include "shared/workflow/state.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace onb::server::storage {

struct AccountRecord {
  std::string id;
  std::string email;  // lower-cased by the service; unique
  workflow::Role role = workflow::Role::customer;  // the main role
  std::optional<int> approval_tier;
  std::string password_hash;  // crypto_pwhash_str output (argon2id, parameters inside)
  std::vector<workflow::Role> other_roles;  // further staff roles of the same person
};

struct SessionAccount {  // a live session: whose, and until when
  AccountRecord account;
  std::int64_t expires_at = 0;  // unix seconds
};

struct SessionRecord {
  std::string token_hash;  // hex BLAKE2b of the bearer token: a stolen database holds no usable token
  std::string account_id;
  std::int64_t expires_at = 0;  // unix seconds
};

class AccountStore {
 public:
  virtual ~AccountStore() = default;

  // Durable when `done` reports applied. An e-mail in use: storage.conflict. With an idempotency
  // record: a key already used reports replayed with the first answer and inserts nothing; otherwise
  // the record is stored with the account.
  virtual void insert_account(AccountRecord account, std::optional<IdempotencyRecord> idempotency,
                              Completion<WriteOutcome> done) = 0;
  virtual void find_account_by_email(std::string email, Completion<std::optional<AccountRecord>> done) = 0;
  virtual void insert_session(SessionRecord session, Completion<void> done) = 0;
  // The session's account when the session exists and has not expired at `now`.
  virtual void find_session(std::string token_hash, std::int64_t now, Completion<std::optional<SessionAccount>> done) = 0;
  virtual void delete_session(std::string token_hash, Completion<void> done) = 0;
};

}  // namespace onb::server::storage
