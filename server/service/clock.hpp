// The server's one clock: shared/ never reads time, so the services pass "now" into every rule.
#pragma once

#include <chrono>
#include <cstdint>

namespace onb::server::service {

inline std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

}  // namespace onb::server::service
