// Slowing down password guessing: failed logins are counted per key (an account's email, a client
// address); after a few, that key must wait before the next attempt, the wait doubling per further
// failure. In memory: a restart forgets, which costs an attacker nothing they could not get by waiting.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace onb::server::auth {

// Typos happen; five free attempts keep honest users unaffected.
inline constexpr int free_failures = 5;
inline constexpr std::int64_t first_lockout_seconds = 1;
// At most 15 minutes: long enough to make online guessing hopeless, short enough not to lock a
// legitimate user out for a day because someone else tried their address.
inline constexpr std::int64_t max_lockout_seconds = 15 * 60;
// Bounds memory under a flood of distinct keys; the table is cleared when it is reached.
inline constexpr std::size_t max_tracked_keys = 100'000;

class LoginThrottle {
 public:
  // Seconds to wait before `key` may try again, or nullopt when it may try now.
  std::optional<std::int64_t> wait(const std::string& key, std::int64_t now);
  void failed(const std::string& key, std::int64_t now);
  void succeeded(const std::string& key);

 private:
  struct Entry {
    int failures = 0;
    std::int64_t locked_until = 0;
  };
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace onb::server::auth
