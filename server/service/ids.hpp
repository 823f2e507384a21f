// Identifiers the server hands out: 128 random bits as 32 lowercase hex digits, from libsodium's
// CSPRNG, so ids reveal neither order nor count and cannot be guessed. Parsing of other ids (VAT, LEI)
// does not belong here.
#pragma once

#include <string>
#include <string_view>

namespace onb::server::service {

inline constexpr std::size_t random_id_bytes = 16;  // 2^128: collisions are not a practical concern

std::string random_id();

// True for exactly what random_id() produces (lets lookups refuse junk before touching storage).
bool is_random_id(std::string_view s);

}  // namespace onb::server::service
