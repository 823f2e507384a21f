#include "server/auth/login_throttle.hpp"

#include <algorithm>

namespace onb::server::auth {

std::optional<std::int64_t> LoginThrottle::wait(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.locked_until <= now) return std::nullopt;
  return it->second.locked_until - now;
}

void LoginThrottle::failed(const std::string& key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_tracked_keys) entries_.clear();
  auto& e = entries_[key];
  ++e.failures;
  if (e.failures < free_failures) return;
  const int doublings = std::min(e.failures - free_failures, 20);
  e.locked_until = now + std::min(max_lockout_seconds, first_lockout_seconds << doublings);
}

void LoginThrottle::succeeded(const std::string& key) {
  std::lock_guard lock(mutex_);
  entries_.erase(key);
}

}  // namespace onb::server::auth
