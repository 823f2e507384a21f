// Accounts and sessions: customers register themselves, staff are added from the command line, anyone
// logs in for a bearer token (random 32 bytes, stored only as its BLAKE2b hash) that expires. Passwords
// are argon2id on the PasswordPool; failed logins are throttled per account and per client address.
// HTTP is not here: answers are service::Answer values.
#pragma once

#include "shared/workflow/people.hpp"

#include "server/auth/login_throttle.hpp"
#include "server/auth/password_pool.hpp"
#include "server/service/answer.hpp"
#include "server/storage/ports/accounts.hpp"
#include "shared/workflow/events.hpp"

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace onb::server::service {

// A working day plus margin: staff log in once a day; a stolen token is useless by the next morning.
inline constexpr std::int64_t session_ttl_seconds = 12 * 60 * 60;
// NIST SP 800-63B: at least 8; we ask 10. The upper bound keeps one hash request from being a DoS.
inline constexpr std::size_t min_password_length = 10;
inline constexpr std::size_t max_password_length = 1024;
inline constexpr std::size_t max_email_length = 254;  // RFC 5321 path limit
inline constexpr std::size_t token_bytes = 32;

// The authenticated caller as the services see it.
struct Principal {
  std::string account_id;
  std::string email;
  workflow::Actor actor;                    // acting in the main role
  std::vector<workflow::Role> other_roles;  // staff may hold several roles (shared/workflow/people.hpp)
};

// The caller as the workflow's rules for people with several roles see them.
workflow::Person person_of(const Principal& who);

// The roles one account may hold: one role, or several staff roles (a customer or sales rep holds
// exactly one, so what they may see stays simple). The first is the main role.
Result<void> check_roles(const std::vector<workflow::Role>& roles, std::optional<int> tier);

class AccountService {
 public:
  AccountService(storage::AccountStore& store, auth::PasswordPool& passwords) : store_(store), passwords_(passwords) {}

  // With a key, a replay answers what the first request got (the account is created once).
  void register_customer(std::string email, std::string password, std::optional<IdempotencyKey> key, Done done);
  void login(std::string email, std::string password, std::string client_address, Done done);
  void logout(const std::string& token, Done done);
  // nullopt when the token is unknown or expired (the router answers 401).
  void authenticate(const std::string& token, storage::Completion<std::optional<Principal>> done);

  // For the command line: creates a staff (or customer) account with the given roles (main role first).
  void add_account(std::string email, std::vector<workflow::Role> roles, std::optional<int> tier, std::string password,
                   storage::Completion<std::string> done);


 private:
  // Hashes the password and inserts the account (with the answer to remember under a key, if any).
  void insert_new(storage::AccountRecord account, std::string password, std::optional<storage::IdempotencyRecord> remember,
                  storage::Completion<storage::WriteOutcome> done);
  void start_session(const storage::AccountRecord& account, Done done);

  storage::AccountStore& store_;
  auth::PasswordPool& passwords_;
  auth::LoginThrottle throttle_;

  // Sessions recently looked up, by token hash: every API request authenticates, and a database
  // round trip per request was a large share of a status read. An entry is trusted for
  // session_cache_seconds at most, so a logout made through another server (several servers share a
  // database with PostgreSQL) takes effect within that time; a logout here takes effect at once.
  struct CachedSession {
    Principal who;
    std::int64_t expires_at = 0;   // the session's own expiry
    std::int64_t trusted_until = 0;
  };
  std::mutex sessions_mutex_;
  std::unordered_map<std::string, CachedSession> sessions_;
};

inline constexpr std::int64_t session_cache_seconds = 10;
inline constexpr std::size_t max_cached_sessions = 100'000;

// Lower-cased and trimmed; Error "request.email" when it is not plausibly an address.
[[nodiscard]] Result<std::string> normalise_email(std::string_view email);
[[nodiscard]] Result<void> check_password(std::string_view password);

}  // namespace onb::server::service
