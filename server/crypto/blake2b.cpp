#include "server/crypto/blake2b.hpp"

#include <sodium.h>

#include <array>

namespace onb::server::crypto {

std::string blake2b_hex(std::string_view bytes) {
  std::array<unsigned char, 32> out{};  // BLAKE2b-256, as the stored hashes have always been
  crypto_generichash(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                     nullptr, 0);
  std::string hex(out.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), out.data(), out.size());
  hex.pop_back();
  return hex;
}

}  // namespace onb::server::crypto
