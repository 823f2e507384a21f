// The audit chain: each stored event's hash is BLAKE2b-256(previous hash || canonical bytes of the event),
// so changing, removing or reordering any stored event breaks every later link. Every adapter computes
// and checks links with these two functions; where the bytes come from is the adapter's business.
#pragma once

#include "server/crypto/blake2b.hpp"
#include "shared/workflow/events.hpp"

#include <string>
#include <string_view>

namespace onb::server::storage {

// The link before an enrollment's first event: 64 hex zeros.
const std::string& genesis_hash();

// Hex of BLAKE2b-256(bytes(prev_hex) || workflow::canonical_bytes(event)). A prev_hex that is not
// 64 hex digits is hashed as given (its text), so a corrupted stored link can never match.
std::string chain_hash(std::string_view prev_hex, const workflow::Event& event);
// The same over canonical bytes already made (the writer stores them as the event's body too).
std::string chain_hash_of(std::string_view prev_hex, std::string_view canonical);

using crypto::blake2b_hex;  // token and invitation hashes (server/crypto/blake2b.hpp)

}  // namespace onb::server::storage
