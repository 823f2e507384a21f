#include "server/service/ids.hpp"

#include <sodium.h>

#include <array>
#include <cstdlib>

namespace onb::server::service {

std::string random_id() {
  // sodium_init is thread-safe and idempotent; it fails only without a working entropy source, where
  // handing out guessable ids would be worse than stopping.
  static const bool initialised = sodium_init() >= 0;
  if (!initialised) std::abort();
  std::array<unsigned char, random_id_bytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, random_id_bytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), random_id_bytes * 2);
}

bool is_random_id(std::string_view s) {
  if (s.size() != random_id_bytes * 2) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

}  // namespace onb::server::service
