// The canonical bytes of an event: what the server hashes into the audit chain
// (hash_n = BLAKE2b(hash_{n-1} || canonical_bytes(event_n))). Changing anything that alters these
// bytes for an existing event breaks every stored chain; treat it as a protocol change.
// Hashing and storage do not belong here (shared/ has no crypto); only the byte form.
#pragma once

#include "shared/workflow/events.hpp"

#include <string>

namespace onb::workflow {

// The rules, all of which the pinned test in tests/shared/workflow/canonical_test.cpp holds us to:
// - the generic codec's JSON of the event (onb::encode), so member names are the wire names;
// - object keys sorted by byte value (nlohmann's default object is a std::map), at every level;
// - no whitespace at all; strings as UTF-8 bytes, escaping only what JSON requires ("\"", "\\",
//   and control characters as \u00XX), never \u-escaping non-ASCII;
// - absent optionals are omitted, never written as null; empty lists are written as [];
// - numbers are integers only (events hold no floating point: a static_assert in canonical.cpp keeps
//   it so) printed in shortest decimal form, so one value has one spelling;
// - `at` is already canonical ("YYYY-MM-DDTHH:MM:SSZ"), which check_event_shape() enforces.
// Ill-formed UTF-8 (which check_event_shape() refuses) is replaced by U+FFFD instead of throwing.
std::string canonical_bytes(const Event& event);

}  // namespace onb::workflow
