// BLAKE2b-256 as lowercase hex (libsodium's crypto_generichash): the hash of tokens, invitations and
// idempotent requests' fingerprints. A leaf with no storage or HTTP types, so any layer may use it;
// the audit chain's linking rule stays in storage/audit_chain.hpp.
#pragma once

#include <string>
#include <string_view>

namespace onb::server::crypto {

// 64 lowercase hex digits of BLAKE2b-256(bytes), unkeyed. Never fails.
std::string blake2b_hex(std::string_view bytes);

}  // namespace onb::server::crypto
