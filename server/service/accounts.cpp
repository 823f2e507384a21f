#include "server/service/accounts.hpp"

#include "server/service/clock.hpp"
#include "server/service/ids.hpp"
#include "server/storage/audit_chain.hpp"
#include "shared/core/calendar.hpp"
#include "shared/protocol/api.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace onb::server::service {
namespace {

protocol::AccountView view_of(const storage::AccountRecord& a) {
  protocol::AccountView v{a.id, a.email, a.role, a.approval_tier, std::nullopt};
  if (!a.other_roles.empty()) v.other_roles = a.other_roles;
  return v;
}

std::string random_token() {
  std::array<unsigned char, token_bytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, token_bytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), token_bytes * 2);
}

// Verifying against this when the email is unknown makes "no such account" cost as much as "wrong
// password", so response times do not reveal which addresses have accounts.
const std::string& decoy_hash() {
  static const std::string h = auth::hash_password_now("decoy password that matches nothing").value_or("");
  return h;
}

Answer throttled(std::int64_t seconds) {
  return failure(ErrorCategory::throttled, "auth.throttled", "", "too many failed logins; retry in " + std::to_string(seconds) + " s");
}

bool holds(const std::vector<workflow::Role>& roles, workflow::Role r) {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

}  // namespace

workflow::Person person_of(const Principal& who) { return {who.actor, who.other_roles}; }

Result<void> check_roles(const std::vector<workflow::Role>& roles, std::optional<int> tier) {
  using workflow::Role;
  if (roles.empty()) return make_error(ErrorCategory::invalid, "account.roles", "/roles", "an account needs a role");
  for (std::size_t i = 0; i < roles.size(); ++i)
    if (std::find(roles.begin() + static_cast<long>(i) + 1, roles.end(), roles[i]) != roles.end())
      return make_error(ErrorCategory::invalid, "account.roles", "/roles", "a role is listed twice");
  if (roles.size() > 1 && (holds(roles, Role::customer) || holds(roles, Role::sales_rep)))
    return make_error(ErrorCategory::invalid, "account.roles", "/roles", "customers and sales reps hold one role; only staff combine roles");
  if (tier && !holds(roles, Role::credit_approver))
    return make_error(ErrorCategory::invalid, "account.tier", "/approval_tier", "only a credit approver has an approval tier");
  if (holds(roles, Role::credit_approver) && (!tier || *tier < 1))
    return make_error(ErrorCategory::invalid, "account.tier", "/approval_tier", "a credit approver needs an approval tier of 1 or more");
  return {};
}

Result<std::string> normalise_email(std::string_view email) {
  std::string e(email);
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto at = e.find('@');
  const bool plausible = !e.empty() && e.size() <= max_email_length && at != std::string::npos && at > 0 &&
                         e.find('.', at) != std::string::npos && e.find_first_of(" \t\r\n<>\"") == std::string::npos &&
                         e.find('@', at + 1) == std::string::npos && e.back() != '.';
  if (!plausible) return make_error(ErrorCategory::malformed, "request.email", "/email", "not an e-mail address");
  return Result<std::string>(boost::system::in_place_value, std::move(e));
}

Result<void> check_password(std::string_view password) {
  if (password.size() < min_password_length)
    return make_error(ErrorCategory::malformed, "request.password_too_short", "/password",
                      "use at least " + std::to_string(min_password_length) + " characters");
  if (password.size() > max_password_length)
    return make_error(ErrorCategory::malformed, "request.password_too_long", "/password",
                      "use at most " + std::to_string(max_password_length) + " characters");
  return {};
}

void AccountService::insert_new(storage::AccountRecord account, std::string password,
                                std::optional<storage::IdempotencyRecord> remember,
                                storage::Completion<storage::WriteOutcome> done) {
  const bool queued = passwords_.hash(std::move(password), [this, account, remember, done](std::optional<std::string> hash) mutable {
    if (!hash) return done(make_error(ErrorCategory::internal, "internal.hash", "", "password hashing failed"));
    account.password_hash = std::move(*hash);
    store_.insert_account(std::move(account), std::move(remember), [done](Result<storage::WriteOutcome> r) {
      if (!r && r.error().category == ErrorCategory::conflict)
        return done(make_error(ErrorCategory::conflict, "account.exists", "/email", "an account with this e-mail exists"));
      done(std::move(r));
    });
  });
  if (!queued) done(make_error(ErrorCategory::unavailable, "auth.busy", "", "the server is busy hashing passwords; retry in a second"));
}

void AccountService::add_account(std::string email, std::vector<workflow::Role> roles, std::optional<int> tier,
                                 std::string password, storage::Completion<std::string> done) {
  auto normal = normalise_email(email);
  if (!normal) return done(normal.error());
  if (auto ok = check_password(password); !ok) return done(ok.error());
  if (auto ok = check_roles(roles, tier); !ok) return done(ok.error());
  storage::AccountRecord account{random_id(), *normal, roles.front(), tier, "", {roles.begin() + 1, roles.end()}};
  const auto id = account.id;
  insert_new(std::move(account), std::move(password), std::nullopt, [id, done](Result<storage::WriteOutcome> r) {
    if (!r) return done(r.error());
    done(Result<std::string>(boost::system::in_place_value, id));
  });
}

// Registrations have no account yet: their Idempotency-Keys live under this name. The fingerprint
// covers the e-mail, never the password (the table must not hold anything derived from it cheaply).
constexpr const char* registration_keys = "registration";

void AccountService::register_customer(std::string email, std::string password, std::optional<IdempotencyKey> key,
                                       Done done) {
  auto normal = normalise_email(email);
  if (!normal) return done(failure(normal.error()));
  if (auto ok = check_password(password); !ok) return done(failure(ok.error()));
  storage::AccountRecord account{random_id(), *normal, workflow::Role::customer, std::nullopt, "", {}};
  const Answer created = success(201, view_of(account));
  std::optional<storage::IdempotencyRecord> remember;
  if (key)
    remember = storage::IdempotencyRecord{registration_keys, key->key, storage::blake2b_hex("registration\n" + *normal),
                                          created.status, created.body};
  insert_new(std::move(account), std::move(password), remember, [created, remember, done](Result<storage::WriteOutcome> r) {
    if (!r) return done(failure(r.error()));
    if (r->status != storage::WriteStatus::replayed) return done(created);
    if (r->replay->fingerprint != remember->fingerprint)
      return done(failure(ErrorCategory::invalid, "idempotency.key_reused", "", "this Idempotency-Key was used for a different request"));
    done(Answer{r->replay->status, r->replay->body, std::nullopt, true});
  });
}

void AccountService::login(std::string email, std::string password, std::string client_address, Done done) {
  auto normal = normalise_email(email);
  if (!normal) return done(failure(normal.error()));
  const auto now = unix_now();
  const std::string account_key = "account:" + *normal, address_key = "address:" + client_address;
  for (const auto& key : {account_key, address_key})
    if (auto wait = throttle_.wait(key, now)) return done(throttled(*wait));
  store_.find_account_by_email(*normal, [this, password = std::move(password), account_key, address_key,
                                         done](Result<std::optional<storage::AccountRecord>> found) mutable {
    if (!found) return done(failure(found.error()));
    const auto account = *found;
    const std::string hash = account ? account->password_hash : decoy_hash();
    const bool queued = passwords_.verify(hash, std::move(password), [=, this](bool match) {
      if (!match || !account) {
        throttle_.failed(account_key, unix_now());
        throttle_.failed(address_key, unix_now());
        return done(failure(ErrorCategory::unauthenticated, "auth.invalid_credentials", "", "wrong e-mail or password"));
      }
      throttle_.succeeded(account_key);
      start_session(*account, done);
    });
    if (!queued) done(failure(ErrorCategory::unavailable, "auth.busy", "", "the server is busy hashing passwords; retry in a second"));
  });
}

void AccountService::start_session(const storage::AccountRecord& account, Done done) {
  const std::string token = random_token();
  const std::int64_t expires = unix_now() + session_ttl_seconds;
  protocol::SessionView view{token, format_instant(expires), view_of(account)};
  store_.insert_session({storage::blake2b_hex(token), account.id, expires}, [view, done](Result<void> r) {
    if (!r) return done(failure(r.error()));
    done(success(201, view));
  });
}

void AccountService::logout(const std::string& token, Done done) {
  const auto hash = storage::blake2b_hex(token);
  {
    std::lock_guard lock(sessions_mutex_);
    sessions_.erase(hash);
  }
  store_.delete_session(hash, [done](Result<void> r) {
    if (!r) return done(failure(r.error()));
    done(Answer{204, "", std::nullopt, false});
  });
}

void AccountService::authenticate(const std::string& token, storage::Completion<std::optional<Principal>> done) {
  auto hash = storage::blake2b_hex(token);
  const auto now = unix_now();
  std::optional<Principal> cached;
  {
    std::lock_guard lock(sessions_mutex_);
    const auto it = sessions_.find(hash);
    if (it != sessions_.end() && now < it->second.trusted_until && now < it->second.expires_at) cached = it->second.who;
  }
  // Outside the lock: `done` runs the whole request, which must not serialize every other caller.
  if (cached) return done(std::move(cached));
  store_.find_session(hash, now, [this, hash, now, done](Result<std::optional<storage::SessionAccount>> r) {
    if (!r) return done(r.error());
    if (!*r) return done(std::optional<Principal>{});
    const auto& a = (*r)->account;
    Principal who{a.id, a.email, workflow::Actor{a.id, a.role, a.approval_tier}, a.other_roles};
    {
      std::lock_guard lock(sessions_mutex_);
      if (sessions_.size() >= max_cached_sessions) sessions_.clear();
      sessions_[hash] = CachedSession{who, (*r)->expires_at, now + session_cache_seconds};
    }
    done(std::optional<Principal>(std::move(who)));
  });
}

}  // namespace onb::server::service
