#include "server/storage/audit_chain.hpp"

#include "shared/workflow/canonical.hpp"

#include <sodium.h>

#include <array>

namespace onb::server::storage {
namespace {

constexpr std::size_t hash_bytes = 32;  // BLAKE2b-256: collision resistance far beyond an audit log's needs

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

}  // namespace

const std::string& genesis_hash() {
  static const std::string zeros(hash_bytes * 2, '0');
  return zeros;
}

std::string chain_hash(std::string_view prev_hex, const workflow::Event& event) {
  return chain_hash_of(prev_hex, workflow::canonical_bytes(event));
}

std::string chain_hash_of(std::string_view prev_hex, std::string_view bytes) {
  std::array<unsigned char, hash_bytes> prev{};
  std::size_t prev_len = 0;
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, hash_bytes);
  const bool hex_ok = prev_hex.size() == hash_bytes * 2 &&
                      sodium_hex2bin(prev.data(), prev.size(), prev_hex.data(), prev_hex.size(), nullptr, &prev_len,
                                     nullptr) == 0 &&
                      prev_len == hash_bytes;
  if (hex_ok)
    crypto_generichash_update(&state, prev.data(), prev.size());
  else
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(prev_hex.data()), prev_hex.size());
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  std::array<unsigned char, hash_bytes> out{};
  crypto_generichash_final(&state, out.data(), out.size());
  return to_hex(out.data(), out.size());
}

}  // namespace onb::server::storage
